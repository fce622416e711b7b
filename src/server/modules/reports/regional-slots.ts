import type { RegionalSlot, ReportBlock } from "../../../core/reports";
import type { Db } from "../../platform/db";
import type { Actor } from "../access/actor";

/** What a provider of an insertion point receives. */
export type SlotRequest = { db: Db; actor: Actor; regionId: number; year: number };

/** A provider of an insertion point's blocks; an empty list leaves the section out. */
export type SlotProvider = (request: SlotRequest) => Promise<ReportBlock[]>;

/**
 * The insertion points of the regional analytical report, wired to the modules that fill them
 * (seed 003's order is REGIONAL_SECTIONS'):
 * - `table1`: the monitoring template's criteria and indicators (src/core/monitoring/template-003.data.ts);
 * - `table2`: the indicators by year as counts and percents (monitoring's buildRegionTable2);
 * - `criteriaNarrative`: the narrative per criterion written from Table 2's numbers;
 * - `mocReportsAnalysis`: the analysis of the МОЦ reports with the quality flags;
 * - `recommendations`: the recommendations.
 * None is wired yet, so none is printed (no placeholder reaches the document).
 */
export const REGIONAL_SLOT_PROVIDERS: Partial<Record<RegionalSlot, SlotProvider>> = {};
