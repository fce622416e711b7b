import { eq } from "drizzle-orm";
import {
  checkReportTransition,
  EMPTY_FACTS as EMPTY,
  isReportEditable,
  type MonitoringStage,
} from "../../../core/monitoring";
import type {
  ReportReview,
  ReportSave,
  ReportTransitionInput,
  ReportView,
} from "../../../shared/monitoring-api";
import { schools } from "../../db/schema";
import type { ReportEntry } from "../../db/schema/monitoring";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { can, requirePermission } from "../access/access.policy";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { findProgrammeSchools } from "../causes/registry.repo";
import { findSchoolFacts } from "./facts.repo";
import {
  findReport,
  findReportEvents,
  findScopedSchool,
  findTemplateById,
  insertReport,
  insertReportEvent,
  type ReportRow,
  updateReport,
} from "./monitoring.repo";
import { buildReportView, freezeEntries } from "./report-view";
import { ensureCurrentTemplate } from "./template.service";

/** One report's key. */
export type ReportKey = { schoolId: number; year: number; stage: MonitoringStage };

/** The school in the actor's scope (404 otherwise), whether it is a programme school of the year. */
async function loadSchool(db: Db, actor: Actor, key: ReportKey) {
  const school = await findScopedSchool(db, key.schoolId, schoolScope(actor));
  if (!school) throw notFound("Школа");
  const programme = await findProgrammeSchools(db, {
    regionId: school.regionId,
    years: [key.year - 1],
    scope: eq(schools.id, key.schoolId),
  });
  return { school, isProgrammeSchool: programme.length > 0 };
}

async function templateOf(db: Db, actor: Actor, regionId: number, report: ReportRow | undefined) {
  const row = report
    ? await findTemplateById(db, report.templateId)
    : await ensureCurrentTemplate(db, actor, regionId);
  if (!row) throw notFound("Шаблон мониторинга");
  return row;
}

async function viewOf(db: Db, actor: Actor, key: ReportKey): Promise<ReportView> {
  const { school, isProgrammeSchool } = await loadSchool(db, actor, key);
  const report = await findReport(db, key);
  const template = await templateOf(db, actor, school.regionId, report);
  const facts = (await findSchoolFacts(db, [key.schoolId], key.year)).get(key.schoolId);
  const events = report ? await findReportEvents(db, report.id) : [];
  return buildReportView({
    actor,
    school,
    year: key.year,
    stage: key.stage,
    isProgrammeSchool,
    template: { version: template.version, content: template.content },
    report,
    facts: facts ?? EMPTY,
    events: events.map((e) => ({
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      message: e.message,
      actorName: e.actorName,
      at: e.at.toISOString(),
    })),
  });
}

/** A school's monitoring report of a year and stage (a blank draft when none is stored). */
export async function getReport({
  db,
  actor,
  key,
}: {
  db: Db;
  actor: Actor;
  key: ReportKey;
}): Promise<ReportView> {
  requirePermission(actor, "school.read");
  return db.transaction((tx) => viewOf(tx, actor, key));
}

/** The stored report, or a new draft under the region's current template; only a programme school's. */
async function ensureReport(db: Db, actor: Actor, key: ReportKey): Promise<ReportRow> {
  const { school, isProgrammeSchool } = await loadSchool(db, actor, key);
  if (!isProgrammeSchool)
    throw new AppError(
      "conflict",
      `Школа не входит в программу ${key.year} года: отчёт о мониторинге не ведётся`,
    );
  const existing = await findReport(db, key);
  if (existing) return existing;
  const template = await ensureCurrentTemplate(db, actor, school.regionId);
  return insertReport(db, {
    regionId: school.regionId,
    schoolId: key.schoolId,
    year: key.year,
    stage: key.stage,
    templateId: template.id,
    updatedBy: actor.userId > 0 ? actor.userId : null,
    updatedByName: actor.fullName,
  });
}

/**
 * Saves what the school reports: values of the reported indicators (a computed one cannot be typed),
 * their comments and the narrative. Only a draft or a returned report; audited.
 */
export async function saveReport({
  db,
  actor,
  key,
  input,
}: {
  db: Db;
  actor: Actor;
  key: ReportKey;
  input: ReportSave;
}): Promise<ReportView> {
  requirePermission(actor, "data.enter");
  await db.transaction(async (tx) => {
    const report = await ensureReport(tx, actor, key);
    if (!isReportEditable(report.status))
      throw new AppError("conflict", "Отчёт отправлен: изменить его можно после возврата на доработку");
    const template = await templateOf(tx, actor, report.regionId, report);
    const byCode = new Map(template.content.indicators.map((i) => [i.code, i]));
    const issues = Object.entries(input.entries).flatMap(([code, entry]) => {
      const ind = byCode.get(code);
      if (!ind) return [{ path: `entries.${code}`, message: `Показателя ${code} нет в шаблоне` }];
      if (ind.source.kind === "computed" && entry.value !== null)
        return [
          {
            path: `entries.${code}`,
            message: `Показатель ${code} вычисляется по данным Опоры и не вводится`,
          },
        ];
      if (
        ind.source.kind === "reported" &&
        entry.value !== null &&
        typeof entry.value !== (ind.source.valueType === "number" ? "number" : "boolean")
      )
        return [
          {
            path: `entries.${code}`,
            message: `Показатель ${code}: ожидается ${ind.source.valueType === "number" ? "число" : "да или нет"}`,
          },
        ];
      return [];
    });
    if (issues.length > 0) throw new AppError("invalid_input", issues[0]?.message ?? "Ошибка ввода", issues);
    const entries: Record<string, ReportEntry> = { ...report.entries };
    for (const [code, entry] of Object.entries(input.entries)) {
      entries[code] = {
        value: entry.value,
        comment: entry.comment,
        mocComment: entries[code]?.mocComment ?? "",
      };
    }
    await updateReport(tx, report.id, {
      entries,
      narrative: input.narrative,
      updatedBy: actor.userId > 0 ? actor.userId : null,
      updatedByName: actor.fullName,
    });
    await recordAudit(tx, {
      actor,
      action: "monitoring_save",
      entity: "monitoring_report",
      entityId: report.id,
      before: { entries: report.entries, narrative: report.narrative },
      after: { entries, narrative: input.narrative },
      regionId: report.regionId,
    });
  });
  return getReport({ db, actor, key });
}

const ACTION_AUDIT = {
  submit: "monitoring_submit",
  approve: "monitoring_approve",
  return: "monitoring_return",
} as const;

/**
 * Submits (the school), approves or returns with a message (the МОЦ or the region) a report. On
 * submission the computed indicators are stored as computed at that moment. Audited.
 */
export async function transitionReport({
  db,
  actor,
  key,
  input,
}: {
  db: Db;
  actor: Actor;
  key: ReportKey;
  input: ReportTransitionInput;
}): Promise<ReportView> {
  if (input.action === "submit") requirePermission(actor, "data.enter");
  else if (!can(actor, "data.approve") && !can(actor, "data.accept"))
    requirePermission(actor, "data.approve");
  await db.transaction(async (tx) => {
    const report =
      input.action === "submit" ? await ensureReport(tx, actor, key) : await storedReport(tx, actor, key);
    const check = checkReportTransition(report.status, input.action, input.message);
    if (!check.ok)
      throw new AppError(input.action === "return" ? "invalid_input" : "conflict", check.message);
    const patch: Parameters<typeof updateReport>[2] = {
      status: check.to,
      updatedBy: actor.userId > 0 ? actor.userId : null,
      updatedByName: actor.fullName,
    };
    if (input.action === "submit") {
      const template = await templateOf(tx, actor, report.regionId, report);
      const facts = (await findSchoolFacts(tx, [report.schoolId], report.year)).get(report.schoolId) ?? EMPTY;
      patch.entries = freezeEntries(template.content, report.entries, facts);
      patch.submittedAt = new Date();
      patch.returnMessage = "";
    } else {
      patch.decidedAt = new Date();
      if (input.action === "return") patch.returnMessage = input.message.trim();
    }
    await updateReport(tx, report.id, patch);
    await insertReportEvent(tx, {
      reportId: report.id,
      fromStatus: report.status,
      toStatus: check.to,
      message: input.message.trim(),
      actorId: actor.userId > 0 ? actor.userId : null,
      actorName: actor.fullName,
    });
    await recordAudit(tx, {
      actor,
      action: ACTION_AUDIT[input.action],
      entity: "monitoring_report",
      entityId: report.id,
      before: { status: report.status },
      after: { status: check.to, message: input.message.trim() },
      regionId: report.regionId,
    });
  });
  return getReport({ db, actor, key });
}

async function storedReport(db: Db, actor: Actor, key: ReportKey): Promise<ReportRow> {
  await loadSchool(db, actor, key);
  const report = await findReport(db, key);
  if (!report) throw notFound("Отчёт о мониторинге");
  return report;
}

/** The МОЦ's comments on a submitted (or decided) report: on the whole and per indicator. Audited. */
export async function reviewReport({
  db,
  actor,
  key,
  input,
}: {
  db: Db;
  actor: Actor;
  key: ReportKey;
  input: ReportReview;
}): Promise<ReportView> {
  if (!can(actor, "data.approve") && !can(actor, "data.accept")) requirePermission(actor, "data.approve");
  await db.transaction(async (tx) => {
    const report = await storedReport(tx, actor, key);
    if (report.status === "draft")
      throw new AppError("conflict", "Школа ещё не отправила отчёт: комментировать пока нечего");
    const template = await templateOf(tx, actor, report.regionId, report);
    const codes = new Set(template.content.indicators.map((i) => i.code));
    const unknown = Object.keys(input.indicatorComments).find((code) => !codes.has(code));
    if (unknown) throw new AppError("invalid_input", `Показателя ${unknown} нет в шаблоне`);
    const entries: Record<string, ReportEntry> = { ...report.entries };
    for (const [code, comment] of Object.entries(input.indicatorComments)) {
      const entry = entries[code] ?? { value: null, comment: "", mocComment: "" };
      entries[code] = { ...entry, mocComment: comment };
    }
    await updateReport(tx, report.id, { mocComment: input.mocComment, entries });
    await recordAudit(tx, {
      actor,
      action: "monitoring_review",
      entity: "monitoring_report",
      entityId: report.id,
      before: { mocComment: report.mocComment },
      after: { mocComment: input.mocComment, indicatorComments: input.indicatorComments },
      regionId: report.regionId,
    });
  });
  return getReport({ db, actor, key });
}
