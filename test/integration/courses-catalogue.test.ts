import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courseEnrolments, courses } from "../../src/server/db/schema";
import { coursesSummaryBySchool } from "../../src/server/modules/courses/courses.repo";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { auditOf, expectStatus } from "./causes-support";
import { buildTeachers, postTable, xlsx } from "./courses-support";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const COURSE = {
  title: "Формирование функциональной грамотности на уроках математики",
  hours: 36,
  startsOn: "2024-10-07",
  endsOn: "2024-10-25",
  provider: "ГАУ ДПО «СОИРО»",
  format: "blended",
  blocks: ["methodical", "assessment"],
  subjects: ["Математика"],
};

describe.each(testEngines())("the course catalogue and enrolments on $kind", (engine) => {
  let database: Database;
  let w: World;
  let c: Clients;
  let s1Teachers: { id: number; fullName: string }[];
  let s2Teachers: { id: number; fullName: string }[];
  let courseId: number;

  beforeAll(async () => {
    database = await engine.open();
    w = await buildWorld(database);
    c = await signInAll(w.app, w);
    s1Teachers = await buildTeachers(w.db, w.s1.id, ["Иванова Мария Петровна", "Петров Олег Ильич"]);
    s2Teachers = await buildTeachers(w.db, w.s2.id, ["Сидорова Анна Викторовна"]);
  });
  afterAll(async () => {
    await w?.app.close();
    await database?.close();
  });

  it("lets the regional operator add a course; a МОЦ and a school read it, another region does not", async () => {
    const created = await expectStatus(c.analystA, 200, {
      method: "POST",
      url: "/api/courses",
      payload: COURSE,
    });
    courseId = created.id;
    expect(created).toMatchObject({ hours: 36, format: "blended", subjects: ["математика"], enrolled: 0 });
    const refused = await expectStatus(c.mocM1, 403, {
      method: "POST",
      url: "/api/courses",
      payload: COURSE,
    });
    expect(refused.message).toBe("Каталог курсов ведёт региональный оператор");
    const list = await expectStatus(c.mocM1, 200, { method: "GET", url: "/api/courses" });
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([courseId]);
    expect(list.permissions).toEqual({ canManage: false, canEnrol: true });
    await expectStatus(c.directorS1, 200, { method: "GET", url: `/api/courses/${courseId}` });
    const other = await expectStatus(c.adminB, 200, { method: "GET", url: "/api/courses" });
    expect(other.items).toEqual([]);
    await expectStatus(c.adminB, 404, { method: "GET", url: `/api/courses/${courseId}` });
    const bad = await expectStatus(c.adminA, 400, {
      method: "POST",
      url: "/api/courses",
      payload: { ...COURSE, startsOn: "2024-11-01" },
    });
    expect(bad.message).toBe("Дата окончания раньше даты начала");
    const edited = await expectStatus(c.adminA, 200, {
      method: "PATCH",
      url: `/api/courses/${courseId}`,
      payload: { provider: "ГАУ ДПО «Смоленский областной институт развития образования»" },
    });
    expect(edited).toMatchObject({ format: "blended", hours: 36, blocks: ["methodical", "assessment"] });
    await expectStatus(c.mocM1, 403, {
      method: "PATCH",
      url: `/api/courses/${courseId}`,
      payload: { hours: 1 },
    });
    await expectStatus(c.adminB, 404, {
      method: "PATCH",
      url: `/api/courses/${courseId}`,
      payload: { hours: 1 },
    });
    expect((await auditOf(w.db, "course")).map((a) => a.action)).toEqual(["create", "update"]);
  });

  it("filters the catalogue by block, subject, format, text and school year", async () => {
    const q = async (query: string) =>
      (await expectStatus(c.adminA, 200, { method: "GET", url: `/api/courses?${query}` })).items.length;
    expect(await q("block=assessment")).toBe(1);
    expect(await q("block=digital")).toBe(0);
    expect(await q("subject=математика")).toBe(1);
    expect(await q("format=remote")).toBe(0);
    expect(await q(`q=${encodeURIComponent("смоленский")}`)).toBe(1);
    expect(await q("year=2025")).toBe(1);
    expect(await q("year=2026")).toBe(0);
  });

  it("lets a МОЦ enrol its municipality's teachers only, and mark completion or a drop", async () => {
    const ids = s1Teachers.map((t) => t.id);
    const enrolled = await expectStatus(c.mocM1, 200, {
      method: "POST",
      url: `/api/courses/${courseId}/enrolments`,
      payload: { teacherIds: ids, enrolledOn: "2024-10-01" },
    });
    expect(enrolled.added).toBe(2);
    const before = await w.db.select({ n: count() }).from(courseEnrolments);
    await expectStatus(c.mocM1, 404, {
      method: "POST",
      url: `/api/courses/${courseId}/enrolments`,
      payload: { teacherIds: [s2Teachers[0]?.id], enrolledOn: "2024-10-01" },
    });
    await expectStatus(c.directorS1, 403, {
      method: "POST",
      url: `/api/courses/${courseId}/enrolments`,
      payload: { teacherIds: ids, enrolledOn: "2024-10-01" },
    });
    expect(await w.db.select({ n: count() }).from(courseEnrolments)).toEqual(before);
    const region = await expectStatus(c.adminA, 200, {
      method: "POST",
      url: `/api/courses/${courseId}/enrolments`,
      payload: { teacherIds: [s2Teachers[0]?.id], enrolledOn: "2024-10-02" },
    });
    expect(region.items).toHaveLength(3);
    const [first, second] = enrolled.items;
    const noDate = await expectStatus(c.mocM1, 400, {
      method: "PATCH",
      url: `/api/course-enrolments/${first.id}`,
      payload: { status: "completed" },
    });
    expect(noDate.message).toBe("Укажите дату завершения курса");
    const done = await expectStatus(c.mocM1, 200, {
      method: "PATCH",
      url: `/api/course-enrolments/${first.id}`,
      payload: { status: "completed", completedOn: "2024-10-25" },
    });
    expect(done).toMatchObject({ status: "completed", completedOn: "2024-10-25" });
    await expectStatus(c.mocM1, 200, {
      method: "PATCH",
      url: `/api/course-enrolments/${second.id}`,
      payload: { status: "dropped" },
    });
    const s2Enrolment = region.items.find((e: { schoolId: number }) => e.schoolId === w.s2.id);
    await expectStatus(c.mocM1, 404, {
      method: "PATCH",
      url: `/api/course-enrolments/${s2Enrolment.id}`,
      payload: { status: "dropped" },
    });
    // the card shows a МОЦ its own teachers only, the region all
    const card = await expectStatus(c.mocM1, 200, { method: "GET", url: `/api/courses/${courseId}` });
    expect(card.enrolments.map((e: { teacherName: string }) => e.teacherName).sort()).toEqual(
      s1Teachers.map((t) => t.fullName).sort(),
    );
    expect(card.course).toMatchObject({ enrolled: 2, completed: 1, dropped: 1 });
    const school = await expectStatus(c.directorS1, 200, {
      method: "GET",
      url: `/api/schools/${w.s1.id}/enrolments`,
    });
    expect(school.items).toHaveLength(2);
    await expectStatus(c.directorS1, 404, { method: "GET", url: `/api/schools/${w.s2.id}/enrolments` });
    const candidates = await expectStatus(c.adminA, 200, {
      method: "GET",
      url: `/api/courses/${courseId}/candidates`,
    });
    expect(candidates.items).toEqual([]);
  });

  it("sums the courses taken per school and school year for the monitoring", async () => {
    const summary = await coursesSummaryBySchool(w.db, { regionId: w.regionA.id }, 2025);
    expect(summary).toEqual([
      { schoolId: w.s1.id, enrolled: 2, completed: 1, dropped: 1, hoursCompleted: 36, teachersCompleted: 1 },
      { schoolId: w.s2.id, enrolled: 1, completed: 0, dropped: 0, hoursCompleted: 0, teachersCompleted: 0 },
    ]);
  });

  it("imports courses from XLSX all or nothing, naming the row and column of each problem", async () => {
    const header = [
      "Название курса",
      "Количество часов",
      "Дата начала",
      "Дата окончания",
      "Организатор",
      "Формат",
      "Компетенции",
    ];
    const bad = await xlsx([
      header,
      [
        "Цифровые инструменты учителя",
        24,
        "01.11.2024",
        "15.11.2024",
        "Академия Минпросвещения",
        "дистанционно",
        "цифровая",
      ],
      ["Оценивание по ФГОС", "много", "2024-11-01", "", "СОИРО", "заочно-очно", "оценка"],
    ]);
    const refused = await postTable(c.adminA, "/api/courses/import", bad, { dryRun: false });
    expect(refused.status).toBe(200);
    expect(refused.body.errors).toEqual([
      { row: 3, column: "Количество часов", message: "часы — целое число больше нуля, а не «много»" },
      {
        row: 3,
        column: "Формат",
        message: "неизвестный формат «заочно-очно» (очно, дистанционно, очно-заочно)",
      },
    ]);
    const before = await w.db.select({ n: count() }).from(courses);
    expect(before[0]?.n).toBe(1);
    const good = await xlsx([
      header,
      [
        "Цифровые инструменты учителя",
        24,
        "01.11.2024",
        "15.11.2024",
        "Академия Минпросвещения",
        "дистанционно",
        "цифровая",
      ],
      ["Оценивание по ФГОС", 72, "2024-11-01", "", "СОИРО", "очно-заочно", "оценка; методическая"],
    ]);
    const dry = await postTable(c.adminA, "/api/courses/import", good);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 2, created: 2, errorCount: 0 });
    expect((await w.db.select({ n: count() }).from(courses))[0]?.n).toBe(1);
    const real = await postTable(c.adminA, "/api/courses/import", good, { dryRun: false });
    expect(real.body).toMatchObject({ dryRun: false, created: 2 });
    const [digital] = await w.db
      .select()
      .from(courses)
      .where(eq(courses.title, "Цифровые инструменты учителя"));
    expect(digital).toMatchObject({
      hours: 24,
      startsOn: "2024-11-01",
      format: "remote",
      blocks: ["digital"],
    });
    const moc = await postTable(c.mocM1, "/api/courses/import", good, { dryRun: false });
    expect(moc.status).toBe(403);
    expect((await auditOf(w.db, "course")).map((a) => a.action)).toEqual(["create", "update", "import"]);
  });

  it("imports enrolments matched by course title, school code and teacher name", async () => {
    const header = ["Курс", "Код школы", "ФИО", "Статус", "Дата зачисления", "Дата завершения"];
    const rows = [
      header,
      [
        "Цифровые инструменты учителя",
        w.s1.code,
        "Петров Олег Ильич",
        "завершил",
        "01.11.2024",
        "15.11.2024",
      ],
      ["Цифровые инструменты учителя", w.s2.code, "Сидорова Анна Викторовна", "", "01.11.2024", ""],
      ["Нет такого курса", w.s1.code, "Никто Никтоевич", "", "01.11.2024", ""],
    ];
    const refused = await postTable(c.mocM1, "/api/courses/enrolments/import", await xlsx(rows), {
      dryRun: false,
    });
    expect(refused.body.errors).toEqual([
      {
        row: 3,
        column: "ФИО",
        message: `в школе «${w.s2.code}» нет педагога «Сидорова Анна Викторовна» (или школа вне вашей зоны)`,
      },
      { row: 4, column: "Курс", message: "курса «Нет такого курса» нет в каталоге региона" },
      {
        row: 4,
        column: "ФИО",
        message: `в школе «${w.s1.code}» нет педагога «Никто Никтоевич» (или школа вне вашей зоны)`,
      },
    ]);
    const ok = await postTable(c.adminA, "/api/courses/enrolments/import", await xlsx(rows.slice(0, 3)), {
      dryRun: false,
    });
    expect(ok.body).toMatchObject({ created: 2, updated: 0, errorCount: 0 });
    const again = await postTable(c.adminA, "/api/courses/enrolments/import", await xlsx(rows.slice(0, 2)), {
      dryRun: false,
    });
    expect(again.body).toMatchObject({ created: 0, updated: 1 });
  });

  it("deletes a course with its enrolments, for the regional operator only", async () => {
    await expectStatus(c.mocM1, 403, { method: "DELETE", url: `/api/courses/${courseId}` });
    await expectStatus(c.adminB, 404, { method: "DELETE", url: `/api/courses/${courseId}` });
    await expectStatus(c.adminA, 200, { method: "DELETE", url: `/api/courses/${courseId}` });
    await expectStatus(c.adminA, 404, { method: "GET", url: `/api/courses/${courseId}` });
    const left = await w.db.select().from(courseEnrolments).where(eq(courseEnrolments.courseId, courseId));
    expect(left).toEqual([]);
  });
});
