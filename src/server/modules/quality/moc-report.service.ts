/**
 * МОЦ reports (issue 13, 5): the МОЦ's annual analytical text per municipality and school year —
 * sections typed in a form or read from a DOCX, and recommendations tied to catalogue indicators
 * and confirmed causes. The МОЦ writes its own; the region reads all; each report shows its flags.
 */
import { DEFAULT_THRESHOLD } from "../../../core/quality";
import type {
  MocReportCreate,
  MocReportDetail,
  MocReportItem,
  MocReportList,
  MocReportPatch,
  MocReportRecommendation,
} from "../../../shared/quality-api";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { resolveActorRegionId } from "../access/access.policy";
import { municipalityScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { DocxReadError, readDocxSections } from "./docx-text";
import { canReadQualityText, type QualityPlace, readsQuality, refuseMocReportWrite } from "./quality.policy";
import {
  deleteMocReportRow,
  findCauseOptions,
  findCausesByIds,
  findIndicatorOptions,
  findMocReportById,
  findMocReportId,
  findMocReports,
  findMunicipalityPlace,
  insertMocReport,
  type MocReportRow,
  updateMocReportRow,
} from "./quality.repo";
import { computeRegionFlags, presentFlags } from "./quality-flags.service";

function refuse(actor: Actor, place: QualityPlace): void {
  const refused = refuseMocReportWrite(actor, place);
  if (refused === "forbidden")
    throw new AppError("forbidden", "Отчёт МОЦ пишет только координатор этого МОЦ");
  if (refused === "not_found") throw notFound("Отчёт МОЦ");
}

function toItem(row: MocReportRow, actor: Actor): MocReportItem {
  return {
    id: row.id,
    municipalityId: row.municipalityId,
    municipalityName: row.municipalityName,
    year: row.year,
    title: row.title,
    sectionCount: row.sections.length,
    recommendationCount: row.recommendations.length,
    sourceFileName: row.sourceFileName,
    updatedAt: row.updatedAt.toISOString(),
    updatedByName: row.updatedByName,
    canEdit: refuseMocReportWrite(actor, row) === null,
  };
}

/** The МОЦ reports of a year the actor reads: the region all, a МОЦ its own. */
export async function listMocReports({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: { year: number; regionId?: number };
}): Promise<MocReportList> {
  if (!readsQuality(actor)) throw new AppError("forbidden", "Недостаточно прав для этого действия");
  const regionId = resolveActorRegionId(actor, query.regionId);
  const rows = await findMocReports(db, { regionId, year: query.year, scope: municipalityScope(actor) });
  const own = actor.role === "moc_coordinator" ? actor.municipalityId : null;
  return {
    items: rows.map((row) => toItem(row, actor)),
    canCreate: own !== null && !rows.some((row) => row.municipalityId === own),
  };
}

/** A report the actor reads (404 otherwise). */
async function requireReport(db: Db, actor: Actor, id: number): Promise<MocReportRow> {
  if (!readsQuality(actor)) throw new AppError("forbidden", "Недостаточно прав для этого действия");
  const row = await findMocReportById(db, id);
  if (!row || !canReadQualityText(actor, row)) throw notFound("Отчёт МОЦ");
  return row;
}

/** One report with its recommendations' links named, its flags, and what recommendations may be tied to. */
export async function getMocReport({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<MocReportDetail> {
  const row = await requireReport(db, actor, id);
  const [indicators, causes, linked, computed] = await Promise.all([
    findIndicatorOptions(db, row.regionId),
    findCauseOptions(db, row.municipalityId, row.year),
    findCausesByIds(
      db,
      row.recommendations.flatMap((r) => r.causeIds),
    ),
    computeRegionFlags(db, { regionId: row.regionId, year: row.year, threshold: DEFAULT_THRESHOLD }),
  ]);
  const indicatorName = new Map(indicators.map((i) => [i.code, i.name]));
  const causeName = new Map(linked.map((c) => [c.id, `${c.schoolName}: ${c.title}`]));
  return {
    ...toItem(row, actor),
    sections: row.sections,
    recommendations: row.recommendations.map((r) => ({
      ...r,
      indicatorLabels: r.indicatorCodes.map((code) => indicatorName.get(code) ?? code),
      causeLabels: r.causeIds.map((causeId) => causeName.get(causeId) ?? `№ ${causeId}`),
    })),
    flags: presentFlags(actor, row.regionId, computed.flags).filter((flag) =>
      flag.mocReportIds.includes(row.id),
    ),
    options: {
      indicators: indicators.map((i) => ({ value: i.code, label: `${i.name} (${i.code})` })),
      causes: causes.map((c) => ({ value: String(c.id), label: `${c.schoolName}: ${c.title} (${c.year})` })),
    },
  };
}

function invalid(path: string, message: string): never {
  throw new AppError("invalid_input", message, [{ path, message }]);
}

/** Refuses a recommendation tied to an indicator not in the region's catalogue or a cause not of the municipality. */
async function checkLinks(
  db: Db,
  place: { regionId: number; municipalityId: number; year: number },
  list: readonly MocReportRecommendation[],
): Promise<void> {
  if (list.every((r) => r.indicatorCodes.length === 0 && r.causeIds.length === 0)) return;
  const [indicators, causes] = await Promise.all([
    findIndicatorOptions(db, place.regionId),
    findCauseOptions(db, place.municipalityId, place.year),
  ]);
  const codes = new Set(indicators.map((i) => i.code));
  const causeIds = new Set(causes.map((c) => c.id));
  list.forEach((r, i) => {
    const code = r.indicatorCodes.find((c) => !codes.has(c));
    if (code !== undefined)
      invalid(
        `recommendations.${i}.indicatorCodes`,
        `Рекомендация ${i + 1}: нет показателя «${code}» в каталоге региона`,
      );
    const cause = r.causeIds.find((c) => !causeIds.has(c));
    if (cause !== undefined)
      invalid(
        `recommendations.${i}.causeIds`,
        `Рекомендация ${i + 1}: причина № ${cause} не подтверждена для школ этого муниципалитета за ${place.year - 1}–${place.year} годы`,
      );
  });
}

/** A new report of the МОЦ's own municipality for a year (one a year; 409 when there is one). */
export async function createMocReport({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: MocReportCreate;
}): Promise<MocReportDetail> {
  if (actor.role !== "moc_coordinator" || actor.municipalityId === null || actor.regionId === null)
    throw new AppError("forbidden", "Отчёт МОЦ пишет только координатор МОЦ");
  const municipality = await findMunicipalityPlace(db, actor.municipalityId);
  if (!municipality || municipality.regionId !== actor.regionId) throw notFound("Муниципалитет");
  const place = { regionId: actor.regionId, municipalityId: actor.municipalityId, year: input.year };
  refuse(actor, place);
  if ((await findMocReportId(db, place.municipalityId, input.year)) !== undefined)
    throw new AppError("conflict", `Отчёт МОЦ за ${input.year - 1}/${input.year} учебный год уже есть`);
  await checkLinks(db, place, input.recommendations);
  const title =
    input.title ??
    `Аналитический отчёт МОЦ (${municipality.name}) за ${input.year - 1}/${input.year} учебный год`;
  const id = await insertMocReport(db, {
    ...place,
    title,
    sections: input.sections,
    recommendations: input.recommendations,
    createdBy: actor.userId > 0 ? actor.userId : null,
    updatedBy: actor.userId > 0 ? actor.userId : null,
    updatedByName: actor.fullName,
  });
  await recordAudit(db, {
    actor,
    action: "create",
    entity: "moc_report",
    entityId: id,
    after: { ...place, title },
  });
  return getMocReport({ db, actor, id });
}

/** Changes the title, the sections or the recommendations of the МОЦ's own report. */
export async function updateMocReport({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: MocReportPatch;
}): Promise<MocReportDetail> {
  const row = await requireReport(db, actor, id);
  refuse(actor, row);
  if (input.recommendations) await checkLinks(db, row, input.recommendations);
  await updateMocReportRow(db, id, {
    ...input,
    updatedBy: actor.userId > 0 ? actor.userId : null,
    updatedByName: actor.fullName,
  });
  await recordAudit(db, {
    actor,
    action: "update",
    entity: "moc_report",
    entityId: id,
    before: { title: row.title, sections: row.sections.length, recommendations: row.recommendations.length },
    after: {
      title: input.title,
      sections: input.sections?.length,
      recommendations: input.recommendations?.length,
    },
  });
  return getMocReport({ db, actor, id });
}

/** Replaces the sections of the МОЦ's own report by the text of a DOCX (headings open sections). */
export async function importMocReportDocx({
  db,
  actor,
  id,
  fileName,
  bytes,
}: {
  db: Db;
  actor: Actor;
  id: number;
  fileName: string;
  bytes: Uint8Array;
}): Promise<MocReportDetail> {
  const row = await requireReport(db, actor, id);
  refuse(actor, row);
  if (!/\.docx$/i.test(fileName)) invalid("file", `«${fileName}» — не файл .docx`);
  let sections: Awaited<ReturnType<typeof readDocxSections>>;
  try {
    sections = await readDocxSections(bytes);
  } catch (error) {
    if (error instanceof DocxReadError) invalid("file", `«${fileName}»: ${error.message}`);
    throw error;
  }
  if (sections.every((s) => s.text.trim() === "")) invalid("file", `В файле «${fileName}» нет текста`);
  await updateMocReportRow(db, id, {
    sections,
    sourceFileName: fileName,
    updatedBy: actor.userId > 0 ? actor.userId : null,
    updatedByName: actor.fullName,
  });
  await recordAudit(db, {
    actor,
    action: "import",
    entity: "moc_report",
    entityId: id,
    after: { fileName, sections: sections.length },
  });
  return getMocReport({ db, actor, id });
}

/** Deletes the МОЦ's own report. */
export async function deleteMocReport({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<{ id: number }> {
  const row = await requireReport(db, actor, id);
  refuse(actor, row);
  await deleteMocReportRow(db, id);
  await recordAudit(db, {
    actor,
    action: "delete",
    entity: "moc_report",
    entityId: id,
    before: { municipalityId: row.municipalityId, year: row.year, title: row.title },
  });
  return { id };
}
