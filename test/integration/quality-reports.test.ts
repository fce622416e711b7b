import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, mocReports } from "../../src/server/db/schema";
import type { Database } from "../../src/server/platform/db";
import type { MocReportDetail, QualityFlags } from "../../src/shared/quality-api";
import { testEngines } from "../support/db";
import { seedIdentification } from "./identification-support";
import { multipart, ok } from "./partners-support";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const YEAR = 2025;
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const text = (where: string) =>
  `В течение года МОЦ ${where} провёл собеседования с директорами всех школ проекта, посетил уроки молодых учителей математики и дал консультации по оцениванию образовательных результатов. Для заместителей директоров проведены семинары по внутренней системе оценки качества образования и круглый стол по работе с обучающимися группы риска.`;

async function docx(): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: "Итоги года", heading: HeadingLevel.HEADING_1 }),
            new Paragraph("Средний балл ОГЭ по математике 3,4."),
            new Paragraph("Качество знаний 41 %."),
            new Paragraph({ text: "Выводы", heading: HeadingLevel.HEADING_1 }),
            new Paragraph("Школам продолжить работу по программам."),
          ],
        },
      ],
    }),
  );
}

for (const engine of testEngines()) {
  describe(`МОЦ reports and their flags (${engine.kind})`, () => {
    let database: Database;
    let w: World & { clients: Clients };
    let m1: MocReportDetail;
    let m2: MocReportDetail;

    beforeAll(async () => {
      database = await engine.open();
      const world = await buildWorld(database);
      await seedIdentification(world.db, world.regionA.id);
      w = { ...world, clients: await signInAll(world.app, world) };
      const create = async (client: "mocM1" | "mocM2", where: string) =>
        ok<MocReportDetail>(
          "create",
          await w.clients[client].request({
            method: "POST",
            url: "/api/quality/moc-reports",
            payload: {
              year: YEAR,
              sections: [{ title: "Работа со школами", text: text(where) }],
              recommendations: [
                {
                  text: "Направить учителей на курсы по оцениванию",
                  indicatorCodes: ["oge_math_below_min_share"],
                },
                { text: "Активизировать работу" },
              ],
            },
          }),
        );
      m1 = await create("mocM1", "Первого района");
      m2 = await create("mocM2", "Второго округа");
    });
    afterAll(async () => {
      await w.app.close();
      await database.close();
    });

    it("names the report after its municipality and year, one a year", async () => {
      expect(m1.title).toMatch(/^Аналитический отчёт МОЦ \(.+\) за 2024\/2025 учебный год$/);
      const again = await w.clients.mocM1.request({
        method: "POST",
        url: "/api/quality/moc-reports",
        payload: { year: YEAR },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().message).toBe("Отчёт МОЦ за 2024/2025 учебный год уже есть");
    });

    it("flags the two reports copied from each other, with the passages of both sides", async () => {
      const flags = ok<QualityFlags>(
        "flags",
        await w.clients.analystA.request({ method: "GET", url: `/api/quality/flags?year=${YEAR}` }),
      );
      const copy = flags.flags.find((f) => f.kind === "duplicate");
      expect(copy?.pair?.a.mocReportId).toBe(m1.id);
      expect(copy?.pair?.b.mocReportId).toBe(m2.id);
      expect(copy?.mocReportIds).toEqual([m1.id, m2.id]);
      expect(copy?.pair?.score).toBeGreaterThan(0.6);
      const [before, after] = copy?.pair?.passages ?? [];
      expect(before?.a.text).toBe("Работа со школами\nВ течение года МОЦ");
      expect(after?.a.text.startsWith("провёл собеседования с директорами")).toBe(true);
      expect(after?.b?.text).toBe(after?.a.text);
      expect(
        flags.flags.filter((f) => f.kind === "unlinked_recommendation").map((f) => f.sentence),
      ).toHaveLength(2);
      expect(flags.sources.find((s) => s.kind === "moc_report")?.count).toBe(2);
    });

    it("gives a МОЦ its own report's flags with the other municipality's side withheld", async () => {
      const own = ok<MocReportDetail>(
        "get",
        await w.clients.mocM2.request({ method: "GET", url: `/api/quality/moc-reports/${m2.id}` }),
      );
      const copy = own.flags.find((f) => f.kind === "duplicate");
      expect(copy?.pair?.a.mocReportId).toBe(m2.id);
      expect(copy?.pair?.b).toMatchObject({
        isVisible: false,
        mocReportId: null,
        label: "текст другого муниципалитета",
      });
      expect(copy?.mocReportIds).toEqual([m2.id]);
      expect(JSON.stringify(own)).not.toContain("Первого района");
      expect(own.recommendations[0]?.indicatorLabels[0]).not.toBe("oge_math_below_min_share");
    });

    it("refuses a recommendation tied to an indicator not in the catalogue, naming it; nothing changes", async () => {
      const res = await w.clients.mocM1.request({
        method: "PATCH",
        url: `/api/quality/moc-reports/${m1.id}`,
        payload: { recommendations: [{ text: "Да", indicatorCodes: ["no_such_indicator"] }] },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe(
        "Рекомендация 1: нет показателя «no_such_indicator» в каталоге региона",
      );
      const [row] = await w.db.select().from(mocReports).where(eq(mocReports.id, m1.id));
      expect(row?.recommendations).toHaveLength(2);
    });

    it("reads the sections of an uploaded DOCX (headings open sections) and flags results with no comparison", async () => {
      const res = await w.clients.mocM1.request({
        method: "PUT",
        url: `/api/quality/moc-reports/${m1.id}/docx`,
        ...multipart("отчёт.docx", await docx(), DOCX_TYPE),
      });
      const report = ok<MocReportDetail>("docx", res);
      expect(report.sourceFileName).toBe("отчёт.docx");
      expect(report.sections).toEqual([
        { title: "Итоги года", text: "Средний балл ОГЭ по математике 3,4.\nКачество знаний 41 %." },
        { title: "Выводы", text: "Школам продолжить работу по программам." },
      ]);
      expect(report.flags.find((f) => f.kind === "no_comparison")?.sentence).toContain(
        "«Средний балл ОГЭ по математике 3,4.»",
      );
      const bad = await w.clients.mocM1.request({
        method: "PUT",
        url: `/api/quality/moc-reports/${m1.id}/docx`,
        ...multipart("отчёт.docx", "не документ", DOCX_TYPE),
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toBe("«отчёт.docx»: Файл не читается как документ DOCX");
    });

    it("audits every write of a report", async () => {
      ok(
        "delete",
        await w.clients.mocM2.request({ method: "DELETE", url: `/api/quality/moc-reports/${m2.id}` }),
      );
      const entries = await w.db
        .select({ action: auditLog.action, entityId: auditLog.entityId })
        .from(auditLog)
        .where(eq(auditLog.entity, "moc_report"));
      expect(
        entries
          .filter((e) => e.entityId === String(m1.id))
          .map((e) => e.action)
          .sort(),
      ).toEqual(["create", "import"]);
      expect(
        entries
          .filter((e) => e.entityId === String(m2.id))
          .map((e) => e.action)
          .sort(),
      ).toEqual(["create", "delete"]);
    });
  });
}
