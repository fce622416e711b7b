import { readCourseFormat } from "../../../core/events";
import {
  PROFESSIONAL_BLOCK_LABELS,
  PROFESSIONAL_BLOCKS,
  type ProfessionalBlock,
} from "../../../core/teachers";
import {
  type CourseDetail,
  type CourseInput,
  type CourseItem,
  type CourseList,
  type CoursePatch,
  type CourseQuery,
  courseInputSchema,
  type TableImportResult,
} from "../../../shared/events-api";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { coursePermissions, manageRegion, readRegion } from "./courses.policy";
import {
  type CourseRow,
  type CourseValues,
  deleteCourseRow,
  findCourseRow,
  findCourses,
  findEnrolments,
  insertCourses,
  updateCourseRow,
} from "./courses.repo";
import { type FieldSpec, importTable, type RowRead, readDate, readList } from "./table-import";

function toItem(row: CourseRow): CourseItem {
  return {
    id: row.id,
    title: row.title,
    hours: row.hours,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    provider: row.provider,
    format: row.format,
    blocks: row.blocks,
    subjects: row.subjects,
    description: row.description,
    enrolled: row.enrolled,
    completed: row.completed,
    dropped: row.dropped,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The region's catalogue, filtered; counts of the enrolments of the teachers the actor sees. */
export async function listCourses({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: CourseQuery;
}): Promise<CourseList> {
  const regionId = readRegion(actor, query.regionId);
  const rows = await findCourses(db, regionId, schoolScope(actor), query);
  return { items: rows.map(toItem), permissions: coursePermissions(actor) };
}

async function courseInScope(db: Db, actor: Actor, regionId: number, id: number): Promise<CourseRow> {
  const [row] = await findCourses(db, regionId, schoolScope(actor), { id });
  if (!row) throw notFound("Курс");
  return row;
}

/** A course's card: the course and the enrolments of the teachers the actor sees. */
export async function getCourse({
  db,
  actor,
  id,
  regionId,
}: {
  db: Db;
  actor: Actor;
  id: number;
  regionId?: number;
}): Promise<CourseDetail> {
  const region = readRegion(actor, regionId);
  const course = await courseInScope(db, actor, region, id);
  const enrolments = await findEnrolments(db, region, schoolScope(actor), { courseId: id });
  return { course: toItem(course), enrolments, permissions: coursePermissions(actor) };
}

function checkDates(values: Pick<CourseValues, "startsOn" | "endsOn">): void {
  if (values.startsOn && values.endsOn && values.endsOn < values.startsOn) {
    const message = "Дата окончания раньше даты начала";
    throw new AppError("invalid_input", message, [{ path: "endsOn", message }]);
  }
}

function normalise(input: CourseInput): CourseValues {
  return {
    ...input,
    blocks: [...new Set(input.blocks)],
    subjects: [...new Set(input.subjects.map((s) => s.toLowerCase()))],
  };
}

/** Adds a course to the region's catalogue (the regional operator). */
export async function createCourse({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: CourseInput & { regionId?: number };
}): Promise<CourseItem> {
  const regionId = manageRegion(actor, input.regionId);
  const { regionId: _, ...fields } = input;
  const values = normalise(fields);
  checkDates(values);
  return db.transaction(async (tx) => {
    const [id] = await insertCourses(tx, regionId, [values], actor.userId || null);
    if (id === undefined) throw new AppError("conflict", "Курс не сохранён");
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "course",
      entityId: id,
      after: values,
      regionId,
    });
    return toItem(await courseInScope(tx, actor, regionId, id));
  });
}

/** Edits a course of the region's catalogue. */
export async function updateCourse({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: CoursePatch;
}): Promise<CourseItem> {
  const regionId = manageRegion(actor);
  const before = await findCourseRow(db, regionId, id);
  if (!before) throw notFound("Курс");
  const { id: _id, regionId: _r, createdBy: _c, createdAt: _a, updatedAt: _u, ...was } = before;
  const values = normalise(courseInputSchema.parse({ ...was, ...input }));
  checkDates(values);
  return db.transaction(async (tx) => {
    await updateCourseRow(tx, id, values);
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "course",
      entityId: id,
      before: was,
      after: values,
      regionId,
    });
    return toItem(await courseInScope(tx, actor, regionId, id));
  });
}

/** Deletes a course with its enrolments. */
export async function deleteCourse({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<{ ok: true }> {
  const regionId = manageRegion(actor);
  const before = await findCourseRow(db, regionId, id);
  if (!before) throw notFound("Курс");
  await db.transaction(async (tx) => {
    await deleteCourseRow(tx, id);
    await recordAudit(tx, { actor, action: "delete", entity: "course", entityId: id, before, regionId });
  });
  return { ok: true };
}

type CourseField =
  | "title"
  | "hours"
  | "startsOn"
  | "endsOn"
  | "provider"
  | "format"
  | "blocks"
  | "subjects"
  | "description";

/** The columns of a course table: the field, its Russian header and the other headers it is found under. */
export const COURSE_FIELDS: readonly FieldSpec<CourseField>[] = [
  {
    field: "title",
    label: "Название",
    aliases: ["Название курса", "Наименование", "Наименование программы", "Курс"],
    required: true,
  },
  {
    field: "hours",
    label: "Часы",
    aliases: ["Количество часов", "Объём", "Объем часов", "Часов"],
    required: true,
  },
  { field: "startsOn", label: "Начало", aliases: ["Дата начала", "С"], required: false },
  { field: "endsOn", label: "Окончание", aliases: ["Дата окончания", "По"], required: false },
  {
    field: "provider",
    label: "Организатор",
    aliases: ["Провайдер", "Организация", "Кто проводит"],
    required: false,
  },
  { field: "format", label: "Формат", aliases: ["Форма обучения", "Форма"], required: false },
  {
    field: "blocks",
    label: "Компетенции",
    aliases: ["Блоки", "Блоки профстандарта", "Дефициты"],
    required: false,
  },
  { field: "subjects", label: "Предметы", aliases: ["Предмет"], required: false },
  { field: "description", label: "Описание", aliases: ["Аннотация"], required: false },
];

const blockWords = new Map<string, ProfessionalBlock>();
for (const block of PROFESSIONAL_BLOCKS) {
  const label = PROFESSIONAL_BLOCK_LABELS[block].toLowerCase();
  blockWords.set(block, block);
  blockWords.set(label, block);
  blockWords.set(label.split(" ")[0] ?? label, block);
}
blockWords.set("предметная", "subject");
blockWords.set("методическая", "methodical");
blockWords.set("психолого-педагогическая", "psychological");
blockWords.set("оценочная", "assessment");
blockWords.set("оценка", "assessment");
blockWords.set("цифровая", "digital");
blockWords.set("нормативно-правовая", "normative");

/** Reads a block of the professional standard by its code or Russian name (or its first word). */
export function readBlock(text: string): ProfessionalBlock | null {
  const word = text.trim().toLowerCase().replace(/ё/g, "е");
  return blockWords.get(word) ?? blockWords.get(word.split(/\s+/)[0] ?? word) ?? null;
}

/** Reads one row of a course table. */
export function readCourseRow(cells: Record<CourseField, string>): RowRead<CourseValues, CourseField> {
  const problems: { field: CourseField; message: string }[] = [];
  const hours = Number(cells.hours.replace(",", "."));
  if (cells.title === "") problems.push({ field: "title", message: "укажите название курса" });
  if (!Number.isInteger(hours) || hours <= 0)
    problems.push({ field: "hours", message: `часы — целое число больше нуля, а не «${cells.hours}»` });
  const date = (field: "startsOn" | "endsOn") => {
    if (cells[field] === "") return null;
    const value = readDate(cells[field]);
    if (value === null)
      problems.push({ field, message: `не дата: «${cells[field]}» (ожидается ДД.ММ.ГГГГ)` });
    return value;
  };
  const startsOn = date("startsOn");
  const endsOn = date("endsOn");
  if (startsOn && endsOn && endsOn < startsOn)
    problems.push({ field: "endsOn", message: "окончание раньше начала" });
  const format = cells.format === "" ? "in_person" : readCourseFormat(cells.format);
  if (format === null)
    problems.push({
      field: "format",
      message: `неизвестный формат «${cells.format}» (очно, дистанционно, очно-заочно)`,
    });
  const blocks: ProfessionalBlock[] = [];
  for (const word of readList(cells.blocks)) {
    const block = readBlock(word);
    if (block === null) problems.push({ field: "blocks", message: `неизвестная компетенция «${word}»` });
    else if (!blocks.includes(block)) blocks.push(block);
  }
  if (problems.length > 0 || format === null) return { problems };
  return {
    record: {
      title: cells.title,
      hours,
      startsOn,
      endsOn,
      provider: cells.provider,
      format,
      blocks,
      subjects: [...new Set(readList(cells.subjects).map((s) => s.toLowerCase()))],
      description: cells.description,
    },
  };
}

/**
 * Imports courses into the region's catalogue from XLSX or CSV (the regional operator): every row
 * a new course; all or nothing, with a dry run; one audit entry.
 */
export async function importCourses({
  db,
  actor,
  file,
  mapping,
  dryRun,
  regionId: wanted,
}: {
  db: Db;
  actor: Actor;
  file: { path: string; fileName: string };
  mapping?: string;
  dryRun: boolean;
  regionId?: number;
}): Promise<TableImportResult> {
  const regionId = manageRegion(actor, wanted);
  return importTable({
    file,
    fields: COURSE_FIELDS,
    mapping,
    dryRun,
    readRow: readCourseRow,
    apply: (records) =>
      db.transaction(async (tx) => {
        const ids = await insertCourses(tx, regionId, records, actor.userId || null);
        await recordAudit(tx, {
          actor,
          action: "import",
          entity: "course",
          regionId,
          after: { file: file.fileName, rows: records.length, created: ids.length },
        });
        return { created: ids.length, updated: 0 };
      }),
  });
}
