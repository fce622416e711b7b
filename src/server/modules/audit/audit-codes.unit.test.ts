import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from "../../../shared/audit-codes";
import ru from "../../../web/i18n/ru.json";

const SRC = path.resolve(import.meta.dirname, "../../..");
/** The calls that write the audit log; each takes an object with `action` and `entity`. */
const WRITERS = ["recordAudit", "recordImportAudit"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The text of the parenthesised arguments starting at `open` (the index of «(»). */
function argumentsAt(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/** The string literals of a property's value inside a call's arguments (a ternary gives two). */
function literalsOf(args: string, property: string): string[] | null {
  const match = new RegExp(`\\b${property}:\\s*([^,\\n}]+(?:\\n\\s*[?:][^,\\n}]+)*)`).exec(args);
  if (!match?.[1]) return null;
  return [...match[1].matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? "");
}

/**
 * Every audit write in the server's source with the action and entity codes it names: a call of
 * recordAudit (or of the imports' helper) with its `action:` and `entity:` literals. A value that is
 * not a literal (a map of form actions, the import helper's parameter) is typed by recordAudit's
 * own parameters, which accept only the codes of src/shared/audit-codes.ts.
 */
function auditWrites() {
  const writes: { file: string; actions: string[]; entities: string[] }[] = [];
  for (const file of sourceFiles(path.join(SRC, "server"))) {
    const text = readFileSync(file, "utf8");
    for (const writer of WRITERS) {
      for (const match of text.matchAll(new RegExp(`\\b${writer}\\(`, "g"))) {
        const args = argumentsAt(text, match.index + writer.length);
        // The declaration itself: `recordAudit(db: Db, e: {...})`.
        if (/^\s*\w+:\s*Db\b/.test(args)) continue;
        writes.push({
          file: path.relative(SRC, file),
          actions: literalsOf(args, "action") ?? [],
          entities: literalsOf(args, "entity") ?? [],
        });
      }
    }
  }
  return writes;
}

const cyrillic = /[А-ЯЁа-яё]/;

describe("audit log labels", () => {
  const writes = auditWrites();
  const used = (pick: (w: (typeof writes)[number]) => string[]) => new Set(writes.flatMap(pick));

  it("finds the audit writes of the server", () => {
    // Schools, staff, users, sign-in, indicators, identification, imports, forms, exports, demo.
    expect(writes.length).toBeGreaterThanOrEqual(20);
    expect(new Set(writes.map((w) => w.file.split(path.sep)[2])).size).toBeGreaterThanOrEqual(9);
    expect(used((w) => w.actions)).toContain("approve");
    expect(used((w) => w.entities)).toContain("identification_run");
  });

  it("knows every action and entity code the code writes", () => {
    const actions: readonly string[] = AUDIT_ACTIONS;
    const entities: readonly string[] = AUDIT_ENTITIES;
    for (const write of writes) {
      for (const action of write.actions) expect(actions, `${write.file}: «${action}»`).toContain(action);
      for (const entity of write.entities) expect(entities, `${write.file}: «${entity}»`).toContain(entity);
    }
  });

  it("gives every action and entity a Russian label, and labels nothing else", () => {
    const actionLabels: Record<string, string> = ru.audit.actions;
    const entityLabels: Record<string, string> = ru.audit.entities;
    for (const action of AUDIT_ACTIONS) expect(actionLabels[action] ?? "", action).toMatch(cyrillic);
    for (const entity of AUDIT_ENTITIES) expect(entityLabels[entity] ?? "", entity).toMatch(cyrillic);
    expect(Object.keys(actionLabels).sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(Object.keys(entityLabels).sort()).toEqual([...AUDIT_ENTITIES].sort());
    // Two codes never read the same.
    expect(new Set(Object.values(actionLabels)).size).toBe(AUDIT_ACTIONS.length);
  });

  it("names in Russian every field the identification, rule set and import writes record", () => {
    const fieldLabels: Record<string, string> = ru.audit.fields;
    const fields = [
      ...["year", "ruleSets", "schools", "status", "reason", "approvedByName", "approvedAt"],
      ...["definition", "isActive", "name", "version"],
      ...["file", "rows", "created", "updated", "unchanged", "municipalitiesCreated"],
      ...["message", "schoolId", "indicator", "values", "municipalities", "municipalityValues"],
    ];
    for (const field of fields) expect(fieldLabels[field] ?? "", field).toMatch(cyrillic);
  });
});
