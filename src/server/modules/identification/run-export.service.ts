import { isProgrammeCategory, ruleSetSchema } from "../../../core/identification";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { getVisibleRun } from "./run.service";
import { buildOrderAppendix } from "./run-docx";
import { findRegionName, findRuleSetVersionDefinitions } from "./run-export.repo";
import { getRunSummary, listRunResults } from "./run-results.service";
import { buildRunWorkbook } from "./run-xlsx";

/** The XLSX of a run, as far as the actor may see it (a МОЦ gets its municipality). Audited as an export. */
export async function exportRunXlsx({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<Buffer> {
  const run = await getVisibleRun(db, actor, id);
  const [results, summary, versions] = await Promise.all([
    listRunResults({ db, actor, id, query: {} }),
    getRunSummary({ db, actor, id }),
    findRuleSetVersionDefinitions(
      db,
      run.ruleSets.map((r) => r.versionId),
    ),
  ]);
  const criteria = run.ruleSets.flatMap((r) => {
    const stored = versions.get(r.versionId);
    const definition = stored ? ruleSetSchema.parse(stored) : null;
    return (definition?.criteria ?? []).map((c) => ({
      ruleSetId: r.ruleSetId,
      ruleSetName: r.name,
      criterionId: c.id,
      label: c.label ?? c.id,
    }));
  });
  const file = await buildRunWorkbook({
    runId: run.id,
    year: run.year,
    status: run.status,
    ruleSets: run.ruleSets,
    criteria,
    results,
    summary,
  });
  await recordAudit(db, {
    actor,
    action: "export",
    entity: "identification_run",
    entityId: id,
    regionId: run.regionId,
  });
  return file;
}

/** The approved list of ШНРО / ШФНСУ as a DOCX appendix to an order; 409 while the run is not approved. */
export async function exportRunDocx({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<Buffer> {
  const run = await getVisibleRun(db, actor, id);
  if (run.status !== "approved")
    throw new AppError("conflict", "Перечень можно выгрузить только после утверждения");
  const results = (await listRunResults({ db, actor, id, query: {} }))
    .filter((r) => isProgrammeCategory(r.category))
    .sort(
      (a, b) =>
        a.municipalityName.localeCompare(b.municipalityName, "ru") ||
        a.schoolName.localeCompare(b.schoolName, "ru"),
    );
  const file = await buildOrderAppendix({
    regionName: (await findRegionName(db, run.regionId)) ?? "",
    year: run.year,
    approvedAt: run.approvedAt,
    results,
  });
  await recordAudit(db, {
    actor,
    action: "export_order",
    entity: "identification_run",
    entityId: id,
    regionId: run.regionId,
  });
  return file;
}
