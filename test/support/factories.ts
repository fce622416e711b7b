import { hashPassword } from "../../src/server/modules/auth/password";
import { insertMunicipalities, insertRegion } from "../../src/server/modules/demo/demo.repo";
import { ensureMoc } from "../../src/server/modules/hierarchy/hierarchy.repo";
import { insertSchool } from "../../src/server/modules/hierarchy/school.repo";
import { insertUser, replaceAssignments } from "../../src/server/modules/users/user.repo";
import type { Db } from "../../src/server/platform/db";
import type { Role } from "../../src/shared/roles";

let seq = 0;
const next = () => ++seq;

/** Creates a region. */
export async function buildRegion(db: Db, over: { code?: string; name?: string; isDemo?: boolean } = {}) {
  const n = next();
  const code = over.code ?? `R${n}`;
  const isDemo = over.isDemo ?? false;
  return { id: await insertRegion(db, { code, name: over.name ?? `Регион ${n}`, isDemo }), code };
}

/** Creates a municipality, and a region for it when none is given. */
export async function buildMunicipality(db: Db, over: { regionId?: number; name?: string } = {}) {
  const regionId = over.regionId ?? (await buildRegion(db)).id;
  const n = next();
  const code = `M${n}`;
  const ids = await insertMunicipalities(db, [
    { regionId, code, name: over.name ?? `Муниципалитет ${n}`, kind: "district" },
  ]);
  const id = ids.get(code);
  if (id === undefined) throw new Error("municipality not created");
  await ensureMoc(db, id, `МОЦ ${n}`);
  return { id, regionId, code };
}

/** Creates a school, and a municipality (and region) for it when none is given. */
export async function buildSchool(
  db: Db,
  over: { municipalityId?: number; regionId?: number; code?: string; isRural?: boolean } = {},
) {
  const m = over.municipalityId
    ? { id: over.municipalityId, regionId: over.regionId ?? 0 }
    : await buildMunicipality(db, { regionId: over.regionId });
  if (!m.regionId) throw new Error("buildSchool: give regionId with municipalityId");
  const n = next();
  const code = over.code ?? `S${n}`;
  const id = await insertSchool(db, {
    regionId: m.regionId,
    municipalityId: m.id,
    code,
    fullName: `МБОУ «Средняя школа № ${n}»`,
    shortName: `СШ № ${n}`,
    kind: "СОШ",
    isRural: over.isRural ?? false,
    isSmall: false,
    students: 300,
    teachers: 25,
  });
  return { id, municipalityId: m.id, regionId: m.regionId, code };
}

/** The password every factory-built user has. */
export const TEST_PASSWORD = "test-password-1";

/** Creates a user of a role with the given place; returns its login. */
export async function buildUser(
  db: Db,
  over: {
    role: Role;
    regionId?: number | null;
    municipalityId?: number | null;
    schoolId?: number | null;
    assignedSchoolIds?: number[];
    /** an account of the demo region */
    isDemo?: boolean;
  },
) {
  const login = `${over.role}.${next()}`;
  const id = await insertUser(db, {
    login,
    passwordHash: await hashPassword(TEST_PASSWORD),
    fullName: `Тестовый ${over.role}`,
    role: over.role,
    regionId: over.regionId ?? null,
    municipalityId: over.municipalityId ?? null,
    schoolId: over.schoolId ?? null,
    isDemo: over.isDemo ?? false,
  });
  if (over.assignedSchoolIds) await replaceAssignments(db, id, over.assignedSchoolIds);
  return { id, login };
}
