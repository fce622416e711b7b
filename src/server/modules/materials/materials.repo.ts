import { and, asc, count, desc, eq, getTableColumns, sql } from "drizzle-orm";
import type { MaterialKind, MaterialLevel, MaterialLinkEntity } from "../../../core/materials";
import {
  courses,
  materialLinks,
  materials,
  measures,
  municipalities,
  partnerAgreements,
  plans,
  schools,
} from "../../db/schema";
import type { Db } from "../../platform/db";

/** A material as stored (without its search vector), with its municipality and school named and its link count. */
export type MaterialRow = Omit<typeof materials.$inferSelect, "search"> & {
  municipalityName: string | null;
  schoolName: string | null;
  links: number;
  headline: string | null;
  rank: number | null;
};

/** Marks ts_headline puts around a match; the service turns them into «<b>…</b>». */
export const HEADLINE_START = "⟦";
export const HEADLINE_STOP = "⟧";

const linkCount = sql<number>`(select count(*)::int from ${materialLinks} where ${materialLinks.materialId} = ${materials.id})`;

const { search: _search, ...materialColumns } = getTableColumns(materials);

function baseColumns() {
  return {
    ...materialColumns,
    municipalityName: municipalities.name,
    schoolName: schools.shortName,
    links: linkCount,
  };
}

/** The filters of a search of the bank. */
export type MaterialFilter = {
  regionId: number;
  kind?: MaterialKind;
  level?: MaterialLevel;
  tag?: string;
  /** The user's words, for websearch_to_tsquery('russian', …). */
  q?: string;
  /** The expanded query for to_tsquery('simple', …) (see core/materials/search-query), or null. */
  expanded?: string | null;
  limit: number;
};

/** The stems PostgreSQL's Russian configuration gives each word (empty for a stop word), in order. */
export async function findWordStems(db: Db, words: readonly string[]): Promise<string[][]> {
  const out: string[][] = [];
  for (const word of words) {
    const result = await db.execute(sql`select tsvector_to_array(to_tsvector('russian', ${word})) as stems`);
    const rows = (Array.isArray(result) ? result : (result as { rows: { stems: string[] }[] }).rows) as {
      stems: string[] | string;
    }[];
    const stems = rows[0]?.stems ?? [];
    out.push(Array.isArray(stems) ? stems : []);
  }
  return out;
}

/**
 * Materials of a region matching the filters: with words, those whose search vector matches the
 * websearch query or the expanded one, by ts_rank with a headline of the title and description;
 * without, the newest first. Also the total number matching.
 */
export async function searchMaterials(
  db: Db,
  f: MaterialFilter,
): Promise<{ rows: MaterialRow[]; total: number }> {
  const hasWords = f.q !== undefined && f.q !== "";
  const web = sql`websearch_to_tsquery('russian', ${f.q ?? ""})`;
  const query = f.expanded ? sql`(${web} || to_tsquery('simple', ${f.expanded}))` : web;
  const where = and(
    eq(materials.regionId, f.regionId),
    f.kind ? eq(materials.kind, f.kind) : undefined,
    f.level ? eq(materials.level, f.level) : undefined,
    f.tag ? sql`${f.tag} = any(${materials.tags})` : undefined,
    hasWords ? sql`${materials.search} @@ ${query}` : undefined,
  );
  const rank = hasWords ? sql<number>`ts_rank(${materials.search}, ${query})` : sql<null>`null::real`;
  const options = `MaxFragments=2, MaxWords=30, MinWords=10, FragmentDelimiter= … , StartSel=${HEADLINE_START}, StopSel=${HEADLINE_STOP}`;
  const headline = hasWords
    ? sql<string>`ts_headline('russian', ${materials.title} || '. ' || ${materials.description}, ${query}, ${options})`
    : sql<null>`null::text`;
  const rows = await db
    .select({ ...baseColumns(), headline, rank })
    .from(materials)
    .leftJoin(municipalities, eq(municipalities.id, materials.municipalityId))
    .leftJoin(schools, eq(schools.id, materials.schoolId))
    .where(where)
    .orderBy(
      ...(hasWords ? [desc(rank), asc(materials.id)] : [desc(materials.updatedAt), desc(materials.id)]),
    )
    .limit(f.limit);
  const [total] = await db.select({ n: count() }).from(materials).where(where);
  return {
    rows: rows.map((row) => ({ ...row, rank: row.rank === null ? null : Number(row.rank) })),
    total: total?.n ?? 0,
  };
}

/** The tags of a region's materials with how many use each, most used first. */
export async function findMaterialTags(db: Db, regionId: number): Promise<{ tag: string; count: number }[]> {
  const tag = sql<string>`unnest(${materials.tags})`;
  const rows = await db
    .select({ tag, n: count() })
    .from(materials)
    .where(eq(materials.regionId, regionId))
    .groupBy(tag)
    .orderBy(desc(count()), asc(tag))
    .limit(60);
  return rows.map((row) => ({ tag: row.tag, count: Number(row.n) }));
}

/** One material by id (whatever its region: the service checks), or undefined. */
export async function findMaterialById(db: Db, id: number): Promise<MaterialRow | undefined> {
  const [row] = await db
    .select({ ...baseColumns(), headline: sql<null>`null::text`, rank: sql<null>`null::real` })
    .from(materials)
    .leftJoin(municipalities, eq(municipalities.id, materials.municipalityId))
    .leftJoin(schools, eq(schools.id, materials.schoolId))
    .where(eq(materials.id, id));
  return row;
}

/** Stores materials; returns their ids in order. */
export async function insertMaterials(db: Db, values: (typeof materials.$inferInsert)[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < values.length; i += 500) {
    const rows = await db
      .insert(materials)
      .values(values.slice(i, i + 500))
      .returning({ id: materials.id });
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}

/** Changes a material. */
export async function updateMaterialRow(
  db: Db,
  id: number,
  values: Partial<typeof materials.$inferInsert>,
): Promise<void> {
  await db
    .update(materials)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(materials.id, id));
}

/** Deletes a material (its links go with it). */
export async function deleteMaterialRow(db: Db, id: number): Promise<void> {
  await db.delete(materials).where(eq(materials.id, id));
}

/** Total size of a region's stored material files, in bytes. */
export async function findMaterialFileBytes(db: Db, regionId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<string>`coalesce(sum(${materials.fileBytes}), 0)` })
    .from(materials)
    .where(eq(materials.regionId, regionId));
  return Number(row?.n ?? 0);
}

/** Total size of every stored document of a region (materials and agreements), in bytes. */
export async function findRegionDocumentBytes(db: Db, regionId: number): Promise<number> {
  const [agreementBytes] = await db
    .select({ n: sql<string>`coalesce(sum(${partnerAgreements.fileBytes}), 0)` })
    .from(partnerAgreements)
    .where(eq(partnerAgreements.regionId, regionId));
  return (await findMaterialFileBytes(db, regionId)) + Number(agreementBytes?.n ?? 0);
}

/** The materials linked from one thing, with each link's id, oldest link first. */
export async function findLinkedMaterials(
  db: Db,
  opts: { entity: MaterialLinkEntity; entityId: number; regionId: number },
): Promise<{ linkId: number; row: MaterialRow }[]> {
  const rows = await db
    .select({
      linkId: materialLinks.id,
      ...baseColumns(),
      headline: sql<null>`null::text`,
      rank: sql<null>`null::real`,
    })
    .from(materialLinks)
    .innerJoin(materials, eq(materials.id, materialLinks.materialId))
    .leftJoin(municipalities, eq(municipalities.id, materials.municipalityId))
    .leftJoin(schools, eq(schools.id, materials.schoolId))
    .where(
      and(
        eq(materialLinks.entity, opts.entity),
        eq(materialLinks.entityId, opts.entityId),
        eq(materials.regionId, opts.regionId),
      ),
    )
    .orderBy(asc(materialLinks.id));
  return rows.map(({ linkId, ...row }) => ({ linkId, row }));
}

/** Links a material; returns the link's id, or undefined when it was linked already. */
export async function insertLink(
  db: Db,
  values: typeof materialLinks.$inferInsert,
): Promise<number | undefined> {
  const [row] = await db
    .insert(materialLinks)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: materialLinks.id });
  return row?.id;
}

/** Stores many links at once (the demo); a link that exists is skipped. */
export async function insertLinks(db: Db, values: (typeof materialLinks.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < values.length; i += 500) {
    await db
      .insert(materialLinks)
      .values(values.slice(i, i + 500))
      .onConflictDoNothing();
  }
}

/** One link with its material's region, or undefined. */
export async function findLinkById(db: Db, id: number) {
  const [row] = await db
    .select({ link: materialLinks, regionId: materials.regionId })
    .from(materialLinks)
    .innerJoin(materials, eq(materials.id, materialLinks.materialId))
    .where(eq(materialLinks.id, id));
  return row ? { ...row.link, regionId: row.regionId } : undefined;
}

/** Deletes a link. */
export async function deleteLinkRow(db: Db, id: number): Promise<void> {
  await db.delete(materialLinks).where(eq(materialLinks.id, id));
}

/** Where a measure, course or plan belongs: its region, and for a plan its school and municipality. */
export async function findLinkTarget(
  db: Db,
  entity: MaterialLinkEntity,
  id: number,
): Promise<{ regionId: number; schoolId: number | null; municipalityId: number | null } | undefined> {
  const one = async (
    rows: Promise<{ regionId: number; schoolId: number | null; municipalityId: number | null }[]>,
  ) => (await rows)[0];
  const none = sql<null>`null::int`;
  switch (entity) {
    case "measure":
      return one(
        db
          .select({ regionId: measures.regionId, schoolId: none, municipalityId: none })
          .from(measures)
          .where(eq(measures.id, id)),
      );
    case "course":
      return one(
        db
          .select({ regionId: courses.regionId, schoolId: none, municipalityId: none })
          .from(courses)
          .where(eq(courses.id, id)),
      );
    case "plan":
      return one(
        db
          .select({
            regionId: plans.regionId,
            schoolId: plans.schoolId,
            municipalityId: plans.municipalityId,
          })
          .from(plans)
          .where(eq(plans.id, id)),
      );
  }
}

/** A municipality's region, or undefined. */
export async function findMunicipalityRegion(db: Db, id: number): Promise<number | undefined> {
  const [row] = await db
    .select({ regionId: municipalities.regionId })
    .from(municipalities)
    .where(eq(municipalities.id, id));
  return row?.regionId;
}

/** A school's region and municipality, or undefined. */
export async function findSchoolPlace(
  db: Db,
  id: number,
): Promise<{ regionId: number; municipalityId: number } | undefined> {
  const [row] = await db
    .select({ regionId: schools.regionId, municipalityId: schools.municipalityId })
    .from(schools)
    .where(eq(schools.id, id));
  return row;
}
