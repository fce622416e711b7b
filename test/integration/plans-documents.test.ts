import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INDICATOR_CATALOGUE } from "../../src/core/indicators/catalogue";
import {
  paragraphTexts,
  readDocx,
  tables,
  tableTexts,
} from "../../src/server/modules/plans/documents/docx-read.test-support";
import { EXECUTION_REPORT_COLUMNS } from "../../src/server/modules/plans/documents/execution-report.docx";
import { ROAD_MAP_COLUMNS } from "../../src/server/modules/plans/documents/road-map-order.docx";
import type { Database } from "../../src/server/platform/db";
import type { PlanDetail } from "../../src/shared/plans-api";
import { testEngines } from "../support/db";
import { buildUser } from "../support/factories";
import { type Client, signIn } from "../support/http";
import { putValues, seedIdentification } from "./identification-support";
import {
  CAUSES_YEAR,
  confirmCauses,
  editable,
  ok,
  PLAN_YEAR,
  postPlan,
  renameUser,
  seedPlanCatalogue,
  transition,
} from "./plans-support";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const ORDER = { number: "70", date: "2025-03-23", place: "г. Дорогобуж", signerName: "С. В. Сорокин" };

describe.each(testEngines())("road maps and plan documents on $kind", (engine) => {
  let database: Database;
  let world: World;
  let c: Clients;
  let roadMap: PlanDetail;
  let programme: PlanDetail;
  let s1Name: string;

  const download = (client: Client, id: number, file: string) =>
    client.request({ method: "GET", url: `/api/plans/${id}/${file}` });
  const patchOrder = (client: Client, id: number, payload: object) =>
    client.request({ method: "PATCH", url: `/api/plans/${id}/order`, payload });

  beforeAll(async () => {
    database = await engine.open();
    world = await buildWorld(database);
    await seedIdentification(world.db, world.regionA.id);
    await seedPlanCatalogue(world.db, world.regionA.id);
    await confirmCauses(world.db, {
      regionId: world.regionA.id,
      schoolId: world.s1.id,
      year: CAUSES_YEAR,
      codes: ["low_learning_motivation"],
    });
    await putValues(world.db, {
      regionId: world.regionA.id,
      schoolId: world.s1.id,
      code: "good_marks_share",
      values: { [PLAN_YEAR]: 0.42 },
    });
    await renameUser(world.db, world.users.directorS1.id, "Авилкина Наталья Александровна");
    c = await signInAll(world.app, world);
    roadMap = await postPlan(c.mocM1, {
      source: "template",
      templateKey: "dmitrovsk_road_map_2021",
      period: { from: "2025-01-01", to: "2025-12-31" },
    });
    programme = await postPlan(c.directorS1, {
      source: "programme",
      kind: "transition_programme",
      schoolId: world.s1.id,
      year: CAUSES_YEAR,
      causes: [
        { factorCode: "low_learning_motivation", measureCodes: ["individual_routes", "subject_weeks"] },
      ],
    });
    s1Name = programme.place.schoolName ?? "";
    // A programme of S2 (another municipality) and one of S1b for another year: neither is named in M1's order.
    for (const [school, period] of [
      [world.s2, { from: "2024-09-01", to: "2025-08-31" }],
      [world.s1b, { from: "2023-09-01", to: "2024-08-31" }],
    ] as const) {
      const director = await buildUser(world.db, {
        role: "school_director",
        regionId: world.regionA.id,
        schoolId: school.id,
      });
      await postPlan(await signIn(world.app, director.login), {
        source: "blank",
        kind: "quality_programme",
        title: "Программа повышения качества",
        period,
      });
    }
  });
  afterAll(async () => {
    await world?.app.close();
    await database?.close();
  });

  it("makes seed 004's road map for the МОЦ, read by its schools and the region, hidden from others", async () => {
    expect(roadMap).toMatchObject({
      level: "municipal",
      kind: "municipal_road_map",
      year: 2025,
      side: "author",
    });
    expect(roadMap.content.sections.flatMap((s) => s.activities)).toHaveLength(45);
    expect(roadMap.content.sections[3]?.activities[0]?.deadline.text).toBe("июнь\nноябрь, декабрь,март, май");
    const sideOf = async (client: Client) =>
      ok<PlanDetail>("get", await client.request({ method: "GET", url: `/api/plans/${roadMap.id}` })).side;
    expect(await sideOf(c.analystA)).toBe("reviewer");
    expect(await sideOf(c.adminA)).toBe("reviewer");
    expect(await sideOf(c.directorS1)).toBe("reader");
    expect(await sideOf(c.federal)).toBe("reader");
    for (const other of [c.mocM2, c.adminB, c.mentorS1]) {
      expect((await other.request({ method: "GET", url: `/api/plans/${roadMap.id}` })).statusCode).toBe(404);
    }
    const byMoc2 = await c.mocM2.request({
      method: "POST",
      url: "/api/plans",
      payload: { source: "template", templateKey: "dmitrovsk_road_map_2021", municipalityId: world.m1.id },
    });
    expect(byMoc2.statusCode).toBe(404);
    const byDirector = await c.directorS1.request({
      method: "POST",
      url: "/api/plans",
      payload: { source: "template", templateKey: "moc_plan_2020_2021" },
    });
    expect(byDirector.statusCode).toBe(403);
  });

  it("lets a mentor read a road map once assigned to one of its activities", async () => {
    const url = `/api/plans/${roadMap.id}`;
    expect((await c.mentorS1.request({ method: "GET", url })).statusCode).toBe(404);
    const [first] = roadMap.content.sections[0]?.activities ?? [];
    if (!first) throw new Error("no activity");
    const assigned = await c.mocM1.request({
      method: "PUT",
      url: `${url}/activities/${first.id}/assignees`,
      payload: { userIds: [world.users.mentorS1.id] },
    });
    expect(assigned.statusCode).toBe(200);
    const seen = ok<PlanDetail>("mentor", await c.mentorS1.request({ method: "GET", url }));
    expect(seen.side).toBe("reader");
    const listed = ok<{ items: { id: number }[] }>(
      "list",
      await c.mentorS1.request({ method: "GET", url: "/api/plans" }),
    );
    expect(listed.items.map((item) => item.id)).toContain(roadMap.id);
    ok(
      "unassign",
      await c.mocM1.request({
        method: "PUT",
        url: `${url}/activities/${first.id}/assignees`,
        payload: { userIds: [] },
      }),
    );
    expect((await c.mentorS1.request({ method: "GET", url })).statusCode).toBe(404);
  });

  it("moves the regional road map: written by the analyst, approved by the admin only", async () => {
    const regional = await postPlan(c.analystA, {
      source: "template",
      templateKey: "smolensk_regional_road_map_2018",
    });
    expect(regional).toMatchObject({ level: "regional", side: "author", actions: ["submit"] });
    ok("submit", await transition(c.analystA, regional.id, "submit"));
    expect((await transition(c.analystA, regional.id, "approve")).statusCode).toBe(403);
    expect((await transition(c.mocM1, regional.id, "approve")).statusCode).toBe(403);
    expect((await transition(c.adminB, regional.id, "approve")).statusCode).toBe(404);
    expect((await c.directorS1.request({ method: "GET", url: `/api/plans/${regional.id}` })).statusCode).toBe(
      404,
    );
    const approved = ok<PlanDetail>("approve", await transition(c.adminA, regional.id, "approve"));
    expect(approved.current.status).toBe("approved");
    expect(approved.sides).toEqual(["author", "reviewer"]);
  });

  it("fills the order's details only as the road map's author, naming what is missing", async () => {
    const missing = await download(c.mocM1, roadMap.id, "order.docx");
    expect(missing.statusCode).toBe(409);
    expect(missing.json().message).toBe(
      "Заполните реквизиты приказа: номер, дата, место издания, подписывающий",
    );
    expect((await patchOrder(c.analystA, roadMap.id, ORDER)).statusCode).toBe(403);
    expect((await patchOrder(c.directorS1, roadMap.id, ORDER)).statusCode).toBe(403);
    expect((await patchOrder(c.mocM2, roadMap.id, ORDER)).statusCode).toBe(404);
    const blank = await patchOrder(c.mocM1, roadMap.id, { ...ORDER, number: " " });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().issues).toEqual([{ path: "body.number", message: "Укажите номер приказа" }]);
    const partial = await patchOrder(c.mocM1, roadMap.id, { number: "70" });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().message).toBe(
      "дата: не заполнено; место издания: не заполнено; подписывающий: не заполнено",
    );
    const saved = ok<PlanDetail>("order", await patchOrder(c.mocM1, roadMap.id, ORDER));
    expect(saved.order).toMatchObject({ ...ORDER, signerPosition: "Начальник отдела образования" });
    expect((await patchOrder(c.mocM1, programme.id, ORDER)).statusCode).toBe(409);
  });

  it("prints the order with the programme schools of the year and the road map as its appendix", async () => {
    const res = await download(c.directorS1, roadMap.id, "order.docx");
    expect(res.statusCode).toBe(200);
    const doc = await readDocx(res.rawPayload);
    const texts = paragraphTexts(doc);
    const municipality = roadMap.place.municipalityName ?? "";
    expect(texts.slice(0, 7)).toEqual([
      "РОССИЙСКАЯ ФЕДЕРАЦИЯ",
      roadMap.place.regionName.toUpperCase(),
      `ОТДЕЛ ОБРАЗОВАНИЯ МУНИЦИПАЛЬНОГО ОБРАЗОВАНИЯ «${municipality.toUpperCase()}»`,
      "П Р И К А З",
      "«23» марта 2025 г.\t№ 70",
      "г. Дорогобуж",
      "Об утверждении муниципальной «дорожной карты» методической поддержки общеобразовательных организаций, имеющих низкие образовательные результаты обучающихся",
    ]);
    const points = texts.filter((text) => /^\d\. /.test(text));
    expect(points).toEqual([
      "1. Утвердить прилагаемую «дорожную карту» методической поддержки школ, показывающих низкие результаты обучения, на 2025 год согласно приложению.",
      "2. Муниципальному координатору обеспечить контроль за выполнением мероприятий «дорожной карты».",
      `3. Руководителям общеобразовательных организаций, имеющих низкие образовательные результаты обучающихся: ${s1Name} (Авилкина Н.А.) обеспечить участие в мероприятиях «дорожной карты» и их выполнение.`,
      "4. Контроль исполнения настоящего приказа оставляю за собой.",
    ]);
    expect(texts).toContain("Начальник отдела образования\tС. В. Сорокин");
    const appendix = texts.indexOf("Приложение к приказу");
    expect(texts.slice(appendix, appendix + 5)).toEqual([
      "Приложение к приказу",
      "отдела образования",
      `муниципального образования «${municipality}»`,
      "от 23.03.2025 г. № 70",
      roadMap.content.title,
    ]);
    const [table] = tables(doc);
    if (!table) throw new Error("no table");
    const rows = tableTexts(table);
    expect(rows[0]).toEqual([...ROAD_MAP_COLUMNS]);
    expect(rows[1]).toEqual(["I. Информационное, аналитическое обеспечение реализации «дорожной карты»"]);
    expect(rows[2]).toEqual([
      "1.1.",
      "Изучение нормативного и методического сопровождения проекта",
      "Январь-февраль 2021 года",
      "Отдел образования, общеобразовательные организации",
      "Изучено нормативное и методическое сопровождение проекта",
    ]);
    expect(rows.filter((row) => row.length === 1)).toHaveLength(5);
    expect(rows).toHaveLength(1 + 5 + 45);
    const monitoring = table.rows.find((row) => row.cells[0]?.text === "4.1.");
    expect(monitoring?.cells[2]?.paragraphs).toEqual(["июнь", "ноябрь, декабрь,март, май"]);
  });

  it("reports execution: «Информация» from the check-ins, then the analysis in numbers", async () => {
    const content = editable(programme);
    const [first, second] = content.sections[0]?.activities ?? [];
    if (!first || !second) throw new Error("two activities expected");
    first.deadlineText = "Март 2025 года";
    first.indicator = { text: "", code: "good_marks_share", baseline: 0.3, target: 0.4, year: 2025 };
    second.deadlineText = "Август";
    ok(
      "edit",
      await c.directorS1.request({
        method: "PUT",
        url: `/api/plans/${programme.id}/content`,
        payload: content,
      }),
    );
    ok("submit", await transition(c.directorS1, programme.id, "submit"));
    ok("approve", await transition(c.mocM1, programme.id, "approve"));
    ok(
      "check-in",
      await c.directorS1.request({
        method: "POST",
        url: `/api/plans/${programme.id}/activities/${second.id}/check-ins`,
        payload: {
          date: "2025-02-10",
          text: "Составлены маршруты для 12 обучающихся\nМаршруты обсуждены с родителями",
          evidenceText: "Приказ № 15",
          evidenceUrl: "https://school.example/routes",
        },
      }),
    );
    const res = await download(c.mocM1, programme.id, "report.docx?today=2025-04-01");
    const goodMarks = INDICATOR_CATALOGUE.find((item) => item.code === "good_marks_share")?.name;
    expect(res.statusCode).toBe(200);
    const doc = await readDocx(res.rawPayload);
    const [table] = tables(doc);
    if (!table) throw new Error("no table");
    const rows = tableTexts(table);
    expect(rows[0]).toEqual([...EXECUTION_REPORT_COLUMNS]);
    expect(rows[2]).toEqual(["1.1.", first.title, "Март 2025 года", "Сведений о выполнении нет."]);
    const info = table.rows[3]?.cells[3]?.paragraphs;
    expect(info).toEqual([
      "10.02.2025 — Составлены маршруты для 12 обучающихся",
      "Маршруты обсуждены с родителями",
      "Подтверждение: Приказ № 15, https://school.example/routes",
    ]);
    const texts = paragraphTexts(doc);
    const heading = texts.indexOf("Анализ эффективности реализации плана мероприятий на 2024/25 учебный год");
    expect(heading).toBeGreaterThan(0);
    expect(texts.slice(heading + 1)).toEqual([
      "По состоянию на 01.04.2025 в плане 2 мероприятия: выполнено 0, выполняется 0, не начато 2, отменено 0. Доля выполненных мероприятий (без отменённых) — 0,0 %.",
      "Просрочено 1 мероприятие (50,0 % мероприятий плана):",
      `Мероприятие 1.1. «${first.title}»: срок «Март 2025 года» истёк 31.03.2025.`,
      "Отметки о выполнении внесены по 1 мероприятию из 2 (всего 1 отметка); по 1 мероприятию сведений о выполнении нет.",
      `Показатель «${goodMarks}» (мероприятие 1.1. «${first.title}»): базовое значение 0,30, целевое 0,40 к 2025 г., достигнутое 0,42 (2025 г.) — цель достигнута.`,
      "Для следующего цикла: пересмотреть сроки или содержание просроченных мероприятий (1.1.); завершить 1 мероприятие, срок которого не истёк.",
    ]);
  });

  it("exports any plan as XLSX with statuses, causes, measures and check-ins", async () => {
    const res = await download(c.mocM1, programme.id, "export.xlsx?today=2025-04-01");
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const sheet = workbook.getWorksheet("План");
    if (!sheet) throw new Error("no sheet");
    expect(sheet.getCell("A1").value).toBe(programme.content.title);
    expect(sheet.getCell("A2").value).toBe(s1Name);
    expect(sheet.getCell("A3").value).toBe("2024/25 учебный год · Утверждён, версия 1");
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(6)[0]).toBe("№");
    expect(String(values(7)[0])).toContain("Низкая мотивация");
    expect(values(8).slice(0, 3)).toEqual(["1.1.", expect.any(String), "Март 2025 года"]);
    expect(values(8)[8]).toBe("просрочено");
    expect(String(values(8)[9])).toContain("мотивация");
    expect(String(values(9)[11])).toContain("10.02.2025 — Составлены маршруты");
  });
});
