/**
 * The report-quality flags of a region's year (issue 13, 5): (a) near-duplicate texts between the
 * texts of every registered source, (b) indicators of the monitoring template missing from a
 * school's final report, (c) МОЦ recommendations tied to nothing, (d) a gross deficiency of the
 * template (an indicator worded as an absence) in a school's final reports of two years running with
 * no standing decision on the school, (e) МОЦ reports listing results with no comparison to the
 * previous year; each a Russian sentence.
 */
import {
  checkPreviousYearComparison,
  DEFAULT_THRESHOLD,
  duplicateSentence,
  findMissingIndicators,
  findRepeatedDeficiencies,
  findSimilarPairs,
  findUnlinkedRecommendations,
  grossDeficienciesOf,
  type MonitoringRecord,
  missingIndicatorsSentence,
  noComparisonSentence,
  repeatedDeficiencySentence,
  type SimilarPair,
  unlinkedRecommendationSentence,
} from "../../../core/quality";
import type { QualityFlag, QualityFlags, SimilarPairView } from "../../../shared/quality-api";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { resolveActorRegionId } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { canReadQualityText, readsQuality } from "./quality.policy";
import {
  findCurrentMonitoringTemplate,
  findFinalMonitoringReports,
  findMocReports,
  findStandingDecisions,
} from "./quality.repo";
import { type LoadedText, mocReportText, textKindLabel, textSources } from "./quality-sources";

/** A flag before it is shown to someone: the texts it concerns, the pair for (a), the fixed sentence otherwise. */
type RawFlag = {
  kind: QualityFlag["kind"];
  texts: LoadedText[];
  sentence: string;
  pair: SimilarPair | null;
};

/** Every flag of a region's year with the texts compared, before anyone's scope is applied. */
export async function computeRegionFlags(
  db: Db,
  { regionId, year, threshold }: { regionId: number; year: number; threshold: number },
): Promise<{ flags: RawFlag[]; texts: LoadedText[] }> {
  const texts = (await Promise.all(textSources.map((source) => source.load(db, regionId, year)))).flat();
  const byId = new Map(texts.map((text) => [text.id, text]));
  const flags: RawFlag[] = findSimilarPairs(texts, { threshold }).map((pair) => ({
    kind: "duplicate",
    texts: [byId.get(pair.a.id), byId.get(pair.b.id)].filter((t): t is LoadedText => t !== undefined),
    sentence: "",
    pair,
  }));
  for (const report of await findMocReports(db, { regionId, year, scope: undefined })) {
    const text = byId.get(`moc_report:${report.id}`);
    if (!text) continue;
    const label = text.label;
    for (const unlinked of findUnlinkedRecommendations(report.recommendations)) {
      flags.push({
        kind: "unlinked_recommendation",
        texts: [text],
        sentence: unlinkedRecommendationSentence({ report: label, ...unlinked }),
        pair: null,
      });
    }
    const check = checkPreviousYearComparison(mocReportText(report), year);
    const example = check.resultSentences[0];
    if (check.isFlagged && example !== undefined) {
      flags.push({
        kind: "no_comparison",
        texts: [text],
        sentence: noComparisonSentence({ report: label, year, example }),
        pair: null,
      });
    }
  }
  flags.push(...(await monitoringFlags(db, regionId, year)));
  return { flags, texts };
}

/** Rules (b) and (d) over the schools' final monitoring reports of the year (and the year before). */
async function monitoringFlags(db: Db, regionId: number, year: number): Promise<RawFlag[]> {
  const template = await findCurrentMonitoringTemplate(db, regionId);
  if (!template) return [];
  const reports = await findFinalMonitoringReports(db, regionId, [year - 1, year]);
  if (reports.length === 0) return [];
  const records: MonitoringRecord[] = reports.flatMap((report) =>
    Object.entries(report.entries).map(([indicatorCode, entry]) => ({
      schoolId: report.schoolId,
      year: report.year,
      indicatorCode,
      value: entry.value,
    })),
  );
  const current = reports.filter((r) => r.year === year);
  const textOf = (report: (typeof reports)[number]): LoadedText => ({
    id: `monitoring_report:${report.reportId}`,
    kind: "monitoring_report",
    label: `Отчёт об итоговом мониторинге школы ${report.schoolName}`,
    text: "",
    municipalityId: report.municipalityId,
    mocReportId: null,
  });
  const reportOf = new Map(current.map((r) => [r.schoolId, r]));
  const flags: RawFlag[] = [];
  const indicators = template.indicators.map((i) => ({ code: i.code, label: `${i.code} ${i.wording}` }));
  for (const missing of findMissingIndicators({ template: indicators, reports: current, records })) {
    const report = reportOf.get(missing.schoolId);
    if (!report) continue;
    const text = textOf(report);
    flags.push({
      kind: "missing_indicators",
      texts: [text],
      sentence: missingIndicatorsSentence({
        report: text.label,
        labels: missing.missing.map((m) => m.label),
      }),
      pair: null,
    });
  }
  const decisions = (await findStandingDecisions(db, regionId, [year - 1, year])).map((d) => ({
    schoolId: d.schoolId,
    year: d.year,
    decision: d.kind,
  }));
  const repeated = findRepeatedDeficiencies({
    year,
    deficiencies: grossDeficienciesOf(template.indicators),
    records,
    decisions,
  });
  for (const found of repeated) {
    const report = reportOf.get(found.schoolId);
    if (!report) continue;
    flags.push({
      kind: "repeated_deficiency",
      texts: [textOf(report)],
      sentence: repeatedDeficiencySentence({ school: report.schoolName, label: found.label, year }),
      pair: null,
    });
  }
  return flags;
}

function ref(text: LoadedText, isVisible: boolean): SimilarPairView["a"] {
  return isVisible
    ? {
        id: text.id,
        kind: text.kind,
        kindLabel: textKindLabel(text.kind),
        label: text.label,
        mocReportId: text.mocReportId,
        isVisible,
      }
    : {
        id: "hidden",
        kind: text.kind,
        kindLabel: textKindLabel(text.kind),
        label: "текст другого муниципалитета",
        mocReportId: null,
        isVisible,
      };
}

/**
 * A flag as the actor sees it: left out unless the actor reads one of its texts; for a pair with one
 * side out of the actor's reach, the readable side first and the other's label and passages withheld.
 */
function present(actor: Actor, regionId: number, flag: RawFlag): QualityFlag | null {
  const sees = (text: LoadedText) =>
    canReadQualityText(actor, { regionId, municipalityId: text.municipalityId });
  if (!flag.texts.some(sees)) return null;
  const mocReportIds = flag.texts
    .filter(sees)
    .flatMap((t) => (t.mocReportId === null ? [] : [t.mocReportId]));
  const [first, second] = flag.texts;
  if (!flag.pair || !first || !second)
    return { kind: flag.kind, sentence: flag.sentence, mocReportIds, pair: null };
  const swap = !sees(first);
  const [a, b] = swap ? [second, first] : [first, second];
  const bVisible = sees(b);
  const pair: SimilarPairView = {
    a: ref(a, true),
    b: ref(b, bVisible),
    score: flag.pair.score,
    jaccard: flag.pair.jaccard,
    passages: flag.pair.passages.map((p) => {
      const [sideA, sideB] = swap ? [p.b, p.a] : [p.a, p.b];
      return { a: sideA, b: bVisible ? sideB : null, words: p.words };
    }),
  };
  const sentence = duplicateSentence({
    a: pair.a.label,
    b: pair.b.label,
    score: pair.score,
    passages: pair.passages.length,
  });
  return { kind: flag.kind, sentence, mocReportIds, pair };
}

/** The flags the actor reads of a region's year (a МОЦ: those on its own texts). */
export function presentFlags(actor: Actor, regionId: number, flags: readonly RawFlag[]): QualityFlag[] {
  return flags.flatMap((flag) => present(actor, regionId, flag) ?? []);
}

/** The region page: the flags of a year, with the sources compared and their counts. */
export async function getQualityFlags({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: { year: number; regionId?: number; threshold?: number };
}): Promise<QualityFlags> {
  if (!readsQuality(actor)) throw new AppError("forbidden", "Недостаточно прав для этого действия");
  const regionId = resolveActorRegionId(actor, query.regionId);
  const threshold = query.threshold ?? DEFAULT_THRESHOLD;
  const { flags, texts } = await computeRegionFlags(db, { regionId, year: query.year, threshold });
  const visible = texts.filter((t) =>
    canReadQualityText(actor, { regionId, municipalityId: t.municipalityId }),
  );
  return {
    regionId,
    year: query.year,
    threshold,
    sources: textSources.map((source) => ({
      kind: source.kind,
      label: source.label,
      count: visible.filter((t) => t.kind === source.kind).length,
    })),
    flags: presentFlags(actor, regionId, flags),
  };
}
