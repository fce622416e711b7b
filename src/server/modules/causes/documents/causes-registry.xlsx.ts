import { addEscapedRow } from "../../export/xlsx/escape-cell";
import { writeWorkbook } from "../../export/xlsx/workbook-buffer";
import {
  addBannerRow,
  addDataRow,
  addHeaderRow,
  type SheetColumn,
  setColumnWidths,
} from "../../plans/documents/xlsx-kit";
import { REGISTRY_TITLE } from "./causes-registry.docx";
import { type CausesRegistryInput, registryRows, registrySchoolName } from "./causes-registry.model";

/** The sheet of causes: a row per municipality and cause. */
export const REGISTRY_SHEET_NAME = "Реестр причин";

/** The sheet of schools: a row per cause and school, for filtering. */
export const REGISTRY_SCHOOLS_SHEET_NAME = "Школы по причинам";

/** The columns of the sheet of causes. */
export const REGISTRY_SHEET_COLUMNS: readonly SheetColumn[] = [
  { header: "Муниципалитет", width: 28 },
  { header: "Причина", width: 48 },
  { header: "Школ", width: 8 },
  { header: "Доля программы, %", width: 12 },
  { header: "Изменение к прошлому году", width: 14 },
  { header: "Школ в программе", width: 12 },
  { header: "Школы", width: 60 },
];

/** The columns of the sheet of schools. */
export const REGISTRY_SCHOOLS_COLUMNS: readonly SheetColumn[] = [
  { header: "Муниципалитет", width: 28 },
  { header: "Причина", width: 48 },
  { header: "Школа", width: 60 },
];

/**
 * Builds the registry of causes as XLSX: «Реестр причин» (the title and territory on top, the header
 * frozen, a row per group and cause with the count, the share of the programme to one decimal, the
 * change to last year as a signed number and the schools named) and «Школы по причинам» (a row per
 * school). A whole-territory group is labelled with the territory. Text is escaped against formulas.
 */
export function buildCausesRegistryXlsx(input: CausesRegistryInput): Promise<Buffer> {
  return writeWorkbook((workbook) => {
    const causes = workbook.addWorksheet(REGISTRY_SHEET_NAME, {
      views: [{ state: "frozen", xSplit: 0, ySplit: 4 }],
    });
    setColumnWidths(causes, REGISTRY_SHEET_COLUMNS);
    addBannerRow(causes, REGISTRY_TITLE, REGISTRY_SHEET_COLUMNS.length, true);
    addBannerRow(causes, `${input.territory}, ${input.year} год`, REGISTRY_SHEET_COLUMNS.length, false);
    addEscapedRow(causes, []).commit();
    addHeaderRow(causes, REGISTRY_SHEET_COLUMNS);
    for (const group of input.groups) {
      for (const row of registryRows(group)) {
        const added = addDataRow(causes, [
          group.municipality ?? input.territory,
          row.cause,
          row.schoolCount,
          row.sharePercent === null ? "—" : Math.round(row.sharePercent * 10) / 10,
          row.change ?? "нет данных",
          group.programmeSchools,
          row.schools.map(registrySchoolName).join("\n"),
        ]);
        added.getCell(4).numFmt = "0.0";
        added.getCell(5).numFmt = "+0;-0;0";
        added.commit();
      }
    }
    causes.commit();

    const schools = workbook.addWorksheet(REGISTRY_SCHOOLS_SHEET_NAME, {
      views: [{ state: "frozen", xSplit: 0, ySplit: 1 }],
    });
    setColumnWidths(schools, REGISTRY_SCHOOLS_COLUMNS);
    addHeaderRow(schools, REGISTRY_SCHOOLS_COLUMNS);
    for (const group of input.groups) {
      for (const row of registryRows(group)) {
        for (const school of row.schools) {
          const municipality = school.municipality ?? group.municipality ?? input.territory;
          addDataRow(schools, [municipality, row.cause, school.name]).commit();
        }
      }
    }
    schools.commit();
  });
}
