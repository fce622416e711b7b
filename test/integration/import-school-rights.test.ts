import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import type { Client } from "../support/http";
import { uploadAndRun } from "./import-http";
import { dumpImportState } from "./import-support";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const HEADER = "Код ОО;Наименование;Муниципалитет;Обучающихся";

type SchoolCard = { code: string; fullName: string; municipalityId: number; students: number };

describe.each(testEngines())(
  "the school registry import checks the rights of PATCH /api/schools ($kind)",
  (engine) => {
    let database: Database;
    let world: World;
    let c: Clients;

    /** A school as the admin reads it through the API. */
    async function card(id: number): Promise<SchoolCard> {
      const res = await c.adminA.request({ method: "GET", url: `/api/schools/${id}` });
      expect(res.statusCode).toBe(200);
      const { code, fullName, municipalityId, students } = res.json();
      return { code, fullName, municipalityId, students };
    }

    /** A registry line of a school: code; name; municipality code; students. */
    function line(school: SchoolCard, municipalityCode: string): string {
      return `${school.code};${school.fullName};${municipalityCode};${school.students}`;
    }

    /** Runs a registry file for real as the client; expects it refused with nothing changed. */
    async function refused(client: Client, content: string) {
      const before = await dumpImportState(database.db);
      const cards = await Promise.all([world.s1.id, world.s1b.id, world.s2.id].map(card));
      const { job } = await uploadAndRun(client, {
        fileName: "reestr.csv",
        content,
        kind: "schools",
        dryRun: false,
      });
      expect(job.status).toBe("failed");
      expect(job.result).toMatchObject({ created: 0, updated: 0, unchanged: 0 });
      expect(await dumpImportState(database.db)).toBe(before);
      expect(await Promise.all([world.s1.id, world.s1b.id, world.s2.id].map(card))).toEqual(cards);
      return job.result.errors as { row: number; column: string; message: string }[];
    }

    beforeAll(async () => {
      database = await engine.open();
      world = await buildWorld(database);
      c = await signInAll(world.app, world);
    });
    afterAll(async () => {
      await world.app.close();
      await database.close();
    });

    it("the region analyst, refused by PATCH, changes, moves or creates no school through the import", async () => {
      const patch = await c.analystA.request({
        method: "PATCH",
        url: `/api/schools/${world.s1.id}`,
        payload: { fullName: "Переименована аналитиком", students: 999 },
      });
      expect(patch.statusCode).toBe(403);
      const s1 = await card(world.s1.id);
      const s1b = await card(world.s1b.id);
      const errors = await refused(
        c.analystA,
        [
          HEADER,
          line({ ...s1, fullName: "Переименована аналитиком", students: 999 }, world.m1.code),
          line(s1b, world.m2.code),
          line(s1b, world.m1.code).replace(s1b.code, "NEW-A"),
          line(await card(world.s2.id), world.m2.code),
        ].join("\n"),
      );
      expect(errors).toEqual([
        {
          row: 2,
          column: "Код ОО",
          message: `школа «${s1.code}» изменилась бы (полное наименование, обучающихся), а изменять школы вам нельзя`,
        },
        {
          row: 3,
          column: "Код ОО",
          message: `школа «${s1b.code}» изменилась бы (муниципалитет), а изменять школы вам нельзя`,
        },
        {
          row: 4,
          column: "Код ОО",
          message: "школы с кодом «NEW-A» нет в вашей области, а создавать школы вам нельзя",
        },
      ]);
    });

    it("the analyst's registry that changes nothing passes (no right is needed to change nothing)", async () => {
      const s1 = await card(world.s1.id);
      const s2 = await card(world.s2.id);
      const content = [HEADER, line(s1, world.m1.code), line(s2, world.m2.code)].join("\n");
      const before = await dumpImportState(database.db);
      const { job } = await uploadAndRun(c.analystA, {
        fileName: "same.csv",
        content,
        kind: "schools",
        dryRun: true,
      });
      expect(job).toMatchObject({
        status: "done",
        result: { rows: 2, created: 0, updated: 0, unchanged: 2 },
      });
      expect(await dumpImportState(database.db)).toBe(before);
    });

    it("a МОЦ of another municipality changes no school of M1 and moves none of its own", async () => {
      const s1 = await card(world.s1.id);
      const s2 = await card(world.s2.id);
      const patch = await c.mocM2.request({
        method: "PATCH",
        url: `/api/schools/${world.s1.id}`,
        payload: { fullName: "Чужая школа" },
      });
      expect(patch.statusCode).toBe(404);
      const move = await c.mocM2.request({
        method: "PATCH",
        url: `/api/schools/${world.s2.id}`,
        payload: { municipalityId: world.m1.id },
      });
      expect(move.statusCode).toBe(403);
      const errors = await refused(
        c.mocM2,
        [
          HEADER,
          line({ ...s1, fullName: "Чужая школа" }, world.m1.code),
          line({ ...s2, fullName: "Своя школа, перенесена" }, world.m1.code),
          line(s2, world.m2.code).replace(s2.code, "NEW-M"),
        ].join("\n"),
      );
      expect(errors).toEqual([
        {
          row: 2,
          column: "Код ОО",
          message: `школы с кодом «${s1.code}» нет в вашей области, а создавать школы вам нельзя`,
        },
        {
          row: 3,
          column: "Муниципалитет",
          message: `школа «${s2.code}» перешла бы в муниципалитет «${world.m1.code}», а переносить школы между муниципалитетами вам нельзя`,
        },
        {
          row: 4,
          column: "Код ОО",
          message: "школы с кодом «NEW-M» нет в вашей области, а создавать школы вам нельзя",
        },
      ]);
    });

    it("a МОЦ renames a school of its own municipality, as PATCH lets it", async () => {
      const s2 = await card(world.s2.id);
      const content = [HEADER, line({ ...s2, fullName: "Своя школа, переименована" }, world.m2.code)].join(
        "\n",
      );
      const { job } = await uploadAndRun(c.mocM2, {
        fileName: "own.csv",
        content,
        kind: "schools",
        dryRun: false,
      });
      expect(job).toMatchObject({ status: "done", result: { updated: 1, created: 0 } });
      expect(await card(world.s2.id)).toEqual({ ...s2, fullName: "Своя школа, переименована" });
    });

    it("the region admin renames, moves and creates schools", async () => {
      const s1 = await card(world.s1.id);
      const content = [
        HEADER,
        line({ ...s1, fullName: "Переименована администратором", students: 321 }, world.m2.code),
        `NEW-1;Новая школа;${world.m1.code};50`,
      ].join("\n");
      const { job } = await uploadAndRun(c.adminA, {
        fileName: "admin.csv",
        content,
        kind: "schools",
        dryRun: false,
      });
      expect(job).toMatchObject({ status: "done", result: { rows: 2, created: 1, updated: 1 } });
      expect(await card(world.s1.id)).toEqual({
        ...s1,
        fullName: "Переименована администратором",
        students: 321,
        municipalityId: world.m2.id,
      });
      const created = await c.adminA.request({
        method: "GET",
        url: "/api/schools?q=NEW-1&limit=10&offset=0",
      });
      expect(created.json().items).toMatchObject([
        { code: "NEW-1", municipalityId: world.m1.id, students: 50 },
      ]);
    });
  },
);
