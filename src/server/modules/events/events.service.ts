import {
  EVENT_LEVEL_LABELS,
  eventsByLevelAndMonth,
  participantsText,
  readEventKind,
  readEventLevel,
} from "../../../core/events";
import {
  type EventInput,
  type EventItem,
  type EventList,
  type EventPatch,
  type EventQuery,
  eventInputSchema,
  type TableImportResult,
} from "../../../shared/events-api";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { REGION_WIDE_ROLES } from "../access/access.policy";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import {
  type FieldSpec,
  importTable,
  type RowRead,
  readCount,
  readDate,
  readList,
} from "../courses/table-import";
import { canEditEvent, eventLevelsFor, eventVisibility, manageEventsRegion } from "./events.policy";
import {
  deleteEventRow,
  type EventRow,
  type EventValues,
  findEventRow,
  findEventSchools,
  findEvents,
  findMunicipalityIds,
  findSchoolIdsByCode,
  findSchoolsInScope,
  insertEvents,
  updateEventRow,
} from "./events.repo";

function toItem(actor: Actor, row: EventRow, schools: EventItem["schools"]): EventItem {
  return {
    id: row.id,
    kind: row.kind,
    level: row.level,
    heldOn: row.heldOn,
    topic: row.topic,
    organiser: row.organiser,
    municipalityId: row.municipalityId,
    municipalityName: row.municipalityName,
    teachersCount: row.teachersCount,
    headsCount: row.headsCount,
    studentsCount: row.studentsCount,
    municipalitiesCount: row.municipalitiesCount,
    participants: participantsText({
      teachers: row.teachersCount,
      heads: row.headsCount,
      students: row.studentsCount,
      municipalities: row.municipalitiesCount,
    }),
    description: row.description,
    schoolCount: row.schoolCount,
    schools,
    canEdit: canEditEvent(actor, row),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function itemsOf(db: Db, actor: Actor, rows: EventRow[]): Promise<EventItem[]> {
  const schools = await findEventSchools(
    db,
    rows.map((r) => r.id),
    schoolScope(actor),
  );
  return rows.map((row) => toItem(actor, row, schools.get(row.id) ?? []));
}

/** The events the actor sees, filtered, with the chart of events by level and month. */
export async function listEvents({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: EventQuery;
}): Promise<EventList> {
  const v = eventVisibility(actor, query.regionId);
  const rows = await findEvents(db, v, query);
  const levels = eventLevelsFor(actor);
  return {
    items: await itemsOf(db, actor, rows),
    byLevelAndMonth: eventsByLevelAndMonth(rows),
    permissions: { canManage: levels.length > 0, levels },
  };
}

async function eventInScope(db: Db, actor: Actor, id: number, regionId?: number): Promise<EventItem> {
  const v = eventVisibility(actor, regionId);
  const [row] = await findEvents(db, v, { id });
  if (!row) throw notFound("Мероприятие");
  const [item] = await itemsOf(db, actor, [row]);
  if (!item) throw notFound("Мероприятие");
  return item;
}

/** One event the actor sees. */
export async function getEvent({
  db,
  actor,
  id,
  regionId,
}: {
  db: Db;
  actor: Actor;
  id: number;
  regionId?: number;
}) {
  return eventInScope(db, actor, id, regionId);
}

/**
 * Checks an event before it is written: its level one the actor keeps, its keeper the actor's
 * municipality for a МОЦ (a region's municipality, or none, for the region), its schools in the
 * actor's scope. Returns the values to store.
 */
async function checkEvent(
  db: Db,
  actor: Actor,
  regionId: number,
  input: EventInput,
): Promise<EventValues & { schoolIds: number[] }> {
  const levels = eventLevelsFor(actor);
  if (!levels.includes(input.level)) {
    throw new AppError(
      "forbidden",
      `МОЦ ведёт мероприятия муниципального и школьного уровня, а не «${EVENT_LEVEL_LABELS[input.level].toLowerCase()}»`,
    );
  }
  let municipalityId = input.municipalityId ?? null;
  if (!REGION_WIDE_ROLES.includes(actor.role)) {
    if (municipalityId !== null && municipalityId !== actor.municipalityId) throw notFound("Муниципалитет");
    municipalityId = actor.municipalityId;
  } else if (municipalityId !== null) {
    const known = new Set((await findMunicipalityIds(db, regionId)).values());
    if (!known.has(municipalityId)) throw notFound("Муниципалитет");
  }
  const schoolIds = [...new Set(input.schoolIds)].sort((a, b) => a - b);
  const found = await findSchoolsInScope(db, regionId, schoolScope(actor), schoolIds);
  if (found.length !== schoolIds.length) throw notFound("Школа");
  const { schoolIds: _, municipalityId: __, ...rest } = input;
  return { ...rest, municipalityId, schoolIds };
}

/** Adds an event (events.manage: the region at any level, a МОЦ municipal and school ones of its own). */
export async function createEvent({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: EventInput & { regionId?: number };
}): Promise<EventItem> {
  const regionId = manageEventsRegion(actor);
  const { regionId: _, ...fields } = input;
  const values = await checkEvent(db, actor, regionId, fields);
  const id = await db.transaction(async (tx) => {
    const [created] = await insertEvents(tx, regionId, [values], actor.userId || null);
    if (created === undefined) throw new AppError("conflict", "Мероприятие не сохранено");
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "event",
      entityId: created,
      after: values,
      regionId,
    });
    return created;
  });
  return eventInScope(db, actor, id);
}

async function editable(db: Db, actor: Actor, regionId: number, id: number) {
  await eventInScope(db, actor, id);
  const before = await findEventRow(db, regionId, id);
  if (!before) throw notFound("Мероприятие");
  if (!canEditEvent(actor, before))
    throw new AppError(
      "forbidden",
      "Это мероприятие ведёт не ваш МОЦ, а региональный оператор или другой МОЦ",
    );
  return before;
}

/** Edits an event the actor keeps (schools replaced when given). */
export async function updateEvent({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: EventPatch;
}): Promise<EventItem> {
  const regionId = manageEventsRegion(actor);
  const before = await editable(db, actor, regionId, id);
  const { id: _i, regionId: _r, createdBy: _c, createdAt: _a, updatedAt: _u, ...was } = before;
  const merged = eventInputSchema.parse({ ...was, ...input });
  const values = await checkEvent(db, actor, regionId, merged);
  await db.transaction(async (tx) => {
    const { schoolIds, ...row } = values;
    await updateEventRow(tx, id, row, schoolIds);
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "event",
      entityId: id,
      before: was,
      after: values,
      regionId,
    });
  });
  return eventInScope(db, actor, id);
}

/** Deletes an event the actor keeps. */
export async function deleteEvent({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<{ ok: true }> {
  const regionId = manageEventsRegion(actor);
  const before = await editable(db, actor, regionId, id);
  await db.transaction(async (tx) => {
    await deleteEventRow(tx, id);
    await recordAudit(tx, { actor, action: "delete", entity: "event", entityId: id, before, regionId });
  });
  return { ok: true };
}

type EventField =
  | "kind"
  | "level"
  | "heldOn"
  | "topic"
  | "organiser"
  | "schools"
  | "teachers"
  | "heads"
  | "students"
  | "municipalities"
  | "keeper";

/** The columns of an events table. */
export const EVENT_FIELDS: readonly FieldSpec<EventField>[] = [
  { field: "kind", label: "Вид", aliases: ["Форма", "Вид мероприятия", "Тип"], required: true },
  { field: "level", label: "Уровень", aliases: ["Уровень мероприятия"], required: true },
  { field: "heldOn", label: "Дата", aliases: ["Дата проведения"], required: true },
  {
    field: "topic",
    label: "Тема",
    aliases: ["Название", "Наименование", "Тема мероприятия"],
    required: true,
  },
  { field: "organiser", label: "Организатор", aliases: ["Кто проводит", "Ответственный"], required: false },
  {
    field: "schools",
    label: "Коды школ",
    aliases: ["Школы", "Участники (коды ОО)", "Коды ОО"],
    required: false,
  },
  { field: "teachers", label: "Педагогов", aliases: ["Педагоги", "Количество педагогов"], required: false },
  {
    field: "heads",
    label: "Руководителей",
    aliases: ["Руководители", "Количество руководителей"],
    required: false,
  },
  {
    field: "students",
    label: "Обучающихся",
    aliases: ["Обучающиеся", "Количество обучающихся"],
    required: false,
  },
  {
    field: "municipalities",
    label: "Районов",
    aliases: ["Муниципалитетов", "Количество районов"],
    required: false,
  },
  { field: "keeper", label: "Муниципалитет", aliases: ["Район", "МОЦ"], required: false },
];

type EventRecord = Omit<EventValues, "municipalityId"> & { schoolCodes: string[]; keeper: string };

function readEventRow(cells: Record<EventField, string>): RowRead<EventRecord, EventField> {
  const problems: { field: EventField; message: string }[] = [];
  const kind = readEventKind(cells.kind);
  if (kind === null) problems.push({ field: "kind", message: `неизвестный вид мероприятия «${cells.kind}»` });
  const level = readEventLevel(cells.level);
  if (level === null)
    problems.push({
      field: "level",
      message: `неизвестный уровень «${cells.level}» (федеральный, региональный, муниципальный, школьный)`,
    });
  const heldOn = readDate(cells.heldOn);
  if (heldOn === null) problems.push({ field: "heldOn", message: `не дата: «${cells.heldOn}»` });
  if (cells.topic === "") problems.push({ field: "topic", message: "укажите тему" });
  const count = (field: "teachers" | "heads" | "students" | "municipalities") => {
    if (cells[field] === "") return 0;
    const value = readCount(cells[field]);
    if (value === null)
      problems.push({ field, message: `ожидается целое число не меньше нуля, а не «${cells[field]}»` });
    return value ?? 0;
  };
  const numbers = {
    teachersCount: count("teachers"),
    headsCount: count("heads"),
    studentsCount: count("students"),
    municipalitiesCount: count("municipalities"),
  };
  if (problems.length > 0 || kind === null || level === null || heldOn === null) return { problems };
  return {
    record: {
      kind,
      level,
      heldOn,
      topic: cells.topic,
      organiser: cells.organiser,
      description: "",
      ...numbers,
      schoolCodes: [...new Set(readList(cells.schools))],
      keeper: cells.keeper,
    },
  };
}

/**
 * Imports events from XLSX or CSV: kind, level, date, topic, organiser, the participating schools by
 * code, the numbers of people and, for the region, the municipality that keeps an event. A МОЦ's
 * events are its municipality's, of municipal or school level, with its own schools. All or
 * nothing, with a dry run; one audit entry.
 */
export async function importEvents({
  db,
  actor,
  file,
  mapping,
  dryRun,
}: {
  db: Db;
  actor: Actor;
  file: { path: string; fileName: string };
  mapping?: string;
  dryRun: boolean;
}): Promise<TableImportResult> {
  const regionId = manageEventsRegion(actor);
  const levels = eventLevelsFor(actor);
  const regionWide = REGION_WIDE_ROLES.includes(actor.role);
  const ready: (EventValues & { schoolIds: number[] })[] = [];
  return importTable({
    file,
    fields: EVENT_FIELDS,
    mapping,
    dryRun,
    readRow: readEventRow,
    check: async (records, addIssue) => {
      const codes = [...new Set(records.flatMap((r) => r.record.schoolCodes))];
      const schoolIds = await findSchoolIdsByCode(db, regionId, schoolScope(actor), codes);
      const keepers = await findMunicipalityIds(db, regionId);
      for (const { row, record } of records) {
        if (!levels.includes(record.level))
          addIssue(row, "level", "МОЦ загружает мероприятия только муниципального и школьного уровня");
        let municipalityId: number | null = regionWide ? null : actor.municipalityId;
        if (record.keeper !== "") {
          const found = keepers.get(record.keeper.trim().toLowerCase());
          if (found === undefined) addIssue(row, "keeper", `муниципалитета «${record.keeper}» нет в регионе`);
          else if (!regionWide && found !== actor.municipalityId)
            addIssue(row, "keeper", `«${record.keeper}» — не ваш муниципалитет`);
          else municipalityId = found;
        }
        const ids: number[] = [];
        for (const code of record.schoolCodes) {
          const id = schoolIds.get(code.toLowerCase());
          if (id === undefined)
            addIssue(row, "schools", `школы с кодом «${code}» нет (или она вне вашей зоны)`);
          else ids.push(id);
        }
        const { schoolCodes: _, keeper: __, ...values } = record;
        ready.push({ ...values, municipalityId, schoolIds: ids });
      }
    },
    apply: () =>
      db.transaction(async (tx) => {
        const ids = await insertEvents(tx, regionId, ready, actor.userId || null);
        await recordAudit(tx, {
          actor,
          action: "import",
          entity: "event",
          regionId,
          after: { file: file.fileName, rows: ready.length, created: ids.length },
        });
        return { created: ids.length, updated: 0 };
      }),
  });
}
