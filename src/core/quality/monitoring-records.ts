/**
 * Rules (b) and (d) of issue 13, 5, over typed monitoring records; the monitoring and decisions
 * modules feed them after the merge.
 * - (b) an indicator of the monitoring template missing from a school's report: no record of the
 *   school, year and indicator, or a record with no value.
 * - (d) a gross deficiency repeated a second year (e.g. no project activity) with no management
 *   decision: the school is deficient on the indicator in Y−1 and in Y, and no decision of the school
 *   is recorded for Y−1 or Y.
 */

/** One value of a school's monitoring report. */
export type MonitoringRecord = {
  schoolId: number;
  year: number;
  indicatorCode: string;
  value: number | boolean | string | null;
};

/** A management decision recorded for a school in a year (its text or kind). */
export type DecisionRecord = { schoolId: number; year: number; decision: string };

/** An indicator of the template, as a sentence names it. */
export type TemplateIndicator = { code: string; label: string };

/** A school's report of a year with the template's indicators it lacks. */
export type MissingIndicators = { schoolId: number; year: number; missing: TemplateIndicator[] };

function hasValue(value: MonitoringRecord["value"]): boolean {
  return value !== null && !(typeof value === "string" && value.trim() === "");
}

/**
 * Rule (b): for each submitted report (school and year), the template's indicators with no value in
 * it; reports that lack none are left out.
 */
export function findMissingIndicators({
  template,
  reports,
  records,
}: {
  template: readonly TemplateIndicator[];
  reports: readonly { schoolId: number; year: number }[];
  records: readonly MonitoringRecord[];
}): MissingIndicators[] {
  const present = new Set(
    records.filter((r) => hasValue(r.value)).map((r) => `${r.schoolId}|${r.year}|${r.indicatorCode}`),
  );
  return reports.flatMap(({ schoolId, year }) => {
    const missing = template.filter((indicator) => !present.has(`${schoolId}|${year}|${indicator.code}`));
    return missing.length > 0 ? [{ schoolId, year, missing }] : [];
  });
}

/** A gross deficiency: an indicator and the test its value fails. */
export type GrossDeficiency = {
  indicatorCode: string;
  label: string;
  isDeficient: (value: MonitoringRecord["value"]) => boolean;
};

/** A gross deficiency found in two consecutive years with no decision. */
export type RepeatedDeficiency = { schoolId: number; year: number; indicatorCode: string; label: string };

/** Rule (d): deficient in `year − 1` and `year`, with no decision of the school in either year. */
export function findRepeatedDeficiencies({
  year,
  deficiencies,
  records,
  decisions,
}: {
  year: number;
  deficiencies: readonly GrossDeficiency[];
  records: readonly MonitoringRecord[];
  decisions: readonly DecisionRecord[];
}): RepeatedDeficiency[] {
  const decided = new Set(
    decisions
      .filter((d) => (d.year === year || d.year === year - 1) && d.decision.trim() !== "")
      .map((d) => d.schoolId),
  );
  const value = new Map(records.map((r) => [`${r.schoolId}|${r.year}|${r.indicatorCode}`, r.value]));
  const schools = [...new Set(records.filter((r) => r.year === year).map((r) => r.schoolId))].sort(
    (a, b) => a - b,
  );
  return schools.flatMap((schoolId) =>
    decided.has(schoolId)
      ? []
      : deficiencies.flatMap((d) => {
          const now = value.get(`${schoolId}|${year}|${d.indicatorCode}`);
          const before = value.get(`${schoolId}|${year - 1}|${d.indicatorCode}`);
          if (now === undefined || before === undefined) return [];
          return d.isDeficient(now) && d.isDeficient(before)
            ? [{ schoolId, year, indicatorCode: d.indicatorCode, label: d.label }]
            : [];
        }),
  );
}

/**
 * The gross deficiencies of a monitoring template: the indicators worded as an absence («не заявлены
 * партнеры», «не организована проектная деятельность», «не вовлечены родители») — a school is
 * deficient on one when its value is «да» (or a count above zero).
 */
export function grossDeficienciesOf(
  indicators: readonly { code: string; wording: string }[],
): GrossDeficiency[] {
  return indicators
    .filter((indicator) => /(^|\s)не\s/i.test(indicator.wording))
    .map((indicator) => ({
      indicatorCode: indicator.code,
      label: indicator.wording,
      isDeficient: (value) => value === true || (typeof value === "number" && value > 0),
    }));
}
