import { heading, para, type ReportBlock } from "./blocks";
import type { RegionalFigures } from "./figures";

const CATEGORY_WORDS: Record<string, string> = { shnro: "ШНРО", shfnsu: "ШФНСУ", risk: "фактор риска" };

/** The method: the rule sets of the approved run of the year and their criteria. */
export function methodSection(f: RegionalFigures): ReportBlock[] {
  const out: ReportBlock[] = [heading("Методика идентификации")];
  if (!f.method) {
    out.push(
      para(`Утвержденного запуска идентификации за ${f.year} год нет: методика не описана (нет данных).`),
    );
    return out;
  }
  out.push(
    para(
      `Проведен анализ данных об образовательных результатах и внешних социальных условиях работы ${f.method.schoolCount} школ (100% школ региона) по наборам правил, утвержденным региональным оператором${f.method.approvedAt ? ` (список утвержден ${f.method.approvedAt})` : ""}:`,
    ),
  );
  for (const ruleSet of f.method.ruleSets) {
    const criteria = ruleSet.criteria.length > 0 ? ` Критерии: ${ruleSet.criteria.join("; ")}.` : "";
    out.push(
      para(
        `«${ruleSet.name}» (версия ${ruleSet.version}, ${CATEGORY_WORDS[ruleSet.category] ?? ruleSet.category}).${criteria}`,
      ),
    );
  }
  return out;
}
