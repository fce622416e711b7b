import { AlignmentType, PageBreak, Paragraph, type Table, TableRow } from "docx";
import {
  blankLine,
  cell,
  fixedTable,
  headerRow,
  leftRightLine,
  packDocument,
  paragraph,
  run,
  SIZE,
  sectionRow,
  signatureBlock,
} from "./docx-kit";
import { type DocumentSection, type RoadMapActivity, sectionHeading } from "./plan-document.model";
import { orderPointText, type RoadMapOrderInput } from "./road-map-order.model";
import { formatDateRu, formatDateWordsRu } from "./ru-date";

/** The columns of a road map, as seed 004 heads them. */
export const ROAD_MAP_COLUMNS = [
  "№ п/п",
  "Наименование мероприятия",
  "сроки",
  "Ответственные исполнители",
  "Показатель реализации",
] as const;

const ROAD_MAP_WEIGHTS = [7, 31, 16, 20, 26];

/**
 * The road map as a table: the header row (repeated on every page), then per section a bold row
 * merged across the five columns and a row per activity.
 */
export function roadMapTable(sections: readonly DocumentSection<RoadMapActivity>[]): Table {
  const rows = [headerRow(ROAD_MAP_COLUMNS)];
  for (const section of sections) {
    rows.push(sectionRow(sectionHeading(section), ROAD_MAP_COLUMNS.length));
    for (const activity of section.activities) {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            cell(activity.number),
            cell(activity.title),
            cell(activity.deadlineText),
            cell(activity.owners.join(", ")),
            cell(activity.indicatorText),
          ],
        }),
      );
    }
  }
  return fixedTable(ROAD_MAP_WEIGHTS, rows);
}

const body = { size: SIZE.body, alignment: AlignmentType.JUSTIFIED, isIndented: true } as const;

function orderPages(input: RoadMapOrderInput): (Paragraph | Table)[] {
  const header = input.headerLines.map((line) =>
    paragraph(line.toUpperCase(), { bold: true, size: SIZE.body, alignment: AlignmentType.CENTER }),
  );
  return [
    ...header,
    blankLine(),
    paragraph("П Р И К А З", { bold: true, size: 32, alignment: AlignmentType.CENTER, spacingAfter: 240 }),
    leftRightLine(formatDateWordsRu(input.date), `№ ${input.number}`, { size: SIZE.body }),
    paragraph(input.place, { size: SIZE.body }),
    blankLine(),
    paragraph(input.title, {
      bold: true,
      size: SIZE.body,
      alignment: AlignmentType.CENTER,
      spacingAfter: 240,
    }),
    paragraph(
      [
        run(`${input.preamble.trimEnd()} `, { size: SIZE.body }),
        run("п р и к а з ы в а ю:", { bold: true, size: SIZE.body }),
      ],
      body,
    ),
    ...input.points.map((point, index) => paragraph(`${index + 1}. ${orderPointText(point)}`, body)),
    ...signatureBlock(input.signer),
  ];
}

function appendixPages(input: RoadMapOrderInput): (Paragraph | Table)[] {
  const right = { size: SIZE.body, alignment: AlignmentType.RIGHT } as const;
  return [
    new Paragraph({ children: [new PageBreak()] }),
    paragraph("Приложение к приказу", right),
    ...input.appendix.authorityLines.map((line) => paragraph(line, right)),
    paragraph(`от ${formatDateRu(input.date)} г. № ${input.number}`, right),
    blankLine(),
    paragraph(input.appendix.title, {
      bold: true,
      size: SIZE.body,
      alignment: AlignmentType.CENTER,
      spacingAfter: 240,
    }),
    roadMapTable(input.appendix.sections),
  ];
}

/**
 * Builds the order approving a municipal road map in seed 004's layout (DOCX): the header block
 * in capitals, «П Р И К А З», the date and number line, the place, the title, the preamble ending
 * «п р и к а з ы в а ю:», the numbered points, the signature (position left, name right); then, on
 * a new page, the appendix heading at the right («Приложение к приказу / authority / от … № …»),
 * the road map's title and its table.
 */
export async function buildRoadMapOrderDocx(input: RoadMapOrderInput): Promise<Buffer> {
  return packDocument({ title: input.title, sections: [[...orderPages(input), ...appendixPages(input)]] });
}
