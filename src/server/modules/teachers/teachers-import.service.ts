import { type BlockScores, schoolYearOf } from "../../../core/teachers";
import type { AuditEntity } from "../../../shared/audit-codes";
import type { TeacherImportResult } from "../../../shared/teachers-api";
import type { Db } from "../../platform/db";
import { AppError, type FieldIssue } from "../../platform/errors";
import { requirePermission, resolveActorRegionId } from "../access/access.policy";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { openTable } from "../import/parse/open-table";
import {
  findSchoolTeachers,
  findScopedSchoolsByCode,
  insertAssessments,
  insertTeachers,
  type TeacherRow,
  updateTeacherRow,
} from "./teachers.repo";
import {
  guessTeacherMapping,
  readCategory,
  readDate,
  readPosition,
  readScores,
  readSubjects,
  readYears,
  resolveTeacherColumns,
  type TeacherImportKind,
  type TeacherMapping,
} from "./teachers-import-rows";

/** The most rows a teachers file may hold. */
export const MAX_TEACHER_ROWS = 50_000;

type Row = { row: number; code: string; fullName: string; cells: string[] };
type RegistryWrite = {
  row: number;
  schoolId: number;
  existing: TeacherRow | undefined;
  values: Partial<TeacherRow> & { fullName: string };
};
type TestWrite = { teacherId: number; assessedOn: string; scores: BlockScores };

function cellOf(r: Row, index: Record<string, number>, mapping: TeacherMapping, field: string) {
  const i = index[field];
  const column = mapping[field];
  if (i === undefined || column === undefined) return undefined;
  return { text: r.cells[i] ?? "", column, row: r.row };
}

function planRegistry(
  rows: Row[],
  ctx: {
    index: Record<string, number>;
    mapping: TeacherMapping;
    decimalComma: boolean;
    schoolIds: Map<string, number>;
    existing: TeacherRow[];
  },
  issues: FieldIssue[],
): RegistryWrite[] {
  const writes: RegistryWrite[] = [];
  for (const r of rows) {
    const schoolId = ctx.schoolIds.get(r.code);
    if (schoolId === undefined) continue;
    const existing = ctx.existing.find(
      (t) => t.schoolId === schoolId && t.fullName.toLowerCase() === r.fullName.toLowerCase(),
    );
    const values: RegistryWrite["values"] = { fullName: r.fullName };
    const position = cellOf(r, ctx.index, ctx.mapping, "position");
    const category = cellOf(r, ctx.index, ctx.mapping, "category");
    const years = cellOf(r, ctx.index, ctx.mapping, "experienceYears");
    const subjects = cellOf(r, ctx.index, ctx.mapping, "subjects");
    const reads = [
      position && readPosition(position),
      category && readCategory(category),
      years && readYears(years, ctx.decimalComma),
    ];
    for (const read of reads) if (read && !read.ok) issues.push(read.issue);
    if (reads.some((read) => read && !read.ok)) continue;
    const [p, c, y] = reads;
    if (p?.ok) values.position = p.value as TeacherRow["position"];
    if (c?.ok) values.category = c.value as TeacherRow["category"];
    if (y?.ok) values.experienceYears = y.value as number;
    if (subjects) values.subjects = readSubjects(subjects.text);
    writes.push({ row: r.row, schoolId, existing, values });
  }
  return writes;
}

function planTests(
  rows: Row[],
  ctx: {
    index: Record<string, number>;
    mapping: TeacherMapping;
    decimalComma: boolean;
    schoolIds: Map<string, number>;
    existing: TeacherRow[];
  },
  issues: FieldIssue[],
): TestWrite[] {
  const writes: TestWrite[] = [];
  for (const r of rows) {
    const schoolId = ctx.schoolIds.get(r.code);
    if (schoolId === undefined) continue;
    const teacher = ctx.existing.find(
      (t) => t.schoolId === schoolId && t.fullName.toLowerCase() === r.fullName.toLowerCase(),
    );
    if (!teacher) {
      issues.push({
        row: r.row,
        column: ctx.mapping.fullName,
        message: `педагога «${r.fullName}» нет в реестре школы ${r.code}`,
      });
      continue;
    }
    const dateCell = cellOf(r, ctx.index, ctx.mapping, "date");
    const date = dateCell ? readDate(dateCell) : undefined;
    if (date && !date.ok) issues.push(date.issue);
    const { scores, issues: scoreIssues } = readScores(r.cells, { ...ctx, row: r.row });
    issues.push(...scoreIssues);
    if (date?.ok && scoreIssues.length === 0)
      writes.push({ teacherId: teacher.id, assessedOn: date.value, scores });
  }
  return writes;
}

async function readRows(
  table: AsyncIterable<{ rowNumber: number; cells: string[] }>,
  ctx: { index: Record<string, number>; mapping: TeacherMapping; kind: TeacherImportKind },
  issues: FieldIssue[],
): Promise<Row[]> {
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for await (const raw of table) {
    if (rows.length >= MAX_TEACHER_ROWS)
      throw new AppError("invalid_input", `В файле больше ${MAX_TEACHER_ROWS} строк — разделите его`);
    const code = raw.cells[ctx.index.schoolCode ?? -1] ?? "";
    const fullName = (raw.cells[ctx.index.fullName ?? -1] ?? "").replace(/\s+/g, " ").trim();
    if (code === "")
      issues.push({ row: raw.rowNumber, column: ctx.mapping.schoolCode, message: "не указан код школы" });
    if (fullName.length < 3)
      issues.push({
        row: raw.rowNumber,
        column: ctx.mapping.fullName,
        message: "не указаны фамилия, имя и отчество",
      });
    if (code === "" || fullName.length < 3) continue;
    if (ctx.kind === "registry") {
      const key = `${code}\u0000${fullName.toLowerCase()}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push({
          row: raw.rowNumber,
          column: ctx.mapping.fullName,
          message: `повтор: «${fullName}» этой школы уже есть в строке ${first}`,
        });
        continue;
      }
      seen.set(key, raw.rowNumber);
    }
    rows.push({ row: raw.rowNumber, code, fullName, cells: raw.cells });
  }
  return rows;
}

/**
 * Imports teachers from an XLSX or CSV file, all or nothing, with a dry run: the registry (a teacher
 * matched by school code and name is updated in the columns the mapping names, otherwise created) or
 * test results by block (school code, name, date, a score 0–100 per block; the teacher must be in the
 * registry). Schools are matched by code within the actor's scope — a school out of scope is «not
 * found», as in the school registry import. Every problem names its row and column, and then nothing
 * is written. One transaction and one audit entry.
 */
export async function importTeachers(input: {
  db: Db;
  actor: Actor;
  kind: TeacherImportKind;
  file: { path: string; fileName: string };
  mapping?: TeacherMapping;
  dryRun: boolean;
}): Promise<TeacherImportResult> {
  const { db, actor, kind } = input;
  requirePermission(actor, "teachers.write");
  const regionId = resolveActorRegionId(actor);
  const table = await openTable(input.file);
  try {
    const mapping = input.mapping ?? guessTeacherMapping(kind, table.header);
    const result: TeacherImportResult = {
      dryRun: input.dryRun,
      rows: 0,
      header: table.header,
      mapping,
      created: 0,
      updated: 0,
      assessments: 0,
      errors: [],
    };
    const columns = resolveTeacherColumns(kind, mapping, table.header);
    if (!columns.ok) return { ...result, errors: columns.issues };
    const issues: FieldIssue[] = [];
    const ctx = { index: columns.index, mapping, kind };
    const rows = await readRows(table, ctx, issues);
    result.rows = rows.length;
    if (rows.length === 0 && issues.length === 0)
      issues.push({ message: "В файле нет строк с данными — только строка заголовка." });
    const schoolIds = await findScopedSchoolsByCode(
      db,
      regionId,
      [...new Set(rows.map((r) => r.code))],
      schoolScope(actor),
    );
    for (const r of rows) {
      if (!schoolIds.has(r.code))
        issues.push({
          row: r.row,
          column: mapping.schoolCode,
          message: `школа с кодом «${r.code}» не найдена`,
        });
    }
    const existing = await findSchoolTeachers(db, [...new Set(schoolIds.values())]);
    const plan = { ...ctx, decimalComma: table.format.decimalComma ?? true, schoolIds, existing };
    const registry = kind === "registry" ? planRegistry(rows, plan, issues) : [];
    const tests = kind === "tests" ? planTests(rows, plan, issues) : [];
    if (issues.length > 0) return { ...result, errors: issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
    result.created = registry.filter((w) => !w.existing).length;
    result.updated = registry.filter((w) => w.existing).length;
    result.assessments = tests.length;
    if (!input.dryRun)
      await applyImport(db, {
        actor,
        regionId,
        kind,
        fileName: input.file.fileName,
        registry,
        tests,
        result,
      });
    return result;
  } finally {
    await table.close();
  }
}

/** The audit entity of each kind of import. */
const IMPORT_ENTITY: Record<TeacherImportKind, AuditEntity> = {
  registry: "teachers",
  tests: "deficit_assessment",
};

async function applyImport(
  db: Db,
  opts: {
    actor: Actor;
    regionId: number;
    kind: TeacherImportKind;
    fileName: string;
    registry: RegistryWrite[];
    tests: TestWrite[];
    result: TeacherImportResult;
  },
) {
  const userId = opts.actor.userId > 0 ? opts.actor.userId : null;
  await db.transaction(async (tx) => {
    const fresh = opts.registry.filter((w) => !w.existing);
    await insertTeachers(
      tx,
      fresh.map((w) => ({ ...w.values, schoolId: w.schoolId })),
    );
    for (const w of opts.registry) {
      if (w.existing) await updateTeacherRow(tx, w.existing.id, w.values);
    }
    await insertAssessments(
      tx,
      opts.tests.map((t) => ({
        ...t,
        year: schoolYearOf(t.assessedOn),
        source: "test" as const,
        createdBy: userId,
      })),
    );
    await recordAudit(tx, {
      actor: opts.actor,
      action: "import",
      entity: IMPORT_ENTITY[opts.kind],
      after: {
        fileName: opts.fileName,
        rows: opts.result.rows,
        created: opts.result.created,
        updated: opts.result.updated,
        assessments: opts.result.assessments,
      },
      regionId: opts.regionId,
    });
  });
}
