import type { Db } from "../../platform/db";
import type { IssueCollector } from "./import-summary";
import type { IndicatorCatalogue } from "./indicator-rules";
import type { LayoutPlan } from "./parse/layout-plan";
import { checkLockedValues } from "./value-checks";
import { findLockedSchoolYears, findStoredPairs, type StagingBatch, writeStaged } from "./value-import.repo";

/** What the batch applier needs: the import's transaction, the job and what the checks report into. */
export type BatchApplierInput = {
  /** The transaction the import writes in, on a connection of its own (the staging uses others). */
  tx: Db;
  regionId: number;
  jobId: number;
  userId: number | null;
  plan: LayoutPlan;
  indicators: IndicatorCatalogue;
  issues: IssueCollector;
  /** Whether the file has given a value twice so far (the staging's RepeatGuard). */
  hasRepeats: () => boolean;
};

const OWNERS = ["school_id", "municipality_id"] as const;
type Owner = (typeof OWNERS)[number];

/**
 * Writes each staged batch into the values as soon as it is staged, in the import's one transaction,
 * while the file is still being read: on a PostgreSQL server the writing then runs on the server's
 * core while Node parses on the other, instead of after it (a million values: about 40% sooner).
 * All or nothing still holds: nothing is committed before the whole file has passed its checks.
 *
 * A batch is written only while the import is clean: once a row has an error or a value repeats,
 * the applier stops (the import will be refused and the transaction rolled back; the reading goes
 * on to list every error). Before a batch is written, its values that would change a locked value
 * are reported (afterwards they would look unchanged); only batches touching a school-year whose
 * form is approved or accepted are looked at. A batch whose (indicator, year) pairs had no
 * stored value before this import is written with a plain insert (writeStaged), the others with
 * the general upsert; a pair's state is looked up once, at its first batch.
 */
export function createBatchApplier(input: BatchApplierInput) {
  const { tx, jobId, issues } = input;
  const sourceRef = String(jobId);
  /** Per owner kind and "indicator:year": true when the pair had no stored value before this import. */
  const isNewPair = new Map<string, boolean>();
  const written = { created: 0, updated: 0 };
  let stopped = false;
  let checkedThrough = 0;
  let locked: Promise<Set<string>> | undefined;

  /** Whether a value of the batch belongs to a school-year whose form is approved or accepted. */
  async function touchesLocked(batch: StagingBatch): Promise<boolean> {
    locked ??= findLockedSchoolYears(tx, input.regionId);
    const lockedPairs = await locked;
    if (lockedPairs.size === 0) return false;
    return batch.schoolId.some(
      (school, k) => school !== null && lockedPairs.has(`${school}:${batch.year[k]}`),
    );
  }

  async function writeOwner(batch: StagingBatch, owner: Owner, rows: { first: number; last: number }) {
    const pairs = batchPairs(batch, owner);
    if (pairs.length === 0) return;
    const unknown = pairs.filter((p) => !isNewPair.has(`${owner}:${p.key}`));
    const stored = await findStoredPairs(tx, owner, unknown);
    for (const p of unknown) isNewPair.set(`${owner}:${p.key}`, !stored.has(p.key));
    const isNew = pairs.every((p) => isNewPair.get(`${owner}:${p.key}`));
    const counts = await writeStaged(tx, { jobId, userId: input.userId, sourceRef, owner, rows }, isNew);
    written.created += counts.created;
    written.updated += counts.updated;
  }

  return {
    /** The values written so far. */
    written,
    /** True when a batch was left unwritten (the import had an error by then). */
    isStopped: () => stopped,
    /** The last row whose values were checked against locked values (0 before the first batch). */
    checkedThrough: () => checkedThrough,
    /** Writes one staged batch (the staging's afterBatch). */
    async apply(batch: StagingBatch): Promise<void> {
      if (stopped || issues.count() > 0 || input.hasRepeats()) {
        stopped = true;
        return;
      }
      const rows = { first: batch.rowNumber[0]!, last: batch.rowNumber.at(-1)! };
      // Only a batch touching a locked school-year can change a locked value (one look-up per import).
      if (await touchesLocked(batch)) await checkLockedValues(tx, { ...input, rows });
      checkedThrough = rows.last;
      if (issues.count() > 0) {
        stopped = true;
        return;
      }
      for (const owner of OWNERS) await writeOwner(batch, owner, rows);
    },
  };
}

/** The distinct (indicator, year) pairs of a batch's values of one kind of owner. */
function batchPairs(batch: StagingBatch, owner: Owner) {
  const ownerIds = owner === "school_id" ? batch.schoolId : batch.municipalityId;
  const pairs = new Map<string, { indicatorId: number; year: number; key: string }>();
  for (let k = 0; k < ownerIds.length; k++) {
    if (ownerIds[k] === null) continue;
    const indicatorId = batch.indicatorId[k]!;
    const year = batch.year[k]!;
    const key = `${indicatorId}:${year}`;
    if (!pairs.has(key)) pairs.set(key, { indicatorId, year, key });
  }
  return [...pairs.values()];
}
