import type { z } from "zod";
import { expandedTsQuery, queryWords } from "../../../core/materials";
import type {
  MaterialCreate,
  MaterialItem,
  MaterialList,
  MaterialPatch,
  materialQuerySchema,
} from "../../../shared/materials-api";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { can, requirePermission, resolveActorRegionId } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { toMaterialItem } from "./material-view";
import { type MaterialPlace, refuseMaterialWrite } from "./materials.policy";
import {
  deleteMaterialRow,
  findMaterialById,
  findMaterialTags,
  findMunicipalityRegion,
  findSchoolPlace,
  findWordStems,
  insertMaterials,
  type MaterialRow,
  searchMaterials,
  updateMaterialRow,
} from "./materials.repo";
import type { DocumentStore } from "./stored-files";

function invalid(path: string, message: string): never {
  throw new AppError("invalid_input", message, [{ path, message }]);
}

function refusal(actor: Actor, place: MaterialPlace): void {
  const refused = refuseMaterialWrite(actor, place);
  if (refused === "forbidden") throw new AppError("forbidden", "Недостаточно прав для этого действия");
  if (refused === "not_found") throw notFound("Материал");
}

/**
 * The bank of the region, searched: the words in Russian (PostgreSQL's `russian` text search with the
 * derivational expansion of core/materials, so «наставничество» finds «наставника»), ranked with
 * ts_rank, each with a headline; filtered by kind, level and tag. Everyone of the region reads it.
 */
export async function listMaterials({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof materialQuerySchema>;
}): Promise<MaterialList> {
  requirePermission(actor, "school.read");
  const regionId = resolveActorRegionId(actor, query.regionId);
  const q = query.q?.trim() ?? "";
  let expanded: string | null = null;
  if (q !== "") {
    const { words, hasOperators } = queryWords(q);
    if (!hasOperators && words.length > 0) expanded = expandedTsQuery(await findWordStems(db, words));
  }
  const [found, tags] = await Promise.all([
    searchMaterials(db, {
      regionId,
      kind: query.kind,
      level: query.level,
      tag: query.tag?.toLowerCase(),
      q: q === "" ? undefined : q,
      expanded,
      limit: query.limit,
    }),
    findMaterialTags(db, regionId),
  ]);
  return {
    items: found.rows.map((row) => toMaterialItem(row, actor)),
    total: found.total,
    tags,
    permissions: { canWrite: can(actor, "materials.write") },
  };
}

/** A material of the actor's region (404 otherwise). */
export async function requireMaterial(db: Db, actor: Actor, id: number): Promise<MaterialRow> {
  requirePermission(actor, "school.read");
  const row = await findMaterialById(db, id);
  if (!row) throw notFound("Материал");
  const regionId = resolveActorRegionId(actor, actor.regionId === null ? row.regionId : undefined);
  if (row.regionId !== regionId) throw notFound("Материал");
  return row;
}

/** One material, for everyone of its region. */
export async function getMaterial({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<MaterialItem> {
  return toMaterialItem(await requireMaterial(db, actor, id), actor);
}

type Placed = { level: MaterialCreate["level"]; municipalityId: number | null; schoolId: number | null };

/**
 * The place of a material from its level: none for a federal or regional one; a municipality (a
 * МОЦ's own by default) for a municipal one; a school, whose municipality it takes, for a school one.
 * Both must be of the region.
 */
async function placeOf(db: Db, actor: Actor, regionId: number, input: Placed): Promise<Placed> {
  if (input.level === "federal" || input.level === "regional") {
    return { level: input.level, municipalityId: null, schoolId: null };
  }
  if (input.level === "school") {
    if (input.schoolId === null) invalid("schoolId", "Выберите школу, чей это материал");
    const school = await findSchoolPlace(db, input.schoolId);
    if (!school || school.regionId !== regionId) invalid("schoolId", "Нет такой школы в регионе");
    return { level: "school", municipalityId: school.municipalityId, schoolId: input.schoolId };
  }
  const municipalityId =
    input.municipalityId ?? (actor.role === "moc_coordinator" ? actor.municipalityId : null);
  if (municipalityId === null) invalid("municipalityId", "Выберите муниципалитет, чей это материал");
  if ((await findMunicipalityRegion(db, municipalityId)) !== regionId) {
    invalid("municipalityId", "Нет такого муниципалитета в регионе");
  }
  return { level: "municipal", municipalityId, schoolId: null };
}

/** The audited fields of a material. */
function auditView(row: Partial<MaterialRow>) {
  const { title, kind, level, municipalityId, schoolId, description, author, tags, url, fileName } = row;
  return { title, kind, level, municipalityId, schoolId, description, author, tags, url, fileName };
}

/** Adds a material to the bank (`materials.write`; a МОЦ only municipal and school ones of its municipality). */
export async function createMaterial({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: MaterialCreate;
}): Promise<MaterialItem> {
  requirePermission(actor, "materials.write");
  const regionId = resolveActorRegionId(actor, input.regionId);
  const place = await placeOf(db, actor, regionId, {
    level: input.level,
    municipalityId: input.municipalityId ?? null,
    schoolId: input.schoolId ?? null,
  });
  refusal(actor, { regionId, ...place });
  const { regionId: _regionId, ...fields } = input;
  const id = await db.transaction(async (tx) => {
    const [newId] = await insertMaterials(tx, [
      {
        ...fields,
        ...place,
        regionId,
        tagsText: input.tags.join(" "),
        createdBy: actor.userId || null,
        updatedBy: actor.userId || null,
        updatedByName: actor.fullName,
      },
    ]);
    if (newId === undefined) throw new Error("material not inserted");
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "material",
      entityId: newId,
      after: auditView({ ...fields, ...place }),
      regionId,
    });
    return newId;
  });
  return getMaterial({ db, actor, id });
}

/** Changes a material (`materials.write`, within the writer's reach before and after). */
export async function updateMaterial({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: MaterialPatch;
}): Promise<MaterialItem> {
  requirePermission(actor, "materials.write");
  const before = await requireMaterial(db, actor, id);
  refusal(actor, before);
  const place = await placeOf(db, actor, before.regionId, {
    level: input.level ?? before.level,
    municipalityId: input.municipalityId === undefined ? before.municipalityId : input.municipalityId,
    schoolId: input.schoolId === undefined ? before.schoolId : input.schoolId,
  });
  refusal(actor, { regionId: before.regionId, ...place });
  const tags = input.tags ?? before.tags;
  const values = {
    title: input.title ?? before.title,
    kind: input.kind ?? before.kind,
    description: input.description ?? before.description,
    author: input.author ?? before.author,
    url: input.url ?? before.url,
    tags,
    tagsText: tags.join(" "),
    ...place,
  };
  await db.transaction(async (tx) => {
    await updateMaterialRow(tx, id, {
      ...values,
      updatedBy: actor.userId || null,
      updatedByName: actor.fullName,
    });
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "material",
      entityId: id,
      before: auditView(before),
      after: auditView(values),
      regionId: before.regionId,
    });
  });
  return getMaterial({ db, actor, id });
}

/** Deletes a material, its links and its file (`materials.write`, within the writer's reach). */
export async function deleteMaterial({
  db,
  actor,
  store,
  id,
}: {
  db: Db;
  actor: Actor;
  store: DocumentStore;
  id: number;
}): Promise<{ id: number }> {
  requirePermission(actor, "materials.write");
  const before = await requireMaterial(db, actor, id);
  refusal(actor, before);
  await db.transaction(async (tx) => {
    await deleteMaterialRow(tx, id);
    await recordAudit(tx, {
      actor,
      action: "delete",
      entity: "material",
      entityId: id,
      before: auditView(before),
      regionId: before.regionId,
    });
  });
  await store.remove(before.regionId, before.fileKey);
  return { id };
}
