import { AlignmentType, type Table, TableRow } from "docx";
import { formatChange } from "../../../../core/monitoring";
import type { Table2View } from "../../../../shared/monitoring-api";
import { cell, fixedTable, packDocument, paragraph, SIZE, sectionRow } from "../../plans/documents/docx-kit";
import { percentText } from "./format";

/** The title of Table 2 as seed 003 prints it. */
export const TABLE2_TITLE =
  "Количественные показатели итогового мониторинга реализации программ повышения качества образования";

const center = { alignment: AlignmentType.CENTER } as const;

/** The header rows: № | Показатель | Значение <года> (Количество единиц, в %) … | Изменение. */
function headerRows(table: Table2View): TableRow[] {
  const changes = table.years.slice(1).map((y, i) => `Изменение ${table.years[i]}–${y}`);
  const top = new TableRow({
    tableHeader: true,
    children: [
      cell("№", { bold: true, ...center }),
      cell("Показатель", { bold: true, ...center }),
      ...table.years.map((y) => cell(`Значение ${y} года`, { bold: true, columnSpan: 2, ...center })),
      ...changes.map((c) => cell(c, { bold: true, columnSpan: 2, ...center })),
    ],
  });
  const second = new TableRow({
    tableHeader: true,
    children: [
      cell("", {}),
      cell("", {}),
      ...[...table.years, ...changes].flatMap((_, i) =>
        i < table.years.length
          ? [cell("Количество единиц", { bold: true, ...center }), cell("в %", { bold: true, ...center })]
          : [cell("ед.", { bold: true, ...center }), cell("п. п.", { bold: true, ...center })],
      ),
    ],
  });
  return [top, second];
}

/** Table 2 as a DOCX table: criteria as group rows, each indicator with its base stated. */
export function table2Table(table: Table2View): Table {
  const columns = 2 + table.years.length * 2 + (table.years.length - 1) * 2;
  const rows = headerRows(table);
  for (const row of table.rows) {
    if (row.kind === "criterion") {
      rows.push(sectionRow(`${row.code} ${row.title}`, columns));
      continue;
    }
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          cell(row.code),
          cell(`${row.wording} (${row.baseLabel})`),
          ...row.cells.flatMap((c) => [cell(String(c.count), center), cell(percentText(c.percent), center)]),
          ...row.changes.flatMap((c) => [
            cell(formatChange(c.count), center),
            cell(formatChange(c.percentPoints), center),
          ]),
        ],
      }),
    );
  }
  const weights = [6, 34, ...Array.from({ length: columns - 2 }, () => 60 / (columns - 2))];
  return fixedTable(weights, rows);
}

/** The bases of the percents, a sentence per year. */
export function basesText(table: Table2View): string[] {
  return table.bases.map(
    (b) =>
      `${b.year} год: ОО программы — ${b.programme}; ОО ${table.municipalityName ? "муниципалитета" : "региона"} — ${b.region}; муниципальных образований — ${b.municipalities}.`,
  );
}

/** Table 2 as a DOCX document in seed 003's layout. */
export function buildTable2Docx(table: Table2View): Promise<Buffer> {
  const territory = table.municipalityName
    ? `${table.regionName}, ${table.municipalityName}`
    : table.regionName;
  return packDocument({
    title: TABLE2_TITLE,
    sections: [
      [
        paragraph("Таблица 2", { alignment: AlignmentType.RIGHT, size: SIZE.body }),
        paragraph(TABLE2_TITLE, { bold: true, alignment: AlignmentType.CENTER, size: SIZE.body }),
        paragraph(territory, { alignment: AlignmentType.CENTER, size: SIZE.body, spacingAfter: 120 }),
        table2Table(table),
        paragraph("Базы процентов", { bold: true, size: SIZE.body, spacingBefore: 240 }),
        ...basesText(table).map((t) => paragraph(t, { size: SIZE.body })),
      ],
    ],
  });
}
