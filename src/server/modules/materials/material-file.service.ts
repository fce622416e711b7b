import type { Readable } from "node:stream";
import type { MaterialItem } from "../../../shared/materials-api";
import type { Db } from "../../platform/db";
import { notFound } from "../../platform/errors";
import { requirePermission } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { canEditMaterial } from "./materials.policy";
import { findRegionDocumentBytes, updateMaterialRow } from "./materials.repo";
import { getMaterial, requireMaterial } from "./materials.service";
import type { DocumentStore } from "./stored-files";

/**
 * Attaches a material's file (multipart upload kept under the data directory, within the file size
 * limit and the region's quota), replacing the one it had (`materials.write`, within the writer's reach).
 */
export async function uploadMaterialFile({
  db,
  actor,
  store,
  id,
  fileName,
  fileType,
  stream,
}: {
  db: Db;
  actor: Actor;
  store: DocumentStore;
  id: number;
  fileName: string;
  fileType: string;
  stream: Readable;
}): Promise<MaterialItem> {
  let before: Awaited<ReturnType<typeof requireMaterial>>;
  try {
    requirePermission(actor, "materials.write");
    before = await requireMaterial(db, actor, id);
    if (!canEditMaterial(actor, before)) throw notFound("Материал");
  } catch (error) {
    stream.resume();
    throw error;
  }
  const held = await findRegionDocumentBytes(db, before.regionId);
  const stored = await store.save({ regionId: before.regionId, fileName, stream, heldBytes: held });
  try {
    await db.transaction(async (tx) => {
      await updateMaterialRow(tx, id, {
        fileName: stored.fileName,
        fileBytes: stored.bytes,
        fileKey: stored.key,
        fileType: fileType.slice(0, 200) || "application/octet-stream",
        updatedBy: actor.userId || null,
        updatedByName: actor.fullName,
      });
      await recordAudit(tx, {
        actor,
        action: "update",
        entity: "material",
        entityId: id,
        before: { fileName: before.fileName, fileBytes: before.fileBytes },
        after: { fileName: stored.fileName, fileBytes: stored.bytes },
        regionId: before.regionId,
      });
    });
  } catch (error) {
    await store.remove(before.regionId, stored.key);
    throw error;
  }
  await store.remove(before.regionId, before.fileKey);
  return getMaterial({ db, actor, id });
}

/** A material's file, for everyone of its region. */
export async function openMaterialFile({
  db,
  actor,
  store,
  id,
}: {
  db: Db;
  actor: Actor;
  store: DocumentStore;
  id: number;
}): Promise<{ fileName: string; fileType: string; stream: Readable }> {
  const row = await requireMaterial(db, actor, id);
  if (row.fileKey === null || row.fileName === null) throw notFound("Файл");
  return {
    fileName: row.fileName,
    fileType: row.fileType ?? "application/octet-stream",
    stream: await store.open(row.regionId, row.fileKey),
  };
}
