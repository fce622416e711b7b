import ExcelJS from "exceljs";
import { teachers } from "../../src/server/db/schema";
import type { Db } from "../../src/server/platform/db";
import type { Client } from "../support/http";
import { multipart } from "./import-http";

/** Fixture teachers of a school (the teachers helper owns the registry; these are plain rows). */
export async function buildTeachers(
  db: Db,
  schoolId: number,
  names: string[],
  position: "teacher" | "director" = "teacher",
) {
  return db
    .insert(teachers)
    .values(names.map((fullName) => ({ schoolId, fullName, position, subjects: ["математика"] })))
    .returning({ id: teachers.id, fullName: teachers.fullName });
}

/** An XLSX workbook of one sheet: a header row and data rows. */
export async function xlsx(rows: (string | number | Date)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Лист1");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Posts a table to an import route (a dry run unless told), the parsed answer and status. */
export async function postTable(
  client: Client,
  url: string,
  content: Buffer | string,
  opts: { dryRun?: boolean; mapping?: Record<string, string>; fileName?: string } = {},
) {
  const query = new URLSearchParams({ dryRun: String(opts.dryRun ?? true) });
  if (opts.mapping) query.set("mapping", JSON.stringify(opts.mapping));
  const res = await client.request({
    method: "POST",
    url: `${url}?${query}`,
    ...multipart(opts.fileName ?? "table.xlsx", content),
  });
  return { status: res.statusCode, body: res.json() };
}
