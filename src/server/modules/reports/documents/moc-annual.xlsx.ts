import { totalsSentence } from "../../../../core/reports";
import { writeWorkbook } from "../../export/xlsx/workbook-buffer";
import {
  addBannerRow,
  addDataRow,
  addHeaderRow,
  type SheetColumn,
  setColumnWidths,
} from "../../plans/documents/xlsx-kit";
import { approvalLines, MOC_ANNUAL_HEADERS, type MocAnnualDocument, titleLines } from "./moc-annual.document";

const COLUMNS: SheetColumn[] = [
  { header: MOC_ANNUAL_HEADERS[0], width: 16 },
  { header: MOC_ANNUAL_HEADERS[1], width: 50 },
  { header: MOC_ANNUAL_HEADERS[2], width: 90 },
];

/**
 * The МОЦ annual report's table as XLSX: the approval and title lines above, then one row per
 * activity of a month (the month in every row, so the sheet filters), every text cell escaped.
 */
export function buildMocAnnualXlsx(doc: MocAnnualDocument): Promise<Buffer> {
  return writeWorkbook((workbook) => {
    // The approval block and the title take rows 1 and 2; the header (row 3) stays in view.
    const sheet = workbook.addWorksheet("Отчет МОЦ", { views: [{ state: "frozen", xSplit: 0, ySplit: 3 }] });
    setColumnWidths(sheet, COLUMNS);
    addBannerRow(sheet, approvalLines(doc.approval).join("\n"), COLUMNS.length, false);
    addBannerRow(sheet, titleLines(doc).join(" "), COLUMNS.length, true);
    addHeaderRow(sheet, COLUMNS);
    for (const month of doc.table.months) {
      for (const row of month.rows)
        addDataRow(sheet, [month.label, row.activity, row.content.join("\n")]).commit();
    }
    addBannerRow(sheet, totalsSentence(doc.table), COLUMNS.length, false);
    addBannerRow(sheet, `${doc.coordinator.position}: ${doc.coordinator.name}`, COLUMNS.length, false);
    sheet.commit();
  });
}
