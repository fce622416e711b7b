import {
  CATEGORY_LABELS,
  type RunResult,
  type RunRuleSet,
  type RunSummary,
} from "../../../core/identification/api.schema";
import { addEscapedRow } from "../export/xlsx/escape-cell";
import { writeWorkbook } from "../export/xlsx/workbook-buffer";

/** What the XLSX of a run is built from. */
export type RunWorkbookInput = {
  runId: number;
  year: number;
  status: "done" | "approved";
  ruleSets: RunRuleSet[];
  /** Criterion columns in order: rule set, criterion id and its label. */
  criteria: { ruleSetId: number; ruleSetName: string; criterionId: string; label: string }[];
  results: RunResult[];
  summary: RunSummary;
};

const VERDICTS: Record<string, string> = { met: "да", not_met: "нет", no_data: "нет данных" };
const HEADER = { font: { bold: true }, alignment: { wrapText: true, vertical: "top" as const } };

/**
 * Builds the XLSX of a run: «Школы» (every school with its category, reasons and, per criterion of
 * every rule set, the value, threshold and verdict), «Сводка» (region and municipality counts with
 * the rural share) and «Параметры» (the rule set versions used). Every row goes through addEscapedRow,
 * so text that could start a formula is escaped, headers (rule set and criterion names) included.
 */
export function buildRunWorkbook(input: RunWorkbookInput): Promise<Buffer> {
  return writeWorkbook((workbook) => {
    const schools = workbook.addWorksheet("Школы", { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] });
    const header = ["Код ОО", "Школа", "Муниципалитет", "Сельская", "Категория", "Флаги риска", "Основания"];
    for (const c of input.criteria) {
      const name = `${c.ruleSetName}: ${c.label}`;
      header.push(`${name} — значение`, `${name} — порог`, `${name} — выполнен`);
    }
    const headerRow = addEscapedRow(schools, header);
    headerRow.font = HEADER.font;
    headerRow.alignment = HEADER.alignment;
    headerRow.commit();
    schools.columns = header.map((_, i) => ({ width: i === 1 || i === 6 ? 50 : i < 6 ? 16 : 14 }));
    for (const result of input.results) {
      const cells: (string | number | null)[] = [
        result.schoolCode,
        result.schoolName,
        result.municipalityName,
        result.isRural ? "да" : "нет",
        CATEGORY_LABELS[result.category],
        result.riskFlags.join("; "),
        result.reasons.join("; "),
      ];
      for (const c of input.criteria) {
        const detail = result.details.find((d) => d.ruleSetId === c.ruleSetId);
        const criterion = detail?.criteria.find((x) => x.criterionId === c.criterionId);
        if (!criterion) {
          cells.push(null, null, detail?.reason === "small_school" ? "мало обучающихся" : null);
          continue;
        }
        cells.push(criterion.value, criterion.threshold, VERDICTS[criterion.verdict] ?? criterion.verdict);
      }
      addEscapedRow(schools, cells).commit();
    }
    schools.commit();

    const summary = workbook.addWorksheet("Сводка");
    const sumHeader = [
      "Территория",
      "Школ",
      "ШНРО",
      "ШФНСУ",
      "ШНРО и ШФНСУ",
      "Не выявлены",
      "Недостаточно данных",
      "Всего в программе",
      "Из них сельских",
      "Доля сельских",
      "С флагами риска",
    ];
    const sumHeaderRow = addEscapedRow(summary, sumHeader);
    sumHeaderRow.font = HEADER.font;
    sumHeaderRow.commit();
    summary.columns = sumHeader.map((_, i) => ({ width: i === 0 ? 40 : 14 }));
    const line = (name: string, c: RunSummary["total"]) =>
      addEscapedRow(summary, [
        name,
        c.schools,
        c.shnro,
        c.shfnsu,
        c.both,
        c.none,
        c.insufficientData,
        c.flagged,
        c.flaggedRural,
        c.ruralShare,
        c.withRiskFlags,
      ]).commit();
    line("Всего", input.summary.total);
    for (const m of input.summary.municipalities) line(m.municipalityName, m);
    summary.commit();

    const params = workbook.addWorksheet("Параметры");
    params.columns = [{ width: 30 }, { width: 70 }];
    addEscapedRow(params, ["Запуск", input.runId]).commit();
    addEscapedRow(params, ["Год", input.year]).commit();
    addEscapedRow(params, ["Статус", input.status === "approved" ? "утверждён" : "не утверждён"]).commit();
    for (const r of input.ruleSets) {
      addEscapedRow(params, ["Набор правил", `${r.name} (версия ${r.version})`]).commit();
    }
    params.commit();
  });
}
