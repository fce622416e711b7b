import type { Readable } from "node:stream";
import type { MaterialItem } from "../../../shared/materials-api";
import type { Db } from "../../platform/db";
import { notFound } from "../../platform/errors";
import { requirePermission } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { replaceDocument } from "./document-upload";
import { canEditMaterial } from "./materials.policy";
import { updateMaterialRow } from "./materials.repo";
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
  await replaceDocument({
    db,
    store,
    fileName,
    stream,
    requireHolder: async () => {
      requirePermission(actor, "materials.write");
      const row = await requireMaterial(db, actor, id);
      if (!canEditMaterial(actor, row)) throw notFound("Материал");
      return row;
    },
    write: async (tx, before, stored) => {
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
    },
  });
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
