import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grossDeficienciesOf } from "../../src/core/quality";
import { monitoringReports, schoolDecisions, schools } from "../../src/server/db/schema";
import { SYSTEM_ACTOR } from "../../src/server/modules/access/actor";
import { ensureCurrentTemplate } from "../../src/server/modules/monitoring/template.service";
import { computeRegionFlags } from "../../src/server/modules/quality/quality-flags.service";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { buildMunicipality, buildRegion, buildSchool } from "../support/factories";

/** Rules (b) and (d) of the quality check over the schools' final monitoring reports and the decisions. */
describe.each(testEngines())("monitoring flags of the quality check on $kind", (engine) => {
  let database: Database;
  afterAll(async () => {
    await database?.close();
  });
  let flags: Awaited<ReturnType<typeof computeRegionFlags>>["flags"];
  let nameOf: (id: number) => string;
  let idA = 0;
  let idC = 0;

  beforeAll(async () => {
    database = await engine.open();
    const db = database.db;
    const region = await buildRegion(db);
    const municipality = await buildMunicipality(db, { regionId: region.id });
    const place = { municipalityId: municipality.id, regionId: region.id };
    const [a, b, c] = [
      await buildSchool(db, place),
      await buildSchool(db, place),
      await buildSchool(db, place),
    ];
    const names = await db.select({ id: schools.id, name: schools.shortName }).from(schools);
    nameOf = (id: number) => names.find((n) => n.id === id)?.name ?? "";
    [idA, idC] = [a.id, c.id];
    const template = await ensureCurrentTemplate(db, SYSTEM_ACTOR, region.id);
    const all = Object.fromEntries(
      template.content.indicators.map((i) => [i.code, { value: false, comment: "", mocComment: "" }]),
    );
    const noProjects = { ...all, "7.3": { value: true, comment: "", mocComment: "" } };
    const base = {
      regionId: region.id,
      stage: "final" as const,
      templateId: template.id,
      status: "approved" as const,
    };
    await db.insert(monitoringReports).values([
      // A: no project activity two years running, no decision → (d)
      { ...base, schoolId: a.id, year: 2025, entries: noProjects },
      { ...base, schoolId: a.id, year: 2026, entries: noProjects },
      // B: the same, but the МОЦ proposed a decision → nothing
      { ...base, schoolId: b.id, year: 2025, entries: noProjects },
      { ...base, schoolId: b.id, year: 2026, entries: noProjects },
      // C: 7.1 and 7.2 left without a value → (b); a draft of another year is not read
      {
        ...base,
        schoolId: c.id,
        year: 2026,
        entries: { ...all, "7.1": { value: null, comment: "", mocComment: "" }, "7.2": undefined as never },
      },
      { ...base, schoolId: c.id, year: 2024, status: "draft", entries: {} },
    ]);
    await db.insert(schoolDecisions).values({
      regionId: region.id,
      municipalityId: municipality.id,
      schoolId: b.id,
      year: 2026,
      kind: "continues",
      reasons: "Продолжает программу: проектная деятельность вводится с 2027 года.",
      proposedByName: "Координатор МОЦ",
    });
    ({ flags } = await computeRegionFlags(db, { regionId: region.id, year: 2026, threshold: 0.5 }));
  });

  it("names the template's indicators a final report leaves without a value (b)", () => {
    const missing = flags.filter((f) => f.kind === "missing_indicators");
    expect(missing).toHaveLength(1);
    const sentence = missing[0]?.sentence ?? "";
    expect(sentence).toMatch(
      /^В отчёте «Отчёт об итоговом мониторинге школы .+» нет значений: показатели шаблона мониторинга «7\.1 [^»]+», «7\.2 [^»]+»\.$/,
    );
    expect(sentence).toContain(nameOf(idC));
  });

  it("flags a gross deficiency of two years running with no decision, and not when a decision stands (d)", () => {
    const repeated = flags.filter((f) => f.kind === "repeated_deficiency").map((f) => f.sentence);
    expect(repeated).toEqual([
      `У школы «${nameOf(idA)}» второй год подряд (2025 и 2026) «Доля ОО, в которых не организована проектная деятельность для обучающихся», а управленческое решение не записано.`,
    ]);
  });

  it("takes the indicators worded as an absence as the gross deficiencies", () => {
    const codes = grossDeficienciesOf([
      { code: "3.4", wording: "Доля ОО, у которых не заявлены партнеры" },
      { code: "3.3", wording: "Доля ОО, у которых заявлены родители-партнеры" },
      { code: "7.2", wording: "Доля ОО, в которых менее 100% обучающихся вовлечены" },
      { code: "7.9", wording: "Доля ОО, в которых не вовлечены родители в проектную деятельность" },
    ]).map((d) => d.indicatorCode);
    expect(codes).toEqual(["3.4", "7.9"]);
  });
});
