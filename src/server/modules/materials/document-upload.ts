import type { Readable } from "node:stream";
import type { Db } from "../../platform/db";
import { findRegionDocumentBytes } from "./materials.repo";
import type { DocumentStore, StoredDocument } from "./stored-files";

/** A row that holds a stored document (a material, an agreement): its region and the file it has now. */
export type DocumentHolder = { regionId: number; fileKey: string | null };

/**
 * Puts an uploaded file on a row in place of the one it had, for the materials bank and the
 * partnership agreements alike: the row is found and the write checked first (the upload stream is
 * drained when that fails, so the request ends cleanly); the file is stored within the size limit and
 * the region's quota; the row is written and audited in one transaction (the new file is removed if
 * that fails); only then is the old file removed. Returns the row as it was.
 */
export async function replaceDocument<T extends DocumentHolder>({
  db,
  store,
  fileName,
  stream,
  requireHolder,
  write,
}: {
  db: Db;
  store: DocumentStore;
  fileName: string;
  stream: Readable;
  /** Finds the row and checks the actor may write it; throws otherwise. */
  requireHolder: () => Promise<T>;
  /** Writes the stored file onto the row and audits it, inside the transaction. */
  write: (tx: Db, before: T, stored: StoredDocument) => Promise<void>;
}): Promise<T> {
  let before: T;
  try {
    before = await requireHolder();
  } catch (error) {
    stream.resume();
    throw error;
  }
  const held = await findRegionDocumentBytes(db, before.regionId);
  const stored = await store.save({ regionId: before.regionId, fileName, stream, heldBytes: held });
  try {
    await db.transaction((tx) => write(tx, before, stored));
  } catch (error) {
    await store.remove(before.regionId, stored.key);
    throw error;
  }
  await store.remove(before.regionId, before.fileKey);
  return before;
}
