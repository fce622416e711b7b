import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, partnerAgreements } from "../../src/server/db/schema";
import type { Database } from "../../src/server/platform/db";
import type { AgreementItem, PartnersOverview, SchoolPartners } from "../../src/shared/partners-api";
import { testEngines } from "../support/db";
import { buildPartnersWorld, multipart, ok, type PartnersWorld } from "./partners-support";

const social = {
  partnerKind: "library",
  partnerName: "МБУК «Центральная библиотечная система»",
  subject: "Читательская грамотность",
  startsOn: "2025-09-01",
  endsOn: "2026-06-30",
  documentNumber: "12/25",
  documentDate: "2025-08-28",
};

for (const engine of testEngines()) {
  describe(`partnerships (${engine.kind})`, () => {
    let database: Database;
    let w: PartnersWorld;
    beforeAll(async () => {
      database = await engine.open();
      w = await buildPartnersWorld(database);
    });
    afterAll(async () => {
      await w.app.close();
      await database.close();
    });

    const partnersOf = async (client = w.clients.directorS1) =>
      ok<SchoolPartners>(
        "partners",
        await client.request({ method: "GET", url: `/api/schools/${w.s1.id}/partners` }),
      );

    it("suggests high-result and resilient schools outside the programme, the same cluster first, each with its sentence", async () => {
      const body = await partnersOf();
      expect(body.isProgrammeSchool).toBe(true);
      expect(body.basis.runId).toBe(w.runId);
      expect(body.basis.notes.join(" ")).toContain("контекстной модели");
      expect(body.suggestions.length).toBeGreaterThan(0);
      const ids = body.suggestions.map((s) => s.school.id);
      expect(ids).not.toContain(w.s1.id);
      expect(ids).not.toContain(w.s2.id);
      expect(ids).not.toContain(w.s3.id);
      expect(ids).toContain(w.star.id);
      const star = body.suggestions.find((s) => s.school.id === w.star.id);
      expect(star?.distanceKm).toBeCloseTo(10, 0);
      expect(star?.sentence).toMatch(/кластер/);
      expect(star?.sentence).toMatch(/\d+(,\d)? км$/);
      // the same cluster first, then by distance
      const order = body.suggestions.map((s) => [s.isSameCluster ? 0 : 1, s.distanceKm ?? 1e9] as const);
      const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect(order).toEqual(sorted);
      for (const s of body.suggestions) {
        if (s.isSameCluster)
          expect(s.sentence).toContain(`тот же кластер социальных условий «${s.clusterName}»`);
      }
      expect(body.permissions.canWrite).toBe(true);
    });

    it("makes a draft agreement from a suggestion in one click, and no longer suggests that school", async () => {
      const before = await partnersOf();
      const first = before.suggestions[0]!;
      const draft = ok<AgreementItem>(
        "from suggestion",
        await w.clients.directorS1.request({
          method: "POST",
          url: `/api/schools/${w.s1.id}/partners/from-suggestion`,
          payload: { partnerSchoolId: first.school.id },
        }),
      );
      expect(draft.status).toBe("draft");
      expect(draft.partnerKind).toBe("school");
      expect(draft.partnerSchool?.id).toBe(first.school.id);
      expect(draft.note).toBe(first.sentence);
      const after = await partnersOf();
      expect(after.agreements.map((a) => a.id)).toContain(draft.id);
      expect(after.suggestions.map((s) => s.school.id)).not.toContain(first.school.id);
      const again = await w.clients.directorS1.request({
        method: "POST",
        url: `/api/schools/${w.s1.id}/partners/from-suggestion`,
        payload: { partnerSchoolId: w.s2.id },
      });
      expect(again.statusCode).toBe(400);
      expect(again.json().message).toBe("Этой школы нет среди предложенных партнёров");
    });

    it("records agreements with social partners, edits and deletes them, each write audited", async () => {
      const created = ok<AgreementItem>(
        "create",
        await w.clients.mocM1.request({
          method: "POST",
          url: `/api/schools/${w.s1.id}/partners`,
          payload: social,
        }),
      );
      expect(created.partnerName).toBe(social.partnerName);
      expect(created.status).toBe("signed");
      const edited = ok<AgreementItem>(
        "edit",
        await w.clients.directorS1.request({
          method: "PATCH",
          url: `/api/partner-agreements/${created.id}`,
          payload: { subject: "Семейное чтение", endsOn: null },
        }),
      );
      expect(edited.subject).toBe("Семейное чтение");
      expect(edited.endsOn).toBeNull();
      ok(
        "delete",
        await w.clients.adminA.request({ method: "DELETE", url: `/api/partner-agreements/${created.id}` }),
      );
      const actions = await w.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.entity, "partner_agreement"), eq(auditLog.entityId, String(created.id))));
      expect(actions.map((a) => a.action).sort()).toEqual(["create", "delete", "update"]);
    });

    it("refuses a bad agreement in Russian and writes nothing", async () => {
      const count = async () => (await w.db.select().from(partnerAgreements)).length;
      const before = await count();
      const cases = [
        [{ ...social, partnerName: "" }, "Введите название социального партнёра"],
        [{ ...social, partnerKind: "school" }, "Выберите школу-партнёра"],
        [
          { ...social, partnerKind: "school", partnerSchoolId: w.s3.id, partnerName: "" },
          "Школа-партнёр должна быть школой того же региона",
        ],
        [
          { ...social, partnerKind: "school", partnerSchoolId: w.s1.id },
          "Школа не может быть партнёром самой себе",
        ],
        [{ ...social, endsOn: "2025-01-01" }, "Дата окончания раньше даты начала"],
        [
          { ...social, documentUrl: "javascript:alert(1)" },
          "Ссылка должна начинаться с http:// или https://",
        ],
      ] as const;
      for (const [payload, message] of cases) {
        const res = await w.clients.directorS1.request({
          method: "POST",
          url: `/api/schools/${w.s1.id}/partners`,
          payload,
        });
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.body).toContain(message);
      }
      expect(await count()).toBe(before);
    });

    it("keeps partnerships to the actor's place: another municipality, another region and the federal operator write nothing", async () => {
      const url = `/api/schools/${w.s1.id}/partners`;
      expect((await w.clients.mocM2.request({ method: "POST", url, payload: social })).statusCode).toBe(404);
      expect((await w.clients.adminB.request({ method: "POST", url, payload: social })).statusCode).toBe(404);
      expect((await w.clients.federal.request({ method: "POST", url, payload: social })).statusCode).toBe(
        403,
      );
      expect((await w.clients.analystA.request({ method: "POST", url, payload: social })).statusCode).toBe(
        403,
      );
      expect((await w.clients.mocM2.request({ method: "GET", url })).statusCode).toBe(404);
      expect((await w.clients.mentorS1.request({ method: "GET", url })).statusCode).toBe(200);
    });

    it("keeps an uploaded agreement document and gives it back", async () => {
      const created = ok<AgreementItem>(
        "create",
        await w.clients.directorS1.request({
          method: "POST",
          url: `/api/schools/${w.s1.id}/partners`,
          payload: social,
        }),
      );
      const content = "%PDF-1.4 договор о сетевом взаимодействии";
      const uploaded = ok<AgreementItem>(
        "upload",
        await w.clients.directorS1.request({
          method: "PUT",
          url: `/api/partner-agreements/${created.id}/file`,
          ...multipart("Договор № 12.pdf", content),
        }),
      );
      expect(uploaded.file).toEqual({ name: "Договор № 12.pdf", bytes: Buffer.byteLength(content) });
      const file = await w.clients.mocM1.request({
        method: "GET",
        url: `/api/partner-agreements/${created.id}/file`,
      });
      expect(file.statusCode).toBe(200);
      expect(file.body).toBe(content);
      expect(file.headers["content-disposition"]).toContain(encodeURIComponent("Договор № 12.pdf"));
      const refused = await w.clients.mocM2.request({
        method: "GET",
        url: `/api/partner-agreements/${created.id}/file`,
      });
      expect(refused.statusCode).toBe(404);
      const bad = await w.clients.directorS1.request({
        method: "PUT",
        url: `/api/partner-agreements/${created.id}/file`,
        ...multipart("../etc/passwd", "x"),
      });
      expect(bad.statusCode).toBe(400);
    });

    it("sums up the region and a municipality: programme schools, those with partners, agreements by kind", async () => {
      const region = ok<PartnersOverview>(
        "overview",
        await w.clients.analystA.request({ method: "GET", url: "/api/partners/overview?today=2025-10-01" }),
      );
      const m1 = region.municipalities.find((m) => m.id === w.m1.id);
      expect(m1?.programmeSchools).toBe(1);
      expect(m1?.withSocialPartner).toBe(1);
      expect(region.municipalities.find((m) => m.id === w.m2.id)?.programmeSchools).toBe(1);
      expect(region.byKind.find((k) => k.kind === "library")?.agreements).toBeGreaterThan(0);
      expect(region.programmeSchools.map((p) => p.school.id).sort()).toEqual([w.s1.id, w.s2.id].sort());
      const moc = ok<PartnersOverview>(
        "moc overview",
        await w.clients.mocM2.request({ method: "GET", url: "/api/partners/overview" }),
      );
      expect(moc.municipalityId).toBe(w.m2.id);
      expect(moc.agreements).toEqual([]);
      expect(moc.municipalities.map((m) => m.id)).toEqual([w.m2.id]);
      const other = await w.clients.mocM2.request({
        method: "GET",
        url: `/api/partners/overview?municipalityId=${w.m1.id}`,
      });
      expect(other.statusCode).toBe(404);
      expect(
        (await w.clients.directorS1.request({ method: "GET", url: "/api/partners/overview" })).statusCode,
      ).toBe(403);
    });
  });
}
