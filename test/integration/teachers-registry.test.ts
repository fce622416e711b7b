import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, deficitAssessments, teachers } from "../../src/server/db/schema";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { putValues, runAndWait } from "./identification-support";
import {
  buildTeachersWorld,
  expectStatus,
  fileUpload,
  postScores,
  postTeacher,
  TEACHERS_YEAR,
  type TeachersWorld,
} from "./teachers-support";

describe.each(testEngines())("the teacher registry and diagnoses on $kind", (engine) => {
  let database: Database;
  let w: TeachersWorld;

  beforeAll(async () => {
    database = await engine.open();
    w = await buildTeachersWorld(database);
  });
  afterAll(async () => {
    await w?.app.close();
    await database?.close();
  });

  it("lets the director add, edit and deactivate a teacher of their school, audited", async () => {
    const card = await postTeacher(w.clients.directorS1, w.s1.id, "Иванова Анна Петровна");
    expect(card.teacher).toMatchObject({
      fullName: "Иванова Анна Петровна",
      subjects: ["математика"],
      isActive: true,
      latest: null,
    });
    const edited = await expectStatus(w.clients.mocM1, 200, {
      method: "PATCH",
      url: `/api/teachers/${card.teacher.id}`,
      payload: { category: "highest", isActive: false },
    });
    expect(edited.teacher).toMatchObject({ category: "highest", isActive: false });
    const audit = await w.db.select().from(auditLog).where(eq(auditLog.entity, "teacher"));
    expect(audit.map((a) => a.action)).toEqual(["create", "deactivate"]);
    const dup = await expectStatus(w.clients.directorS1, 409, {
      method: "POST",
      url: `/api/schools/${w.s1.id}/teachers`,
      payload: { fullName: "иванова анна петровна" },
    });
    expect(dup.message).toContain("уже есть");
  });

  it("refuses the other municipality, the mentor's write and the federal operator's write", async () => {
    const card = await postTeacher(w.clients.directorS1, w.s1.id, "Петров Олег Ильич");
    await expectStatus(w.clients.mocM2, 404, { method: "GET", url: `/api/teachers/${card.teacher.id}` });
    await expectStatus(w.clients.adminB, 404, { method: "GET", url: `/api/schools/${w.s1.id}/teachers` });
    await expectStatus(w.clients.mentorS1, 200, { method: "GET", url: `/api/teachers/${card.teacher.id}` });
    await expectStatus(w.clients.mentorS1, 403, {
      method: "PATCH",
      url: `/api/teachers/${card.teacher.id}`,
      payload: { experienceYears: 1 },
    });
    await expectStatus(w.clients.federal, 403, {
      method: "POST",
      url: `/api/schools/${w.s1.id}/teachers`,
      payload: { fullName: "Кто-то Новый" },
    });
    const list = await expectStatus(w.clients.mocM2, 200, {
      method: "GET",
      url: `/api/schools/${w.s2.id}/teachers`,
    });
    expect(JSON.stringify(list)).not.toContain("Петров");
  });

  it("scores a self-assessment by the questionnaire's formula and keeps the history with levels", async () => {
    const { teacher } = await postTeacher(w.clients.directorS1, w.s1.id, "Сидорова Вера Николаевна");
    await postScores(w.clients.directorS1, teacher.id, "2024-10-01", {
      subject: 45,
      assessment: 30,
      digital: 75,
    });
    const card = await expectStatus(w.clients.directorS1, 200, {
      method: "POST",
      url: `/api/teachers/${teacher.id}/assessments`,
      payload: {
        source: "self",
        assessedOn: "2025-04-01",
        answers: { assessment_1: 3, assessment_2: 4, assessment_3: 5, subject_1: 2 },
      },
    });
    expect(card.assessments).toHaveLength(2);
    expect(card.assessments[0]).toMatchObject({
      year: 2025,
      source: "test",
      deficits: ["assessment", "subject"],
      levels: { digital: "mastered" },
    });
    expect(card.assessments[1]).toMatchObject({ source: "self", scores: { assessment: 75, subject: 25 } });
    expect(card.teacher.latest.id).toBe(card.assessments[1].id);
    const bad = await expectStatus(w.clients.directorS1, 400, {
      method: "POST",
      url: `/api/teachers/${teacher.id}/assessments`,
      payload: { source: "test", assessedOn: "2025-04-01", scores: { subject: 140 } },
    });
    expect(JSON.stringify(bad)).toContain("от 0 до 100");
  });

  it("lets the region's operator set the levels, which then read every diagnosis", async () => {
    const { teacher } = await postTeacher(w.clients.directorS1, w.s1.id, "Орлова Ирина Сергеевна");
    await postScores(w.clients.directorS1, teacher.id, "2025-02-01", { digital: 55 });
    await expectStatus(w.clients.mocM1, 403, {
      method: "PUT",
      url: "/api/teachers/deficit-scale",
      payload: { deficitBelow: 60, masteredFrom: 80 },
    });
    const set = await expectStatus(w.clients.adminA, 200, {
      method: "PUT",
      url: "/api/teachers/deficit-scale",
      payload: { deficitBelow: 60, masteredFrom: 80 },
    });
    expect(set).toMatchObject({ isDefault: false, scale: { deficitBelow: 60 } });
    const card = await expectStatus(w.clients.directorS1, 200, {
      method: "GET",
      url: `/api/teachers/${teacher.id}`,
    });
    expect(card.teacher.latest.levels.digital).toBe("deficit");
    await expectStatus(w.clients.adminA, 200, {
      method: "PUT",
      url: "/api/teachers/deficit-scale",
      payload: { deficitBelow: 50, masteredFrom: 70 },
    });
    const b = await expectStatus(w.clients.adminB, 200, {
      method: "GET",
      url: "/api/teachers/deficit-scale",
    });
    expect(b.isDefault).toBe(true);
  });

  it("marks the priority group by subject results, else by the school's identification, with the reason", async () => {
    await putValues(w.db, {
      regionId: w.regionA.id,
      schoolId: w.s1b.id,
      code: "oge_math_below_min_share",
      values: { [TEACHERS_YEAR]: 0.18 },
    });
    await postTeacher(w.clients.mocM1, w.s1b.id, "Кузнецова Мария Львовна", {
      subjects: ["математика", "физика"],
    });
    await postTeacher(w.clients.mocM1, w.s1b.id, "Белов Иван Андреевич", { subjects: ["история"] });
    const list = await expectStatus(w.clients.mocM1, 200, {
      method: "GET",
      url: `/api/schools/${w.s1b.id}/teachers?year=${TEACHERS_YEAR}`,
    });
    const byName = new Map(list.items.map((t: { fullName: string }) => [t.fullName, t]));
    expect(byName.get("Кузнецова Мария Львовна")).toMatchObject({
      isPriority: true,
      priorityReason: expect.stringContaining(
        "18% учащихся школы не преодолели минимальный порог ОГЭ (2025 г.",
      ),
    });
    expect(byName.get("Белов Иван Андреевич")).toMatchObject({ isPriority: false, priorityReason: null });

    // S2 has no subject results; its identification on the ЕГЭ mathematics mean names the subject
    await putValues(w.db, {
      regionId: w.regionA.id,
      schoolId: w.s2.id,
      code: "ege_math_mean",
      values: { [TEACHERS_YEAR]: 30 },
    });
    const rules = await expectStatus(w.clients.adminA, 200, {
      method: "POST",
      url: "/api/identification/rule-sets",
      payload: {
        definition: {
          name: "Тест: средний балл",
          category: "shnro",
          combine: { kind: "any" },
          criteria: [
            {
              id: "mean",
              label: "ЕГЭ математика",
              kind: "threshold",
              indicatorCode: "ege_math_mean",
              op: "<",
              value: 40,
            },
          ],
        },
      },
    });
    const { run } = await runAndWait(w.clients.adminA, { ruleSetIds: [rules.id], year: TEACHERS_YEAR });
    await expectStatus(w.clients.adminA, 200, {
      method: "POST",
      url: `/api/identification/runs/${run.id}/approve`,
    });
    await postTeacher(w.clients.mocM2, w.s2.id, "Соколова Елена Юрьевна", { subjects: ["Математика"] });
    const s2 = await expectStatus(w.clients.mocM2, 200, {
      method: "GET",
      url: `/api/schools/${w.s2.id}/teachers?year=${TEACHERS_YEAR}`,
    });
    expect(s2.items[0]).toMatchObject({
      isPriority: true,
      priorityReason: expect.stringMatching(
        /^Преподаёт предмет «Математика», по которому школа отнесена к ШНРО: .+/,
      ),
    });
  });

  it("imports the registry from CSV: a dry run, then all of it, matched by school code and name", async () => {
    const csv = `Код ОО;ФИО;Должность;Предметы;Категория;Стаж\n${w.s1.code};Громова Нина Петровна;учитель;русский язык, литература;высшая;25\n${w.s1.code};Иванова Анна Петровна;учитель;математика;первая;13\n`;
    const dry = await expectStatus(w.clients.directorS1, 200, {
      method: "POST",
      url: "/api/teachers/import?kind=registry",
      ...fileUpload("t.csv", csv),
    });
    expect(dry).toMatchObject({ dryRun: true, rows: 2, created: 1, updated: 1, errors: [] });
    expect(dry.mapping).toMatchObject({ schoolCode: "Код ОО", fullName: "ФИО", experienceYears: "Стаж" });
    expect(
      await w.db.select().from(teachers).where(eq(teachers.fullName, "Громова Нина Петровна")),
    ).toHaveLength(0);
    const done = await expectStatus(w.clients.directorS1, 200, {
      method: "POST",
      url: "/api/teachers/import?kind=registry&dryRun=false",
      ...fileUpload("t.csv", csv),
    });
    expect(done).toMatchObject({ dryRun: false, created: 1, updated: 1 });
    const [nina] = await w.db.select().from(teachers).where(eq(teachers.fullName, "Громова Нина Петровна"));
    expect(nina).toMatchObject({
      subjects: ["русский язык", "литература"],
      category: "highest",
      experienceYears: 25,
    });
  });

  it("refuses a bad file with the row and column of every problem and writes nothing", async () => {
    const before = await w.db.select().from(teachers);
    const csv = `Код ОО;ФИО;Категория;Стаж\n${w.s1.code};Новикова Ольга Ивановна;вторая;5\n${w.s2.code};Чужая Учительница Ивановна;;3\n${w.s1.code};Новая Учительница Сергеевна;;сто\n`;
    const res = await expectStatus(w.clients.directorS1, 200, {
      method: "POST",
      url: "/api/teachers/import?kind=registry&dryRun=false",
      ...fileUpload("t.csv", csv),
    });
    expect(res.errors).toEqual([
      { row: 2, column: "Категория", message: expect.stringContaining("категория «вторая» не распознана") },
      { row: 3, column: "Код ОО", message: `школа с кодом «${w.s2.code}» не найдена` },
      { row: 4, column: "Стаж", message: expect.stringContaining("стаж") },
    ]);
    expect(await w.db.select().from(teachers)).toHaveLength(before.length);
  });

  it("imports test results by block for teachers of the registry", async () => {
    const csv = `Код ОО;ФИО;Дата;Предметная компетентность;Оценка образовательных результатов\n${w.s1.code};Громова Нина Петровна;15.03.2025;62;41,5\n`;
    const res = await expectStatus(w.clients.mocM1, 200, {
      method: "POST",
      url: "/api/teachers/import?kind=tests&dryRun=false",
      ...fileUpload("tests.csv", csv),
    });
    expect(res).toMatchObject({ assessments: 1, errors: [] });
    const [nina] = await w.db.select().from(teachers).where(eq(teachers.fullName, "Громова Нина Петровна"));
    const rows = await w.db
      .select()
      .from(deficitAssessments)
      .where(eq(deficitAssessments.teacherId, nina?.id ?? 0));
    expect(rows[0]).toMatchObject({
      assessedOn: "2025-03-15",
      year: 2025,
      source: "test",
      scores: { subject: 62, assessment: 41.5 },
    });
    const unknown = await expectStatus(w.clients.mocM1, 200, {
      method: "POST",
      url: "/api/teachers/import?kind=tests",
      ...fileUpload(
        "tests.csv",
        `Код ОО;ФИО;Дата;Цифровая компетентность\n${w.s1.code};Незнакомый Педагог Петрович;31.02.2025;50\n`,
      ),
    });
    expect(unknown.errors).toEqual([
      {
        row: 2,
        column: "ФИО",
        message: `педагога «Незнакомый Педагог Петрович» нет в реестре школы ${w.s1.code}`,
      },
    ]);
  });

  it("reads an XLSX registry with its own column names through a given mapping", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Педагоги");
    sheet.addRow(["Школа (код)", "Педагог", "Преподаёт", "Лет в профессии"]);
    sheet.addRow([w.s1b.code, "Фролова Дарья Олеговна", "химия; биология", 7]);
    const buffer = Buffer.from(await book.xlsx.writeBuffer());
    const mapping = JSON.stringify({
      schoolCode: "Школа (код)",
      fullName: "Педагог",
      subjects: "Преподаёт",
      experienceYears: "Лет в профессии",
    });
    const res = await expectStatus(w.clients.mocM1, 200, {
      method: "POST",
      url: `/api/teachers/import?kind=registry&dryRun=false&mapping=${encodeURIComponent(mapping)}`,
      ...fileUpload("teachers.xlsx", buffer),
    });
    expect(res).toMatchObject({ created: 1, errors: [] });
    const [row] = await w.db.select().from(teachers).where(eq(teachers.fullName, "Фролова Дарья Олеговна"));
    expect(row).toMatchObject({
      schoolId: w.s1b.id,
      subjects: ["химия", "биология"],
      experienceYears: 7,
      position: "teacher",
    });
    const unmapped = await expectStatus(w.clients.mocM1, 200, {
      method: "POST",
      url: "/api/teachers/import?kind=registry",
      ...fileUpload("teachers.xlsx", buffer),
    });
    // «Педагог» is a usual name of the name column; the code column is not guessed
    expect(unmapped.errors.map((e: { message: string }) => e.message)).toEqual([
      "Не указан столбец поля «Код ОО»",
    ]);
  });
});
