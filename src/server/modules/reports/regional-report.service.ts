import { buildRegionalReport, type RegionalFigures, type SlotContent } from "../../../core/reports";
import type { RegionalReportQuery } from "../../../shared/reports-api";
import type { Db } from "../../platform/db";
import { notFound } from "../../platform/errors";
import { resolveActorRegionId } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { buildRegionalReportDocx } from "./documents/regional-report.docx";
import {
  contextFigures,
  findApprovedRun,
  findRegionName,
  identificationFigures,
  methodFigures,
  planFigures,
  workFigures,
} from "./regional-report.repo";
import { REGIONAL_SLOT_PROVIDERS } from "./regional-slots";
import { requireRegionalReader } from "./reports.policy";

/** The figures of the regional analytical report of a region's year, gathered from the records. */
export async function regionalFigures({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: RegionalReportQuery;
}): Promise<RegionalFigures & { regionId: number }> {
  requireRegionalReader(actor);
  const regionId = resolveActorRegionId(actor, query.regionId);
  const regionName = await findRegionName(db, regionId);
  if (regionName === null) throw notFound("Регион");
  const run = await findApprovedRun(db, regionId, query.year);
  return {
    regionId,
    regionName,
    year: query.year,
    context: await contextFigures(db, regionId, run?.id ?? null),
    work: await workFigures(db, regionId, query.year),
    method: run ? await methodFigures(db, run) : null,
    identification: run ? await identificationFigures(db, run.id) : null,
    plans: await planFigures(db, run?.id ?? null, query.year),
  };
}

/** The regional analytical report as DOCX: seed 003's sections, the wired insertion points filled. */
export async function exportRegionalReportDocx(input: { db: Db; actor: Actor; query: RegionalReportQuery }) {
  const figures = await regionalFigures(input);
  const slots: SlotContent = {};
  for (const [slot, provide] of Object.entries(REGIONAL_SLOT_PROVIDERS)) {
    const blocks = await provide({
      db: input.db,
      actor: input.actor,
      regionId: figures.regionId,
      year: input.query.year,
    });
    if (blocks.length > 0) slots[slot as keyof SlotContent] = blocks;
  }
  const blocks = buildRegionalReport(figures, { goalsText: input.query.goalsText }, slots);
  return {
    buffer: await buildRegionalReportDocx({ regionName: figures.regionName, year: input.query.year, blocks }),
    fileName: `regional-report-${input.query.year}.docx`,
  };
}
