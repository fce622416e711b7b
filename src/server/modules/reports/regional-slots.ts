import {
  criteriaNarrativeBlocks,
  mocReportsAnalysisBlocks,
  type RegionalSlot,
  type ReportBlock,
  recommendationsBlocks,
  table1Blocks,
  table2Blocks,
} from "../../../core/reports";
import type { Db } from "../../platform/db";
import type { Actor } from "../access/actor";
import { buildRegionTable2, findProgrammeYears } from "../monitoring/table2.service";
import { ensureCurrentTemplate } from "../monitoring/template.service";
import { getQualityFlags } from "../quality/quality-flags.service";

/** What a provider of an insertion point receives. */
export type SlotRequest = { db: Db; actor: Actor; regionId: number; year: number };

/** A provider of an insertion point's blocks; an empty list leaves the section out. */
export type SlotProvider = (request: SlotRequest) => Promise<ReportBlock[]>;

/** The programme years Table 2 compares in a report of year Y: the region's latest two up to Y. */
async function table2Years(db: Db, regionId: number, year: number): Promise<number[]> {
  const years = (await findProgrammeYears(db, regionId)).filter((y) => y <= year);
  return years.slice(0, 2).reverse();
}

/** Table 2 of the report's years, or none when the region has no programme year up to Y. */
async function table2Of({ db, actor, regionId, year }: SlotRequest) {
  const years = await table2Years(db, regionId, year);
  return years.length === 0 ? null : buildRegionTable2(db, actor, { regionId, years });
}

/**
 * The insertion points of the regional analytical report, wired to the modules that fill them
 * (seed 003's order is REGIONAL_SECTIONS'):
 * - `table1`: the region's monitoring template, its criteria and indicators;
 * - `table2`: the indicators of the latest two programme years up to the report's as counts and percents;
 * - `criteriaNarrative`: the narrative per criterion written from Table 2's numbers;
 * - `mocReportsAnalysis`: the МОЦ reports of the year with the report-quality flags;
 * - `recommendations`: the indicators of Table 2's latest year that call for work, with their figures.
 * A provider with nothing to print leaves its section out (no placeholder reaches the document).
 */
export const REGIONAL_SLOT_PROVIDERS: Partial<Record<RegionalSlot, SlotProvider>> = {
  table1: async ({ db, actor, regionId }) => {
    const template = await db.transaction((tx) => ensureCurrentTemplate(tx, actor, regionId));
    return table1Blocks(template.content);
  },
  table2: async (request) => {
    const table = await table2Of(request);
    return table === null ? [] : table2Blocks(table);
  },
  criteriaNarrative: async (request) => {
    const table = await table2Of(request);
    return table === null ? [] : criteriaNarrativeBlocks(table);
  },
  mocReportsAnalysis: async ({ db, actor, regionId, year }) => {
    const quality = await getQualityFlags({ db, actor, query: { year, regionId } });
    return mocReportsAnalysisBlocks({
      mocReports: quality.sources.find((s) => s.kind === "moc_report")?.count ?? 0,
      sources: quality.sources,
      flags: quality.flags.map((f) => f.sentence),
    });
  },
  recommendations: async (request) => {
    const table = await table2Of(request);
    return table === null ? [] : recommendationsBlocks(table);
  },
};
