import { createRng } from "../../../core/demo";
import type { Rng } from "../../../core/demo/random";
import type { MonitoringStage, ReportStatus, SchoolFacts } from "../../../core/monitoring";
import type { ReportEntry } from "../../db/schema/monitoring";
import type { Db } from "../../platform/db";
import type { Actor } from "../access/actor";
import { findSchoolFacts } from "../monitoring/facts.repo";
import { insertReport, insertReportEvent, updateReport } from "../monitoring/monitoring.repo";
import { freezeEntries } from "../monitoring/report-view";
import { ensureCurrentTemplate } from "../monitoring/template.service";
import type { RunProgrammeSchool } from "./demo-programme.repo";

/** What the demo's monitoring added. */
export type DemoMonitoringSummary = { monitoringReports: number; copiedNarratives: [number, number] | null };

/**
 * The share of schools saying yes to each reported indicator, near seed 003's Table 2 (2018 for the
 * earlier programme year, 2019 for the later one). Indicators of one group (7.1–7.3 …) exclude each other.
 */
const SHARES: Record<string, [number, number]> = {
  "1.3": [0.75, 0.51],
  "1.4": [0.79, 0.44],
  "2.1": [0.31, 0.34],
  "2.2": [0.09, 0.1],
  "4.3": [0.27, 0.19],
  "4.4": [0.07, 0.03],
  "6.1": [0.17, 0.41],
  "6.2": [0.19, 0.85],
  "6.3": [0.27, 0.85],
};
/**
 * The earlier programme year predates most of what the demo records (its events, partnerships and
 * courses are of the later year), so its reports carry the computed indicators as the schools filed
 * them then, near seed 003's 2018 shares; 3.4 and 6.5 follow from 3.1–3.3 and 6.4.
 */
const EARLIER_COMPUTED: Record<string, number> = {
  "1.1": 1,
  "1.2": 1,
  "3.1": 0.48,
  "3.2": 0.75,
  "3.3": 0.05,
  "4.1": 0.17,
  "4.2": 0.83,
  "5.1": 0.12,
  "5.2": 0.64,
  "5.3": 0.77,
  "5.4": 0.71,
  "5.5": 0.04,
  "6.4": 0.13,
};

function earlierComputed(rng: Rng): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [code, share] of Object.entries(EARLIER_COMPUTED)) out[code] = rng.chance(share);
  out["3.4"] = !out["3.1"] && !out["3.2"] && !out["3.3"];
  out["6.5"] = !out["6.4"];
  return out;
}

const GROUPS: [string[], [number, number][]][] = [
  [
    ["7.1", "7.2", "7.3"],
    [
      [0.52, 0.47],
      [0.37, 0.42],
      [0.11, 0.11],
    ],
  ],
  [
    ["7.4", "7.5", "7.6"],
    [
      [0.48, 0.39],
      [0.41, 0.51],
      [0.11, 0.1],
    ],
  ],
  [
    ["7.7", "7.8", "7.9"],
    [
      [0.43, 0.36],
      [0.4, 0.47],
      [0.17, 0.17],
    ],
  ],
];

function reportedValues(rng: Rng, later: 0 | 1): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [code, shares] of Object.entries(SHARES)) out[code] = rng.chance(shares[later]);
  for (const [codes, shares] of GROUPS) {
    const roll = rng.next();
    let acc = 0;
    let chosen = codes.length - 1;
    for (const [i, share] of shares.entries()) {
      acc += share[later];
      if (roll < acc) {
        chosen = i;
        break;
      }
    }
    codes.forEach((code, i) => {
      out[code] = i === chosen;
    });
  }
  return out;
}

const OPENINGS = [
  "В {year} году {school} продолжила реализацию программы повышения качества образования.",
  "{school} в {year} году работала по программе перехода в эффективный режим функционирования.",
  "Программа повышения качества образования {school} в {year} году выполнялась по дорожной карте.",
];

type IndicatorLike = boolean | number | null;

/** The «аналитическая справка» of a report, written from its values. */
function narrativeOf(
  rng: Rng,
  school: string,
  year: number,
  v: Record<string, IndicatorLike>,
  f: SchoolFacts,
): string {
  const parts = [rng.pick(OPENINGS).replace("{year}", String(year)).replace("{school}", school)];
  if (v["1.3"])
    parts.push(
      "Внесены изменения в учебный план и план внеурочной деятельности: добавлены часы на подготовку к ГИА.",
    );
  if (v["2.1"])
    parts.push(
      "Сформирован управляющий совет, в его работе участвуют родители и представители общественности.",
    );
  const partners = f.partnerSchools + f.socialPartners + f.parentPartners;
  parts.push(
    partners > 0
      ? `Заключено договоров о партнёрстве: ${partners}, в том числе со школами-партнёрами — ${f.partnerSchools}.`
      : "Договоры о партнёрстве в отчётном периоде не заключались.",
  );
  const events = f.eventsFederal + f.eventsRegional + f.eventsMunicipal;
  if (events > 0)
    parts.push(`Педагоги приняли участие в ${events} методических мероприятиях разного уровня.`);
  parts.push(
    v["6.1"]
      ? `По сравнению с ${year - 1} годом отмечена положительная динамика предметных результатов.`
      : `По сравнению с ${year - 1} годом предметные результаты существенно не изменились.`,
  );
  if (v["7.3"]) parts.push("Проектная деятельность обучающихся не организована.");
  else
    parts.push(
      rng.pick([
        "Обучающиеся вовлечены в проектную деятельность.",
        "Проводится школьная конференция проектов.",
      ]),
    );
  return parts.join(" ");
}

const MOC_COMMENTS = [
  "Отчёт согласован. Рекомендуем усилить работу с родителями.",
  "Согласовано. Обратите внимание на обучение педагогов на курсах по выявленным дефицитам.",
  "Отчёт согласован; в следующем году приложите сравнение результатов с прошлым годом.",
];

/**
 * Two years of monitoring for the demo region (the programme years after its two approved runs):
 * every programme school's final report of the earlier year approved; of the later year a mix of
 * approved, submitted and draft (the district director's school left without one, for a visitor to
 * fill), and entry (March) reports of the later year for half the schools. Computed indicators come
 * from what the demo holds, reported ones near seed 003's shares, each with a narrative written from
 * its values; two schools of the later year carry nearly the same narrative (copied, the school's name
 * changed) for the report-quality check to find. Deterministic from the seed.
 */
export async function loadDemoMonitoring(
  db: Db,
  input: {
    seed: number;
    regionId: number;
    actor: Actor;
    years: { year: number; schools: readonly RunProgrammeSchool[] }[];
    skipSchoolIds: ReadonlySet<number>;
  },
): Promise<DemoMonitoringSummary> {
  const rng = createRng(input.seed, "monitoring");
  const template = await ensureCurrentTemplate(db, input.actor, input.regionId);
  let count = 0;
  const later: { id: number; name: string; narrative: string; status: ReportStatus }[] = [];
  for (const [index, { year, schools }] of [...input.years].sort((a, b) => a.year - b.year).entries()) {
    const isLater = index === input.years.length - 1;
    const facts = await findSchoolFacts(
      db,
      schools.map((s) => s.schoolId),
      year,
    );
    for (const school of schools) {
      if (isLater && input.skipSchoolIds.has(school.schoolId)) continue;
      const f = facts.get(school.schoolId);
      if (!f) continue;
      const stages: MonitoringStage[] = isLater && rng.chance(0.5) ? ["entry", "final"] : ["final"];
      for (const stage of stages) {
        const roll = rng.next();
        const status: ReportStatus =
          !isLater || stage === "entry"
            ? "approved"
            : roll < 0.45
              ? "approved"
              : roll < 0.75
                ? "submitted"
                : roll < 0.85
                  ? "returned"
                  : "draft";
        const values = reportedValues(rng, isLater ? 1 : 0);
        const raw: Record<string, ReportEntry> = Object.fromEntries(
          Object.entries(values).map(([code, value]) => [code, { value, comment: "", mocComment: "" }]),
        );
        const frozen = freezeEntries(template.content, raw, f);
        const filedThen = Object.entries(isLater ? {} : earlierComputed(rng)).map(
          ([code, value]): [string, ReportEntry] => [code, { value, comment: "", mocComment: "" }],
        );
        const entries = { ...frozen, ...Object.fromEntries(filedThen) };
        const narrative = narrativeOf(rng, school.shortName, year, values, f);
        const decided = status === "approved" || status === "returned";
        const report = await insertReport(db, {
          regionId: input.regionId,
          schoolId: school.schoolId,
          year,
          stage,
          templateId: template.id,
          status,
          entries: status === "draft" ? raw : entries,
          narrative,
          mocComment: status === "approved" ? rng.pick(MOC_COMMENTS) : "",
          returnMessage: status === "returned" ? "Дополните справку сравнением с прошлым годом" : "",
          submittedAt:
            status === "draft"
              ? null
              : new Date(`${year}-${stage === "entry" ? "03-25" : "11-10"}T09:00:00Z`),
          decidedAt: decided ? new Date(`${year}-${stage === "entry" ? "03-30" : "11-20"}T09:00:00Z`) : null,
          updatedByName: "Директор школы",
        });
        count++;
        if (status !== "draft")
          await insertReportEvent(db, {
            reportId: report.id,
            fromStatus: "draft",
            toStatus: "submitted",
            actorName: "Директор школы",
            at: report.submittedAt ?? new Date(),
          });
        if (decided)
          await insertReportEvent(db, {
            reportId: report.id,
            fromStatus: "submitted",
            toStatus: status,
            message: report.returnMessage,
            actorName: "Координатор МОЦ",
            at: report.decidedAt ?? new Date(),
          });
        if (isLater && stage === "final")
          later.push({ id: report.id, name: school.shortName, narrative, status });
      }
    }
  }
  return { monitoringReports: count, copiedNarratives: await copyNarrative(db, later) };
}

/** One school's narrative copied to another submitted one, its name changed: what the quality check must find. */
async function copyNarrative(
  db: Db,
  reports: { id: number; name: string; narrative: string; status: ReportStatus }[],
): Promise<[number, number] | null> {
  const sent = reports.filter((r) => r.status === "submitted" || r.status === "approved");
  const [from, to] = sent;
  if (!from || !to) return null;
  await updateReport(db, to.id, { narrative: from.narrative.split(from.name).join(to.name) });
  return [from.id, to.id];
}
