import { listQuestions, validateWorkbook, type Workbook, type WorkbookIssue } from "../../../core/causes";
import type { CurrentWorkbook, WorkbookVersionSummary } from "../../../shared/causes-api";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { can } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { causesRegion } from "./causes-access";
import { findFactors } from "./factor.repo";
import {
  findCurrentWorkbookVersion,
  findWorkbookVersions,
  insertWorkbookVersion,
  type WorkbookVersionRow,
} from "./workbook.repo";

function questionCount(workbook: Workbook): number {
  return workbook.sections.reduce((sum, section) => sum + section.questions.length, 0);
}

function summary(row: WorkbookVersionRow, responseCount: number): WorkbookVersionSummary {
  return {
    id: row.id,
    version: row.version,
    title: row.definition.title,
    note: row.note,
    questionCount: questionCount(row.definition),
    responseCount,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
  };
}

/** The region's current workbook version, or 404 when the region has none. */
export async function requireCurrentWorkbook(db: Db, regionId: number): Promise<WorkbookVersionRow> {
  const row = await findCurrentWorkbookVersion(db, regionId);
  if (!row) throw new AppError("not_found", "В регионе нет рабочей тетради по выявлению причин");
  return row;
}

/** The current version of the region's workbook with its questions, for anyone who reads school data. */
export async function getCurrentWorkbook({
  db,
  actor,
  regionId,
}: {
  db: Db;
  actor: Actor;
  regionId?: number;
}): Promise<CurrentWorkbook> {
  const region = causesRegion(actor, "school.read", regionId);
  const row = await requireCurrentWorkbook(db, region);
  const counted = (await findWorkbookVersions(db, region)).find((version) => version.id === row.id);
  return {
    ...summary(row, counted?.responseCount ?? 0),
    definition: row.definition,
    permissions: { canManage: can(actor, "causes.manage") },
  };
}

/** Every version of the region's workbook, newest first, with how many answers each holds. */
export async function listWorkbookVersions({
  db,
  actor,
  regionId,
}: {
  db: Db;
  actor: Actor;
  regionId?: number;
}): Promise<WorkbookVersionSummary[]> {
  const region = causesRegion(actor, "school.read", regionId);
  const rows = await findWorkbookVersions(db, region);
  return rows.map((row) => summary(row, row.responseCount));
}

function refuse(issues: WorkbookIssue[]): AppError {
  const [first] = issues;
  const more = issues.length > 1 ? ` (и ещё ${issues.length - 1})` : "";
  const message = first
    ? `Тетрадь не сохранена: ${first.path} — ${first.message}${more}`
    : "Тетрадь не сохранена";
  return new AppError(
    "invalid_input",
    message,
    issues.map((issue) => ({ path: issue.path, message: `${issue.path}: ${issue.message}` })),
  );
}

function retiredIssues(workbook: Workbook, retired: ReadonlySet<string>): WorkbookIssue[] {
  return listQuestions(workbook).flatMap(({ number, question }) =>
    question.factorCodes
      .filter((code) => retired.has(code))
      .map((code) => ({ path: `Вопрос ${number}`, message: `фактор «${code}» выведен из употребления` })),
  );
}

/** JSON with every object's keys sorted: a stored jsonb document comes back with its keys reordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function sameContent(a: Workbook, b: Workbook): boolean {
  const content = (w: Workbook) => canonical({ t: w.title, d: w.description, s: w.sections });
  return content(a) === content(b);
}

/**
 * Saves an edit of the workbook as the region's next version (`causes.manage`), checked by
 * validateWorkbook against the region's factors; a retired factor may not be tied to a question.
 * The workbook keeps its code; answers given under older versions keep theirs.
 */
export async function saveWorkbookVersion({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { definition: unknown; note: string; regionId?: number };
}): Promise<CurrentWorkbook> {
  const regionId = causesRegion(actor, "causes.manage", input.regionId);
  const current = await findCurrentWorkbookVersion(db, regionId);
  const version = (current?.version ?? 0) + 1;
  const edit = input.definition;
  const candidate =
    typeof edit === "object" && edit !== null && !Array.isArray(edit)
      ? { ...edit, version, ...(current ? { code: current.definition.code } : {}) }
      : edit;
  const factors = await findFactors(db, regionId);
  const check = validateWorkbook(
    candidate,
    factors.map((factor) => factor.code),
  );
  if (!check.ok) throw refuse(check.issues);
  const retired = retiredIssues(
    check.workbook,
    new Set(factors.filter((f) => f.isRetired).map((f) => f.code)),
  );
  if (retired.length > 0) throw refuse(retired);
  if (current && sameContent(current.definition, check.workbook)) {
    throw new AppError("invalid_input", "Тетрадь не изменилась: новая версия не создана");
  }
  await db.transaction(async (tx) => {
    const id = await insertWorkbookVersion(tx, {
      regionId,
      version,
      definition: check.workbook,
      note: input.note,
      createdBy: actor.userId || null,
    });
    if (id === undefined) {
      throw new AppError("conflict", "Тетрадь только что изменил другой пользователь: обновите страницу");
    }
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "workbook_version",
      entityId: id,
      before: current ? { version: current.version } : null,
      after: { version, note: input.note, definition: check.workbook },
      regionId,
    });
  });
  return getCurrentWorkbook({ db, actor, regionId });
}
