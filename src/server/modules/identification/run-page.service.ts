import type { ResultsQuery, RunResultsPage } from "../../../core/identification/api.schema";
import type { Db } from "../../platform/db";
import { requireMunicipalityAccess } from "../access/access.repo";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { getVisibleRun } from "./run.service";
import { findResultsPage } from "./run-results.repo";
import { withDetails } from "./run-results.service";

/**
 * One page of the results of a run the actor may see, filtered (by default: the identified schools),
 * with each school's reasons and how many schools match in all. A municipality outside the actor's
 * scope is 404.
 */
export async function getRunResultsPage({
  db,
  actor,
  id,
  query,
}: {
  db: Db;
  actor: Actor;
  id: number;
  query: ResultsQuery;
}): Promise<RunResultsPage> {
  const run = await getVisibleRun(db, actor, id);
  if (query.municipalityId !== undefined) {
    await requireMunicipalityAccess(db, {
      actor,
      permission: "school.read",
      municipalityIds: [query.municipalityId],
    });
  }
  const { category } = query;
  const { total, items } = await findResultsPage(
    db,
    {
      runId: id,
      scope: schoolScope(actor),
      municipalityId: query.municipalityId,
      categories:
        category === "identified" || category === "all"
          ? category
          : category === "flagged"
            ? ["shnro", "shfnsu", "both"]
            : [category],
      riskFlag: query.riskFlag,
      anyRiskFlag: query.anyRiskFlag,
      q: query.q || undefined,
    },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return { items: await withDetails(db, run, items), total, page: query.page, pageSize: query.pageSize };
}
