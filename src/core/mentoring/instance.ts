import { z } from "zod";
import { blockScoresSchema } from "../teachers";

/**
 * The JSON an instance of the matching is read from (`opora mentors match --in instance.json`):
 *
 * ```json
 * {
 *   "teachers": [{ "id": "t1", "name": "Иванова А. П.", "subjects": ["математика"],
 *                  "municipality": "Вяземский район", "lat": 55.21, "lon": 34.29,
 *                  "scores": { "assessment": 42, "digital": 65 } }],
 *   "mentors":  [{ "id": "m1", "name": "Петрова Е. В.", "subjects": ["математика"],
 *                  "municipality": "Вяземский район", "lat": 55.3, "lon": 34.4,
 *                  "strengths": { "assessment": 88 }, "capacity": 2, "load": 0 }],
 *   "weights": { "subject": 15 }
 * }
 * ```
 *
 * `scores` — a teacher's latest diagnosis by block (0–100; a block left out was not assessed);
 * `strengths` — a mentor's strong blocks (0–100); `capacity` — mentees at once, `load` — mentees
 * the mentor already has (they take capacity and count in the load penalty); `lat`/`lon` optional
 * (without both, distance is not scored); `weights` optional, overriding MATCH_WEIGHTS by name.
 * Ids are strings or numbers and unique within their list.
 */
const id = z.union([z.string().min(1, "Пустой идентификатор"), z.number().int()]);
const subjects = z.array(z.string().min(1)).default([]);
const coordinate = (min: number, max: number) => z.number().min(min).max(max).nullable().optional();

export const matchTeacherSchema = z.object({
  id,
  name: z.string().min(1, "Укажите имя"),
  subjects,
  municipality: z.string().min(1, "Укажите район (муниципалитет)"),
  lat: coordinate(-90, 90),
  lon: coordinate(-180, 180),
  scores: blockScoresSchema,
});

export const matchMentorSchema = z.object({
  id,
  name: z.string().min(1, "Укажите имя"),
  subjects,
  municipality: z.string().min(1, "Укажите район (муниципалитет)"),
  lat: coordinate(-90, 90),
  lon: coordinate(-180, 180),
  strengths: blockScoresSchema,
  capacity: z
    .number()
    .int("Ёмкость — целое число")
    .min(0, "Ёмкость — не меньше 0")
    .max(50, "Ёмкость — не больше 50"),
  load: z.number().int().min(0).default(0),
});

export const matchWeightsSchema = z
  .object({
    masteredLevel: z.number().min(1).max(100),
    strengthLevel: z.number().min(0).max(100),
    block: z.number().min(0),
    subject: z.number().min(0),
    sameMunicipality: z.number().min(0),
    distance: z.number().min(0),
    nearbyKm: z.number().positive(),
    farKm: z.number().positive(),
    load: z.number().min(0),
  })
  .partial()
  .strict();

function uniqueIds(list: { id: string | number }[], ctx: z.RefinementCtx, key: string) {
  const seen = new Set<string>();
  list.forEach((item, index) => {
    const k = String(item.id);
    if (seen.has(k))
      ctx.addIssue({ code: "custom", path: [key, index, "id"], message: `Повторяется идентификатор «${k}»` });
    seen.add(k);
  });
}

export const matchInstanceSchema = z
  .object({
    teachers: z.array(matchTeacherSchema),
    mentors: z.array(matchMentorSchema),
    weights: matchWeightsSchema.optional(),
  })
  .superRefine((value, ctx) => {
    uniqueIds(value.teachers, ctx, "teachers");
    uniqueIds(value.mentors, ctx, "mentors");
  });

export type MatchTeacher = z.infer<typeof matchTeacherSchema>;
export type MatchMentor = z.input<typeof matchMentorSchema>;
export type MatchInstance = z.infer<typeof matchInstanceSchema>;

/** A JSON path as people read it: `teachers[3].scores.assessment`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || "(корень)";
}

/** Reads an instance: the parsed value, or Russian problems each with its JSON path. */
export function parseMatchInstance(
  input: unknown,
): { ok: true; instance: MatchInstance } | { ok: false; problems: string[] } {
  const parsed = matchInstanceSchema.safeParse(input);
  if (parsed.success) return { ok: true, instance: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`) };
}
