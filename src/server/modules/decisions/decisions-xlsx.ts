import {
  DECISION_KIND_LABELS,
  DECISION_STATUS_LABELS,
  DYNAMICS_LABELS,
  NO_DECISION_LABEL,
  TARGET_VERDICT_LABELS,
} from "../../../core/decisions";
import { formatNumberRu } from "../../../core/identification/ru-format";
import type { DecisionRow, DecisionsPage } from "../../../shared/decisions-api";
import { addEscapedRow } from "../export/xlsx/escape-cell";
import { writeWorkbook } from "../export/xlsx/workbook-buffer";
import {
  addBannerRow,
  addDataRow,
  addHeaderRow,
  type SheetColumn,
  setColumnWidths,
} from "../plans/documents/xlsx-kit";

/** The sheet's name. */
export const DECISIONS_SHEET_NAME = "Результаты и решения";

/** The columns of the sheet. */
export const DECISIONS_COLUMNS: readonly SheetColumn[] = [
  { header: "№", width: 5 },
  { header: "Муниципалитет", width: 24 },
  { header: "Код ОО", width: 10 },
  { header: "Школа", width: 40 },
  { header: "Предметные результаты", width: 16 },
  { header: "Личностные результаты", width: 16 },
  { header: "Олимпиады и конкурсы", width: 16 },
  { header: "Целевые показатели", width: 20 },
  { header: "Целевые показатели: базовое → целевое, факт", width: 50 },
  { header: "Решение", width: 30 },
  { header: "Основания", width: 50 },
  { header: "Состояние", width: 18 },
];

const num = (value: number | null) => (value === null ? "—" : formatNumberRu(value, 2));

/** «Доля на «4» и «5»: 0,3 → 0,35 (2026), факт 0,36 — достигнут». */
function targetsText(row: DecisionRow): string {
  return row.targets
    .map((t) => {
      const verdict = t.isReached === null ? "нет значения" : t.isReached ? "достигнут" : "не достигнут";
      const year = t.year === null ? "" : ` (${t.year})`;
      return `${t.name}: ${num(t.baseline)} → ${num(t.target)}${year}, факт ${num(t.actual)} — ${verdict}`;
    })
    .join("\n");
}

/**
 * The decisions page as XLSX: the title, the territory and year, the summary sentences, then a row
 * per programme school with its verdicts, targets, decision and state. Text is escaped.
 */
export function buildDecisionsXlsx(page: DecisionsPage): Promise<Buffer> {
  return writeWorkbook((workbook) => {
    const sheet = workbook.addWorksheet(DECISIONS_SHEET_NAME);
    setColumnWidths(sheet, DECISIONS_COLUMNS);
    const width = DECISIONS_COLUMNS.length;
    addBannerRow(sheet, "Результаты реализации программ и решения по школам", width, true);
    addBannerRow(sheet, `${page.territory}, ${page.year} год`, width, false);
    for (const sentence of page.sentences) addBannerRow(sheet, sentence, width, false);
    addEscapedRow(sheet, []).commit();
    addHeaderRow(sheet, DECISIONS_COLUMNS);
    page.schools.forEach((row, index) => {
      addDataRow(sheet, [
        index + 1,
        row.municipalityName,
        row.code,
        row.name,
        DYNAMICS_LABELS[row.dynamics.subject],
        DYNAMICS_LABELS[row.dynamics.personal],
        DYNAMICS_LABELS[row.dynamics.olympiad],
        TARGET_VERDICT_LABELS[row.targetVerdict],
        targetsText(row),
        row.decision ? DECISION_KIND_LABELS[row.decision.kind] : NO_DECISION_LABEL,
        row.decision?.reasons ?? "",
        row.decision ? DECISION_STATUS_LABELS[row.decision.status] : NO_DECISION_LABEL,
      ]).commit();
    });
    sheet.commit();
  });
}
