import type { Readable } from "node:stream";
import type { AgreementCreate, AgreementItem, AgreementPatch } from "../../../shared/partners-api";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { requireSchoolAccess } from "../access/access.repo";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { replaceDocument } from "../materials/document-upload";
import type { DocumentStore } from "../materials/stored-files";
import { loadRegionPartnerBasis, suggestionsFor } from "./partner-suggestions.service";
import { toAgreementItem, todayIso } from "./partner-view";
import {
  type AgreementRow,
  deleteAgreementRow,
  findAgreementById,
  findAgreements,
  findSchoolRegions,
  insertAgreement,
  updateAgreementRow,
} from "./partners.repo";

type AgreementValues = Required<Omit<AgreementCreate, "partnerSchoolId" | "endsOn" | "documentDate">> & {
  partnerSchoolId: number | null;
  endsOn: string | null;
  documentDate: string | null;
};

function invalid(path: string, message: string): never {
  throw new AppError("invalid_input", message, [{ path, message }]);
}

/**
 * Checks an agreement: a partner school for kind «school» (of the same region, not the school
 * itself), a name for a social partner, an end not before the start.
 */
async function checkAgreement(db: Db, school: { id: number; regionId: number }, values: AgreementValues) {
  if (values.partnerKind === "school") {
    if (values.partnerSchoolId === null) invalid("partnerSchoolId", "Выберите школу-партнёра");
    if (values.partnerSchoolId === school.id)
      invalid("partnerSchoolId", "Школа не может быть партнёром самой себе");
    const regions = await findSchoolRegions(db, [values.partnerSchoolId]);
    if (regions.get(values.partnerSchoolId) !== school.regionId) {
      invalid("partnerSchoolId", "Школа-партнёр должна быть школой того же региона");
    }
  } else {
    if (values.partnerSchoolId !== null)
      invalid("partnerSchoolId", "Школа-партнёр указывается только для договора со школой");
    if (values.partnerName === "") invalid("partnerName", "Введите название социального партнёра");
  }
  if (values.endsOn !== null && values.endsOn < values.startsOn) {
    invalid("endsOn", "Дата окончания раньше даты начала");
  }
}

async function requireAgreement(db: Db, actor: Actor, id: number): Promise<AgreementRow> {
  const row = await findAgreementById(db, id);
  if (!row) throw notFound("Договор");
  await requireSchoolAccess(db, { actor, permission: "partnership.write", schoolIds: [row.schoolId] });
  return row;
}

async function schoolOf(db: Db, actor: Actor, schoolId: number) {
  await requireSchoolAccess(db, { actor, permission: "partnership.write", schoolIds: [schoolId] });
  const regions = await findSchoolRegions(db, [schoolId]);
  const regionId = regions.get(schoolId);
  if (regionId === undefined) throw notFound("Школа");
  return { id: schoolId, regionId };
}

async function itemOf(db: Db, actor: Actor, id: number): Promise<AgreementItem> {
  const row = await findAgreementById(db, id);
  if (!row) throw notFound("Договор");
  return toAgreementItem(row, actor, todayIso());
}

function auditView(values: Partial<AgreementValues> & { fileName?: string | null }) {
  return values;
}

/** Adds an agreement of a school (`partnership.write`, the school in the actor's scope). */
export async function createAgreement({
  db,
  actor,
  schoolId,
  input,
}: {
  db: Db;
  actor: Actor;
  schoolId: number;
  input: AgreementCreate;
}): Promise<AgreementItem> {
  const school = await schoolOf(db, actor, schoolId);
  const values: AgreementValues = {
    ...input,
    partnerSchoolId: input.partnerSchoolId ?? null,
    partnerName: input.partnerKind === "school" ? "" : input.partnerName,
    endsOn: input.endsOn ?? null,
    documentDate: input.documentDate ?? null,
  };
  await checkAgreement(db, school, values);
  const id = await db.transaction(async (tx) => {
    const newId = await insertAgreement(tx, {
      ...values,
      regionId: school.regionId,
      schoolId,
      createdBy: actor.userId || null,
      updatedBy: actor.userId || null,
      updatedByName: actor.fullName,
    });
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "partner_agreement",
      entityId: newId,
      after: { schoolId, ...auditView(values) },
      regionId: school.regionId,
    });
    return newId;
  });
  return itemOf(db, actor, id);
}

/**
 * One click from a suggestion: a draft agreement of the school with the suggested partner school,
 * starting today, its note the suggestion's sentence. The school must be among the suggestions.
 */
export async function createAgreementFromSuggestion({
  db,
  actor,
  schoolId,
  input,
}: {
  db: Db;
  actor: Actor;
  schoolId: number;
  input: { partnerSchoolId: number; subject?: string };
}): Promise<AgreementItem> {
  const school = await schoolOf(db, actor, schoolId);
  const current = await findAgreements(db, { scope: undefined, schoolId });
  const partnerIds = new Set(
    current.flatMap((row) => (row.partnerSchoolId === null ? [] : [row.partnerSchoolId])),
  );
  const basis = await loadRegionPartnerBasis(db, school.regionId);
  const suggestion = suggestionsFor(basis, schoolId, partnerIds, Number.POSITIVE_INFINITY).find(
    (s) => s.schoolId === input.partnerSchoolId,
  );
  if (!suggestion) invalid("partnerSchoolId", "Этой школы нет среди предложенных партнёров");
  return createAgreement({
    db,
    actor,
    schoolId,
    input: {
      partnerKind: "school",
      partnerSchoolId: input.partnerSchoolId,
      partnerName: "",
      subject: input.subject ?? suggestion.highIn.join(", "),
      startsOn: todayIso(),
      status: "draft",
      documentNumber: "",
      documentUrl: "",
      note: suggestion.sentence,
    },
  });
}

/** Changes an agreement (`partnership.write`, its school in scope). */
export async function updateAgreement({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: AgreementPatch;
}): Promise<AgreementItem> {
  const before = await requireAgreement(db, actor, id);
  const kind = input.partnerKind ?? before.partnerKind;
  const values: AgreementValues = {
    partnerKind: kind,
    partnerSchoolId:
      kind === "school" ? (input.partnerSchoolId ?? before.partnerSchoolId) : (input.partnerSchoolId ?? null),
    partnerName: kind === "school" ? "" : (input.partnerName ?? before.partnerName),
    subject: input.subject ?? before.subject,
    startsOn: input.startsOn ?? before.startsOn,
    endsOn: input.endsOn === undefined ? before.endsOn : input.endsOn,
    status: input.status ?? before.status,
    documentNumber: input.documentNumber ?? before.documentNumber,
    documentDate: input.documentDate === undefined ? before.documentDate : input.documentDate,
    documentUrl: input.documentUrl ?? before.documentUrl,
    note: input.note ?? before.note,
  };
  await checkAgreement(db, { id: before.schoolId, regionId: before.regionId }, values);
  await db.transaction(async (tx) => {
    await updateAgreementRow(tx, id, {
      ...values,
      updatedBy: actor.userId || null,
      updatedByName: actor.fullName,
    });
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "partner_agreement",
      entityId: id,
      before: auditView({ ...before }),
      after: auditView(values),
      regionId: before.regionId,
    });
  });
  return itemOf(db, actor, id);
}

/** Deletes an agreement and its file (`partnership.write`, its school in scope). */
export async function deleteAgreement({
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
  const before = await requireAgreement(db, actor, id);
  await db.transaction(async (tx) => {
    await deleteAgreementRow(tx, id);
    await recordAudit(tx, {
      actor,
      action: "delete",
      entity: "partner_agreement",
      entityId: id,
      before: {
        schoolId: before.schoolId,
        partnerKind: before.partnerKind,
        partnerSchoolId: before.partnerSchoolId,
        partnerName: before.partnerName,
        subject: before.subject,
        fileName: before.fileName,
      },
      regionId: before.regionId,
    });
  });
  await store.remove(before.regionId, before.fileKey);
  return { id };
}

/** Attaches the agreement's document file, replacing the one it had (`partnership.write`). */
export async function uploadAgreementFile({
  db,
  actor,
  store,
  id,
  fileName,
  stream,
}: {
  db: Db;
  actor: Actor;
  store: DocumentStore;
  id: number;
  fileName: string;
  stream: Readable;
}): Promise<AgreementItem> {
  await replaceDocument({
    db,
    store,
    fileName,
    stream,
    requireHolder: () => requireAgreement(db, actor, id),
    write: async (tx, before, stored) => {
      await updateAgreementRow(tx, id, {
        fileName: stored.fileName,
        fileBytes: stored.bytes,
        fileKey: stored.key,
        updatedBy: actor.userId || null,
        updatedByName: actor.fullName,
      });
      await recordAudit(tx, {
        actor,
        action: "update",
        entity: "partner_agreement",
        entityId: id,
        before: { fileName: before.fileName, fileBytes: before.fileBytes },
        after: { fileName: stored.fileName, fileBytes: stored.bytes },
        regionId: before.regionId,
      });
    },
  });
  return itemOf(db, actor, id);
}

/** The agreement's document file, for everyone who reads its school. */
export async function openAgreementFile({
  db,
  actor,
  store,
  id,
}: {
  db: Db;
  actor: Actor;
  store: DocumentStore;
  id: number;
}): Promise<{ fileName: string; stream: Readable }> {
  const row = await findAgreementById(db, id);
  if (!row) throw notFound("Договор");
  await requireSchoolAccess(db, { actor, permission: "school.read", schoolIds: [row.schoolId] });
  if (row.fileKey === null || row.fileName === null) throw notFound("Файл");
  return { fileName: row.fileName, stream: await store.open(row.regionId, row.fileKey) };
}
