import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MOC_ACTIVITIES } from "../../src/core/reports";
import {
  courseEnrolments,
  courses,
  eventSchools,
  events,
  mocStaff,
  mocs,
  municipalities,
  partnerAgreements,
  schools,
  supportLogEntries,
  teachers,
} from "../../src/server/db/schema";
import {
  paragraphTexts,
  readDocx,
  tables,
  tableTexts,
} from "../../src/server/modules/plans/documents/docx-read.test-support";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { buildWorld, type Clients, signInAll, type World } from "./world";

/** The school year 2024-2025 of the fixture. */
const YEAR = 2024;

describe.each(testEngines())("reports from data on $kind", (engine) => {
  let database: Database;
  let world: World;
  let c: Clients;
  let m1Name = "";
  const names = new Map<number, string>();

  beforeAll(async () => {
    database = await engine.open();
    world = await buildWorld(database);
    c = await signInAll(world.app, world);
    const { db, regionA, m1, m2, s1, s1b, s2 } = world;
    m1Name =
      (
        await db
          .select({ name: municipalities.name })
          .from(municipalities)
          .where(eq(municipalities.id, m1.id))
      )[0]?.name ?? "";
    for (const row of await db.select({ id: schools.id, name: schools.shortName }).from(schools))
      names.set(row.id, row.name);
    const [moc] = await db
      .update(mocs)
      .set({ name: "МОЦ матрицы" })
      .where(eq(mocs.municipalityId, m1.id))
      .returning();
    if (!moc) throw new Error("no moc");
    await db
      .insert(mocStaff)
      .values({ mocId: moc.id, fullName: "Минаева Елена Леонидовна", position: "coordinator" });
    const log = (
      schoolId: number,
      municipalityId: number,
      over: Partial<typeof supportLogEntries.$inferInsert>,
    ) => ({
      regionId: regionA.id,
      municipalityId,
      schoolId,
      kind: "consultation" as const,
      audience: "teachers" as const,
      format: "in_person" as const,
      heldOn: "2024-10-03",
      topic: "Подготовка к ВПР",
      peopleCount: 1,
      ...over,
    });
    await db.insert(supportLogEntries).values([
      log(s1.id, m1.id, {}),
      log(s1.id, m1.id, { heldOn: "2024-10-15", topic: "=1+2" }),
      log(s1b.id, m1.id, { heldOn: "2024-10-20" }),
      log(s1.id, m1.id, { kind: "interview", audience: "heads", heldOn: "2024-09-12", topic: "Итоги ГИА" }),
      log(s1b.id, m1.id, {
        kind: "visit",
        audience: null,
        format: "visit",
        heldOn: "2025-02-05",
        topic: "Посещение уроков",
      }),
      log(s1.id, m1.id, { audience: "parents", heldOn: "2025-02-10", peopleCount: 19, topic: "" }),
      // outside the school year, and another municipality's: neither is printed
      log(s1.id, m1.id, { heldOn: "2024-08-30", topic: "Прошлый год" }),
      log(s2.id, m2.id, { heldOn: "2024-10-05", topic: "Чужая консультация" }),
    ]);
    const [event] = await db
      .insert(events)
      .values({
        regionId: regionA.id,
        municipalityId: m1.id,
        kind: "seminar",
        level: "municipal",
        heldOn: "2024-12-04",
        topic: "Профессиональная компетентность учителя",
        teachersCount: 18,
      })
      .returning();
    if (!event) throw new Error("no event");
    await db.insert(eventSchools).values({ eventId: event.id, schoolId: s1.id });
    const [course] = await db
      .insert(courses)
      .values({
        regionId: regionA.id,
        title: "Управление объективностью оценивания",
        hours: 36,
        startsOn: "2025-03-03",
      })
      .returning();
    if (!course) throw new Error("no course");
    const staff = await db
      .insert(teachers)
      .values([
        { schoolId: s1.id, fullName: "Иванова Анна" },
        { schoolId: s1b.id, fullName: "Петрова Ольга" },
        { schoolId: s2.id, fullName: "Сидорова Мария" },
      ])
      .returning();
    await db.insert(courseEnrolments).values(
      staff.map((t) => ({
        courseId: course.id,
        teacherId: t.id,
        enrolledOn: "2025-02-20",
        status: "completed" as const,
      })),
    );
    await db.insert(partnerAgreements).values({
      regionId: regionA.id,
      schoolId: s1.id,
      partnerKind: "school",
      partnerSchoolId: s2.id,
      subject: "математика",
      startsOn: "2025-01-15",
    });
  });

  afterAll(async () => {
    await world?.app.close();
    await database?.close();
  });

  const mocUrl = (file: string, extra = "") => `/api/reports/moc-annual.${file}?year=${YEAR}${extra}`;

  it("prints the МОЦ annual report month by month with the counts the database holds", async () => {
    const res = await c.mocM1.request({
      method: "GET",
      url: mocUrl("docx", `&approverName=${encodeURIComponent("С.В. Белова")}&approvalDate=14.05.2025`),
    });
    expect(res.statusCode).toBe(200);
    const doc = await readDocx(res.rawPayload);
    const texts = paragraphTexts(doc);
    expect(texts.slice(0, 5)).toEqual([
      "УТВЕРЖДЕН",
      "Председатель Комитета по образованию",
      `МО «${m1Name}»`,
      "С.В. Белова",
      "14.05.2025",
    ]);
    expect(texts).toContain("ОТЧЕТ МОЦ");
    expect(texts).toContain("о работе в 2024-2025 учебном году");
    expect(texts.at(-1)).toBe("Координатор МОЦ\tЕ.Л. Минаева");
    const [table] = tables(doc);
    if (!table) throw new Error("no table");
    const rows = tableTexts(table);
    expect(rows[0]).toEqual(["Месяц", "Мероприятие", "Содержание"]);
    const s1 = names.get(world.s1.id);
    const s1b = names.get(world.s1b.id);
    expect(rows.slice(1)).toEqual([
      [
        "Сентябрь 2024",
        MOC_ACTIVITIES.consulting,
        `– проведено 1 индивидуальное собеседование с директорами ОО: ${s1}\nтемы: «Итоги ГИА»`,
      ],
      [
        "Октябрь 2024",
        MOC_ACTIVITIES.consulting,
        expect.stringMatching(
          new RegExp(
            `^– проведено 3 консультации для учителей: ${s1} \\(2\\), ${s1b} \\(1\\)\\nтемы: «Подготовка к ВПР»; «=1\\+2»$`,
          ),
        ),
      ],
      [
        "Декабрь 2024",
        MOC_ACTIVITIES.seminars,
        `– муниципальный семинар «Профессиональная компетентность учителя» (18 педагогов); школы: ${s1}`,
      ],
      [
        "Январь 2025",
        MOC_ACTIVITIES.network,
        `– партнерство ${s1} и ${names.get(world.s2.id)} (математика): заключено соглашение о сетевом взаимодействии`,
      ],
      [
        "Февраль 2025",
        MOC_ACTIVITIES.visits,
        `– осуществлено 1 выезд в ОО: ${s1b}\nтемы: «Посещение уроков»`,
      ],
      ["", MOC_ACTIVITIES.parents, `– 1 консультация для родителей (19 человек): ${s1}`],
      [
        "Март 2025",
        MOC_ACTIVITIES.courses,
        "– курсовая подготовка по теме «Управление объективностью оценивания» (36 ч.) – 2 человека",
      ],
    ]);
    expect(texts.join("\n")).not.toContain("Чужая");
    expect(texts).toContain(
      "Итого за 2024-2025 учебный год: 3 консультации, 1 консультация для родителей, 1 собеседование, 1 выезд, 1 мероприятие, 1 курс повышения квалификации (2 человека), 1 соглашение о партнерстве.",
    );
  });

  it("gives the same table as XLSX, cell by cell, a topic «=1+2» kept as text", async () => {
    const res = await c.adminA.request({
      method: "GET",
      url: mocUrl("xlsx", `&municipalityId=${world.m1.id}`),
    });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const sheet = workbook.getWorksheet("Отчет МОЦ");
    if (!sheet) throw new Error("no sheet");
    expect(String(sheet.getCell("A1").value)).toMatch(/^УТВЕРЖДЕН\nПредседатель Комитета по образованию/);
    expect(String(sheet.getCell("A2").value)).toContain("о работе в 2024-2025 учебном году");
    expect(["A3", "B3", "C3"].map((a) => sheet.getCell(a).value)).toEqual([
      "Месяц",
      "Мероприятие",
      "Содержание",
    ]);
    expect(sheet.getCell("A4").value).toBe("Сентябрь 2024");
    expect(sheet.getCell("A5").value).toBe("Октябрь 2024");
    const october = sheet.getCell("C5");
    expect(october.type).toBe(ExcelJS.ValueType.String);
    expect(String(october.value)).toContain("«=1+2»");
    expect(sheet.getCell("A9").value).toBe("Февраль 2025");
    expect(sheet.getCell("B9").value).toBe(MOC_ACTIVITIES.parents);
    expect(sheet.getCell("A10").value).toBe("Март 2025");
    expect(String(sheet.getCell("A12").value)).toBe("Координатор МОЦ: Е.Л. Минаева");
  });

  it("refuses another municipality, school roles and the anonymous", async () => {
    const other = await c.mocM2.request({
      method: "GET",
      url: mocUrl("docx", `&municipalityId=${world.m1.id}`),
    });
    expect([403, 404]).toContain(other.statusCode);
    expect((await c.directorS1.request({ method: "GET", url: mocUrl("docx") })).statusCode).toBe(403);
    expect(
      (await c.adminB.request({ method: "GET", url: mocUrl("docx", `&municipalityId=${world.m1.id}`) }))
        .statusCode,
    ).toBe(404);
    expect((await world.app.inject({ method: "GET", url: mocUrl("docx") })).statusCode).toBe(401);
    expect(
      (await c.mocM1.request({ method: "GET", url: `/api/reports/regional.docx?year=${YEAR}` })).statusCode,
    ).toBe(403);
  });

  it("writes the regional report from the region's figures, leaving out the sections with nothing to print", async () => {
    const res = await c.analystA.request({ method: "GET", url: `/api/reports/regional.docx?year=2025` });
    expect(res.statusCode).toBe(200);
    const doc = await readDocx(res.rawPayload);
    const texts = paragraphTexts(doc);
    const headings = doc.blocks.flatMap((b) =>
      b.kind === "paragraph" && b.isBold && /^\d+\. /.test(b.text) ? [b.text] : [],
    );
    expect(headings).toEqual([
      "1. Контекст",
      "2. Цель и задачи",
      "3. Что сделано в 2025 году",
      "4. Методика идентификации",
      "5. Результаты идентификации",
      "6. Критерии и показатели итогового мониторинга (Таблица 1)",
      "7. Программы школ",
    ]);
    // region A: 3 schools, one rural, none small, 300 students each
    expect(texts.join("\n")).toContain(
      "из 3 функционирующих в регионе школ (2 муниципальных образований) сельскими являются 33,3 %, из них малокомплектные – 0,0 %. В сельских школах обучается 33,3 % учащихся.",
    );
    expect(texts.join("\n")).toContain("Партнерство: 1 соглашение");
    // no programme year up to 2025 (the run of 2025 opens 2026's), no МОЦ report: no Table 2, no analysis
    expect(texts.join("\n")).not.toMatch(/Таблица 2|Анализ отчётов МОЦ|Рекомендации/);
  });

  it("lists the documents for the year with a preview", async () => {
    const res = await c.mocM1.request({ method: "GET", url: `/api/reports/catalog?year=${YEAR}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.municipalities).toEqual([{ id: world.m1.id, name: m1Name }]);
    expect(body.documents.map((d: { key: string }) => d.key)).toEqual(["moc_annual"]);
    expect(body.documents[0].preview).toContain("Координатор МОЦ: Е.Л. Минаева");
    const region = (
      await c.adminA.request({ method: "GET", url: `/api/reports/catalog?year=${YEAR}` })
    ).json();
    expect(region.documents.map((d: { key: string }) => d.key)).toEqual(["moc_annual", "regional"]);
  });
});
