import {
  type BlockScores,
  PROFESSIONAL_BLOCK_LABELS,
  PROFESSIONAL_BLOCKS,
  type ProfessionalBlock,
} from "../../../core/teachers";
import type { FieldIssue } from "../../platform/errors";
import { parseNumber } from "../import/parse/parse-number";
import { normalizeHeaderName } from "../import/parse/table-header";

/** What a teachers file is: the registry, or test results by block. */
export type TeacherImportKind = "registry" | "tests";

/** The fields of each kind; the first ones are required (a test file needs at least one block column too). */
export const IMPORT_FIELDS = {
  registry: {
    required: ["schoolCode", "fullName"],
    optional: ["position", "subjects", "category", "experienceYears"],
  },
  tests: { required: ["schoolCode", "fullName", "date"], optional: [...PROFESSIONAL_BLOCKS] },
} as const;

const SYNONYMS: Record<string, readonly string[]> = {
  schoolCode: ["код оо", "код", "код школы", "school code"],
  fullName: ["фио", "ф и о", "педагог", "учитель", "фамилия имя отчество", "full name", "name"],
  position: ["должность", "position"],
  subjects: ["предметы", "предмет", "subjects", "subject name"],
  category: ["категория", "квалификационная категория", "category"],
  experienceYears: ["стаж", "педагогический стаж", "стаж лет", "experience"],
  date: ["дата", "дата диагностики", "дата тестирования", "date"],
  subject: ["предметная", "предметная компетентность", "предметный блок", "subject"],
  methodical: ["методическая", "методическая компетентность", "methodical"],
  psychological: ["психолого педагогическая", "психолого педагогическая компетентность", "psychological"],
  assessment: ["оценка образовательных результатов", "оценочная", "assessment"],
  digital: ["цифровая", "цифровая компетентность", "digital"],
  normative: ["нормативно правовая", "нормативно правовая компетентность", "normative"],
};

/** A mapping: field → header column name. */
export type TeacherMapping = Record<string, string>;

/** Proposes a mapping by the usual Russian and English column names (and the blocks' labels). */
export function guessTeacherMapping(kind: TeacherImportKind, header: readonly string[]): TeacherMapping {
  const fields = [...IMPORT_FIELDS[kind].required, ...IMPORT_FIELDS[kind].optional];
  const out: TeacherMapping = {};
  const used = new Set<string>();
  for (const field of fields) {
    const names = [...(SYNONYMS[field] ?? [])];
    if (field in PROFESSIONAL_BLOCK_LABELS)
      names.push(normalizeHeaderName(PROFESSIONAL_BLOCK_LABELS[field as ProfessionalBlock]));
    // in a test file «Предмет» is not a column of subjects, and the subject block is not «предмет»
    const found = header.find((h) => !used.has(h) && names.includes(normalizeHeaderName(h)));
    if (found !== undefined) {
      out[field] = found;
      used.add(found);
    }
  }
  return out;
}

/** Column indexes of a mapping in a header, or the problems (a required field unmapped, a column missing). */
export function resolveTeacherColumns(
  kind: TeacherImportKind,
  mapping: TeacherMapping,
  header: readonly string[],
): { ok: true; index: Record<string, number> } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const index: Record<string, number> = {};
  const known = new Set<string>([...IMPORT_FIELDS[kind].required, ...IMPORT_FIELDS[kind].optional]);
  for (const field of IMPORT_FIELDS[kind].required) {
    if (!mapping[field])
      issues.push({ path: field, message: `Не указан столбец поля «${FIELD_LABELS[field] ?? field}»` });
  }
  for (const [field, column] of Object.entries(mapping)) {
    if (!known.has(field)) {
      issues.push({ path: field, message: `Неизвестное поле «${field}»` });
      continue;
    }
    const i = header.indexOf(column);
    if (i < 0) issues.push({ column, message: `В файле нет столбца «${column}»` });
    else index[field] = i;
  }
  if (kind === "tests" && !PROFESSIONAL_BLOCKS.some((b) => mapping[b])) {
    issues.push({ message: "Укажите столбец хотя бы одного блока профстандарта с баллами" });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, index };
}

/** Russian names of the fields, for messages. */
export const FIELD_LABELS: Record<string, string> = {
  schoolCode: "Код ОО",
  fullName: "ФИО",
  position: "Должность",
  subjects: "Предметы",
  category: "Категория",
  experienceYears: "Стаж",
  date: "Дата",
  ...PROFESSIONAL_BLOCK_LABELS,
};

const POSITIONS: Record<string, "teacher" | "director" | "deputy"> = {
  учитель: "teacher",
  педагог: "teacher",
  teacher: "teacher",
  директор: "director",
  director: "director",
  заместитель: "deputy",
  "заместитель директора": "deputy",
  "зам директора": "deputy",
  завуч: "deputy",
  deputy: "deputy",
};

const CATEGORIES: Record<string, "none" | "first" | "highest"> = {
  "": "none",
  нет: "none",
  "без категории": "none",
  соответствие: "none",
  "соответствие занимаемой должности": "none",
  none: "none",
  первая: "first",
  first: "first",
  высшая: "highest",
  highest: "highest",
};

type Cell = { text: string; column: string; row: number };
type Read<T> = { ok: true; value: T } | { ok: false; issue: FieldIssue };
const bad = (c: Cell, message: string): Read<never> => ({
  ok: false,
  issue: { row: c.row, column: c.column, message },
});

/** A position word («учитель», «директор», «заместитель директора»); empty is a teacher. */
export function readPosition(c: Cell): Read<"teacher" | "director" | "deputy"> {
  const value = c.text === "" ? "teacher" : POSITIONS[normalizeHeaderName(c.text)];
  return value
    ? { ok: true, value }
    : bad(c, `должность «${c.text}» не распознана: учитель, директор или заместитель директора`);
}

/** A qualification category («высшая», «первая», empty or «без категории»). */
export function readCategory(c: Cell): Read<"none" | "first" | "highest"> {
  const value = CATEGORIES[normalizeHeaderName(c.text)];
  return value
    ? { ok: true, value }
    : bad(c, `категория «${c.text}» не распознана: высшая, первая или без категории`);
}

/** Whole years of experience, 0–70. */
export function readYears(c: Cell, decimalComma: boolean): Read<number> {
  if (c.text === "") return { ok: true, value: 0 };
  const n = parseNumber(c.text, { decimalComma });
  if (!n.ok) return bad(c, `стаж: ${n.message}`);
  if (!Number.isInteger(n.value) || n.value < 0 || n.value > 70)
    return bad(c, "стаж — целое число лет от 0 до 70");
  return { ok: true, value: n.value };
}

/** Subjects separated by commas or semicolons, lower-cased as the catalogue words them. */
export function readSubjects(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== "");
}

/** A date as ГГГГ-ММ-ДД or ДД.ММ.ГГГГ, returned as ГГГГ-ММ-ДД. */
export function readDate(c: Cell): Read<string> {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(c.text);
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(c.text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : ru ? [ru[3], ru[2], ru[1]] : [];
  if (!y || !m || !d) return bad(c, `дата «${c.text}» не распознана: ДД.ММ.ГГГГ или ГГГГ-ММ-ДД`);
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d))
    return bad(c, `такой даты нет: «${c.text}»`);
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

/** The block scores of a test row: 0–100 per mapped block; an empty cell leaves the block out. */
export function readScores(
  cells: readonly string[],
  ctx: { index: Record<string, number>; mapping: TeacherMapping; row: number; decimalComma: boolean },
): { scores: BlockScores; issues: FieldIssue[] } {
  const scores: BlockScores = {};
  const issues: FieldIssue[] = [];
  for (const block of PROFESSIONAL_BLOCKS) {
    const i = ctx.index[block];
    const column = ctx.mapping[block];
    if (i === undefined || column === undefined) continue;
    const text = cells[i] ?? "";
    if (text === "") continue;
    const n = parseNumber(text, { decimalComma: ctx.decimalComma });
    if (!n.ok) issues.push({ row: ctx.row, column, message: `балл: ${n.message}` });
    else if (n.value < 0 || n.value > 100)
      issues.push({ row: ctx.row, column, message: "балл — от 0 до 100" });
    else scores[block] = n.value;
  }
  if (issues.length === 0 && Object.keys(scores).length === 0) {
    issues.push({ row: ctx.row, message: "в строке нет ни одного балла по блокам" });
  }
  return { scores, issues };
}
