import { COMPUTED_RULES, RULES, TEMPLATE_003 } from "../../../core/monitoring";
import type { TemplateSave, TemplateView } from "../../../shared/monitoring-api";
import type { Db } from "../../platform/db";
import { can, requirePermission, resolveActorRegionId } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { findTemplateVersions, insertTemplate, type TemplateRow } from "./monitoring.repo";

/** Who wrote the preloaded version. */
export const PRELOADED_BY = "Предзагружено: таблица 1 отчёта об итоговом мониторинге";

/**
 * The region's current template version, storing the preloaded one (seed 003) as version 1 the first
 * time the region's template is needed, so that every report can keep the version it was filed under.
 */
export async function ensureCurrentTemplate(db: Db, actor: Actor, regionId: number): Promise<TemplateRow> {
  const [current] = await findTemplateVersions(db, regionId);
  if (current) return current;
  const row = await insertTemplate(db, {
    regionId,
    version: 1,
    content: TEMPLATE_003,
    note: "Критерии и показатели итогового мониторинга (семь критериев, 33 показателя)",
    createdByName: PRELOADED_BY,
  });
  await recordAudit(db, {
    actor,
    action: "seed",
    entity: "monitoring_template",
    entityId: row.id,
    after: { version: 1 },
    regionId,
  });
  return row;
}

const version = (row: TemplateRow) => ({
  id: row.id,
  version: row.version,
  note: row.note,
  createdByName: row.createdByName,
  createdAt: row.createdAt.toISOString(),
});

const rules = Object.fromEntries(
  COMPUTED_RULES.map((rule) => [rule, RULES[rule].sentence]),
) as TemplateView["rules"];

/** The region's template: the current version's content, every version, the rules' sentences. */
export async function getTemplateView({
  db,
  actor,
  regionId,
}: {
  db: Db;
  actor: Actor;
  regionId?: number;
}): Promise<TemplateView> {
  requirePermission(actor, "school.read");
  const region = resolveActorRegionId(actor, regionId);
  const current = await db.transaction((tx) => ensureCurrentTemplate(tx, actor, region));
  const versions = await findTemplateVersions(db, region);
  return {
    regionId: region,
    current: version(current),
    content: current.content,
    versions: versions.map(version),
    rules,
    canEdit: can(actor, "indicator.manage"),
  };
}

/** Stores a new version of the region's template (the region's right to edit indicators); audited. */
export async function saveTemplate({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TemplateSave;
}): Promise<TemplateView> {
  requirePermission(actor, "indicator.manage");
  const region = resolveActorRegionId(actor, input.regionId);
  await db.transaction(async (tx) => {
    const current = await ensureCurrentTemplate(tx, actor, region);
    const row = await insertTemplate(tx, {
      regionId: region,
      version: current.version + 1,
      content: input.content,
      note: input.note,
      createdBy: actor.userId > 0 ? actor.userId : null,
      createdByName: actor.fullName,
    });
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "monitoring_template",
      entityId: row.id,
      before: { version: current.version },
      after: { version: row.version, indicators: input.content.indicators.length },
      regionId: region,
    });
  });
  return getTemplateView({ db, actor, regionId: region });
}
