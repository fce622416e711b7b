import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, courses, materials, measures } from "../../src/server/db/schema";
import type { Database } from "../../src/server/platform/db";
import type { MaterialItem, MaterialLinkList, MaterialList } from "../../src/shared/materials-api";
import { testEngines } from "../support/db";
import { multipart, ok } from "./partners-support";
import { seedPlanCatalogue } from "./plans-support";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const mentoring = {
  title: "Работа наставника с молодым педагогом",
  kind: "recommendations",
  level: "regional",
  description: "Как организовать встречи наставника и молодого учителя, план на первый год.",
  author: "ГАУ ДПО СОИРО",
  tags: ["Наставничество", "молодые педагоги"],
};
const lesson = {
  title: "Открытый урок математики в 9 классе",
  kind: "lesson_scenario",
  level: "municipal",
  description: "Сценарий урока по подготовке к ОГЭ: функции и графики.",
  author: "Иванова Мария Петровна",
  tags: ["математика", "огэ"],
};
const video = {
  title: "Вебинар: формирующее оценивание",
  kind: "video",
  level: "federal",
  description: "Запись вебинара о приёмах формирующего оценивания на уроке.",
  url: "https://example.org/webinar",
  tags: ["оценивание"],
};

for (const engine of testEngines()) {
  describe(`the materials bank (${engine.kind})`, () => {
    let database: Database;
    let w: World & { clients: Clients };
    const ids = { mentoring: 0, lesson: 0, video: 0, titleOnly: 0 };
    beforeAll(async () => {
      database = await engine.open();
      const world = await buildWorld(database);
      w = { ...world, clients: await signInAll(world.app, world) };
      const add = async (client: keyof Clients, payload: object) =>
        ok<MaterialItem>(
          "create",
          await w.clients[client].request({ method: "POST", url: "/api/materials", payload }),
        );
      ids.mentoring = (await add("analystA", mentoring)).id;
      ids.lesson = (await add("mocM1", lesson)).id;
      ids.video = (await add("adminA", video)).id;
      ids.titleOnly = (
        await add("adminA", { ...mentoring, title: "Наставничество в школе", description: "", tags: [] })
      ).id;
    });
    afterAll(async () => {
      await w.app.close();
      await database.close();
    });

    const search = async (query: string, client: keyof Clients = "directorS1") =>
      ok<MaterialList>(
        "search",
        await w.clients[client].request({ method: "GET", url: `/api/materials?${query}` }),
      );

    it("finds «наставника» by «наставничество», with a headline and by rank (the title first)", async () => {
      const found = await search(`q=${encodeURIComponent("наставничество")}`);
      const foundIds = found.items.map((item) => item.id);
      expect(foundIds).toContain(ids.mentoring);
      expect(foundIds).toContain(ids.titleOnly);
      expect(foundIds).not.toContain(ids.lesson);
      const item = found.items.find((i) => i.id === ids.mentoring);
      expect(item?.headline).toContain("<b>наставника</b>");
      expect(item?.rank).toBeGreaterThan(0);
      const ranks = found.items.map((i) => i.rank ?? 0);
      expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    });

    it("stems Russian words: «уроки математики» finds «урок математики»; websearch operators keep their meaning", async () => {
      expect((await search(`q=${encodeURIComponent("уроки математики")}`)).items.map((i) => i.id)).toEqual([
        ids.lesson,
      ]);
      const without = await search(`q=${encodeURIComponent("вебинар -оценивание")}`);
      expect(without.items).toEqual([]);
      const phrase = await search(`q=${encodeURIComponent('"формирующего оценивания"')}`);
      expect(phrase.items.map((i) => i.id)).toEqual([ids.video]);
    });

    it("filters by kind, level and tag, and lists the tags in use", async () => {
      expect((await search("kind=video")).items.map((i) => i.id)).toEqual([ids.video]);
      expect((await search("level=municipal")).items.map((i) => i.id)).toEqual([ids.lesson]);
      expect((await search(`tag=${encodeURIComponent("наставничество")}`)).items.map((i) => i.id)).toEqual([
        ids.mentoring,
      ]);
      const all = await search("");
      expect(all.total).toBe(4);
      expect(all.tags).toContainEqual({ tag: "наставничество", count: 1 });
      const municipal = all.items.find((i) => i.id === ids.lesson);
      expect(municipal?.municipalityId).toBe(w.m1.id);
    });

    it("keeps the bank to its region", async () => {
      expect((await search("", "adminB")).items).toEqual([]);
      expect(
        (await w.clients.adminB.request({ method: "GET", url: `/api/materials/${ids.lesson}` })).statusCode,
      ).toBe(404);
    });

    it("lets a МОЦ write only its municipality's materials, a school and the federal operator none", async () => {
      const regional = await w.clients.mocM1.request({
        method: "POST",
        url: "/api/materials",
        payload: mentoring,
      });
      expect(regional.statusCode).toBe(403);
      const edit = (client: keyof Clients) =>
        w.clients[client].request({
          method: "PATCH",
          url: `/api/materials/${ids.lesson}`,
          payload: { title: "Другое" },
        });
      expect((await edit("mocM2")).statusCode).toBe(404);
      expect((await edit("directorS1")).statusCode).toBe(403);
      expect((await edit("federal")).statusCode).toBe(403);
      expect((await edit("adminB")).statusCode).toBe(404);
      const [row] = await w.db
        .select({ title: materials.title })
        .from(materials)
        .where(eq(materials.id, ids.lesson));
      expect(row?.title).toBe(lesson.title);
      const own = ok<MaterialItem>("edit", await edit("mocM1"));
      expect(own.title).toBe("Другое");
      expect(own.canEdit).toBe(true);
      const bad = await w.clients.adminA.request({
        method: "POST",
        url: "/api/materials",
        payload: { ...lesson, municipalityId: w.m3.id },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toBe("Нет такого муниципалитета в регионе");
    });

    it("keeps a material's file under the data directory and gives it back as an attachment", async () => {
      const uploaded = ok<MaterialItem>(
        "upload",
        await w.clients.analystA.request({
          method: "PUT",
          url: `/api/materials/${ids.mentoring}/file`,
          ...multipart("Рекомендации.pdf", "%PDF-1.4 рекомендации"),
        }),
      );
      expect(uploaded.file).toMatchObject({ name: "Рекомендации.pdf", type: "application/pdf" });
      const file = await w.clients.mentorS1.request({
        method: "GET",
        url: `/api/materials/${ids.mentoring}/file`,
      });
      expect(file.statusCode).toBe(200);
      expect(file.body).toBe("%PDF-1.4 рекомендации");
      expect(file.headers["content-disposition"]).toMatch(/^attachment;/);
      const html = ok<MaterialItem>(
        "upload html",
        await w.clients.adminA.request({
          method: "PUT",
          url: `/api/materials/${ids.video}/file`,
          ...multipart("page.html", "<script>alert(1)</script>", "text/html"),
        }),
      );
      expect(html.file?.name).toBe("page.html");
      const served = await w.clients.directorS1.request({
        method: "GET",
        url: `/api/materials/${ids.video}/file`,
      });
      expect(served.headers["content-type"]).toBe("application/octet-stream");
      const refused = await w.clients.mocM2.request({
        method: "PUT",
        url: `/api/materials/${ids.lesson}/file`,
        ...multipart("x.pdf", "x"),
      });
      expect(refused.statusCode).toBe(404);
    });

    it("links materials from a measure and a course, and shows them there", async () => {
      await seedPlanCatalogue(w.db, w.regionA.id);
      const [measure] = await w.db
        .select({ id: measures.id })
        .from(measures)
        .where(eq(measures.regionId, w.regionA.id))
        .limit(1);
      const [course] = await w.db
        .insert(courses)
        .values({ regionId: w.regionA.id, title: "Наставничество в образовательной организации", hours: 36 })
        .returning({ id: courses.id });
      if (!measure || !course) throw new Error("no measure or course");
      const link = ok<{ linkId: number }>(
        "link",
        await w.clients.mocM1.request({
          method: "POST",
          url: "/api/material-links",
          payload: { materialId: ids.mentoring, entity: "measure", entityId: measure.id },
        }),
      );
      ok(
        "link course",
        await w.clients.analystA.request({
          method: "POST",
          url: "/api/material-links",
          payload: { materialId: ids.mentoring, entity: "course", entityId: course.id },
        }),
      );
      const twice = await w.clients.mocM1.request({
        method: "POST",
        url: "/api/material-links",
        payload: { materialId: ids.mentoring, entity: "measure", entityId: measure.id },
      });
      expect(twice.statusCode).toBe(409);
      const linked = ok<MaterialLinkList>(
        "linked",
        await w.clients.directorS1.request({
          method: "GET",
          url: `/api/material-links?entity=measure&entityId=${measure.id}`,
        }),
      );
      expect(linked.items.map((i) => i.material.id)).toEqual([ids.mentoring]);
      expect(linked.permissions.canLink).toBe(false);
      expect(
        (await search(`q=${encodeURIComponent("наставник")}`)).items.find((i) => i.id === ids.mentoring)
          ?.links,
      ).toBe(2);
      const other = await w.clients.adminB.request({
        method: "GET",
        url: `/api/material-links?entity=measure&entityId=${measure.id}`,
      });
      expect(other.statusCode).toBe(404);
      const otherLink = await w.clients.adminB.request({
        method: "DELETE",
        url: `/api/material-links/${link.linkId}`,
      });
      expect(otherLink.statusCode).toBe(404);
      ok(
        "unlink",
        await w.clients.mocM1.request({ method: "DELETE", url: `/api/material-links/${link.linkId}` }),
      );
      const after = ok<MaterialLinkList>(
        "after",
        await w.clients.directorS1.request({
          method: "GET",
          url: `/api/material-links?entity=measure&entityId=${measure.id}`,
        }),
      );
      expect(after.items).toEqual([]);
    });

    it("deletes a material with its links and file, audited", async () => {
      ok(
        "delete",
        await w.clients.analystA.request({ method: "DELETE", url: `/api/materials/${ids.mentoring}` }),
      );
      expect(
        (await w.clients.analystA.request({ method: "GET", url: `/api/materials/${ids.mentoring}` }))
          .statusCode,
      ).toBe(404);
      const entries = await w.db
        .select({ action: auditLog.action, entity: auditLog.entity })
        .from(auditLog)
        .where(eq(auditLog.entityId, String(ids.mentoring)));
      expect(entries.filter((e) => e.entity === "material").map((e) => e.action)).toEqual(
        expect.arrayContaining(["create", "update", "delete"]),
      );
    });
  });
}
