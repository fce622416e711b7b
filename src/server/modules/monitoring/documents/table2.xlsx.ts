import type { Table2View } from "../../../../shared/monitoring-api";
import { writeWorkbook } from "../../export/xlsx/workbook-buffer";
import {
  addBannerRow,
  addDataRow,
  addHeaderRow,
  addSectionRow,
  setColumnWidths,
} from "../../plans/documents/xlsx-kit";
import { basesText, TABLE2_TITLE } from "./table2.docx";

/** The sheet's name. */
export const TABLE2_SHEET = "Таблица 2";

/** The columns: №, Показатель, База, per year count and percent, per pair of years the change. */
export function table2Columns(table: Table2View) {
  return [
    { header: "№", width: 6 },
    { header: "Показатель", width: 60 },
    { header: "База процента", width: 24 },
    ...table.years.flatMap((y) => [
      { header: `Значение ${y} года: количество единиц`, width: 14 },
      { header: `Значение ${y} года: в %`, width: 12 },
    ]),
    ...table.years.slice(1).flatMap((y, i) => [
      { header: `Изменение ${table.years[i]}–${y}: ед.`, width: 12 },
      { header: `Изменение ${table.years[i]}–${y}: п. п.`, width: 12 },
    ]),
  ];
}

/** Table 2 as XLSX: the title, the header, criteria as merged group rows, numbers numeric, text escaped. */
export function buildTable2Xlsx(table: Table2View): Promise<Buffer> {
  return writeWorkbook((workbook) => {
    const sheet = workbook.addWorksheet(TABLE2_SHEET, { views: [{ state: "frozen", xSplit: 0, ySplit: 3 }] });
    const columns = table2Columns(table);
    setColumnWidths(sheet, columns);
    addBannerRow(sheet, TABLE2_TITLE, columns.length, true);
    addBannerRow(
      sheet,
      table.municipalityName ? `${table.regionName}, ${table.municipalityName}` : table.regionName,
      columns.length,
      false,
    );
    addHeaderRow(sheet, columns);
    for (const row of table.rows) {
      if (row.kind === "criterion") {
        addSectionRow(sheet, `${row.code} ${row.title}`, columns.length);
        continue;
      }
      addDataRow(sheet, [
        row.code,
        row.wording,
        row.baseLabel,
        ...row.cells.flatMap((c) => [c.count, c.percent]),
        ...row.changes.flatMap((c) => [c.count, c.percentPoints]),
      ]).commit();
    }
    for (const line of basesText(table)) addBannerRow(sheet, line, columns.length, false);
    sheet.commit();
  });
}
