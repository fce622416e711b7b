import { z } from "zod";
import { ROLE_LABELS, type Role, roleSchema } from "../../../shared/roles";
import type { Db } from "../../platform/db";
import { AppError, type FieldIssue } from "../../platform/errors";
import { requiredScope } from "../access/access.policy";
import { type Actor, SYSTEM_ACTOR } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { hashPassword } from "../auth/password";
import { seedCauses } from "../causes/causes-seed.service";
import { ensureRegion, findIdsByCodes, findRegionName } from "../hierarchy/hierarchy.repo";
import { findSchoolPlace, isLoginTaken } from "./user.repo";
import { userCreateSchema } from "./user.schemas";
import { storeNewUser, type UserPlace } from "./user.service";

/** What `opora user create` passes: the account, and its place by codes (a region is created when named). */
export type CommandLineUserInput = {
  login: string;
  password: string;
  fullName: string;
  role: Role;
  regionCode?: string;
  regionName?: string;
  municipalityCode?: string;
  schoolCode?: string;
};

/** The user created, with the region they were put in (and whether the region was created for them). */
export type CommandLineUserResult = {
  id: number;
  login: string;
  role: Role;
  region: { code: string; name: string; created: boolean } | null;
};

/** How the audit trail names the command line; no login can be this (logins are Latin, without spaces). */
export const COMMAND_LINE_ACTOR_NAME = "Командная строка";

/**
 * The installation's own operator: whoever runs `opora` on the server with access to its database.
 * It has no account and no permission of its own (it is the system actor, whose role lacks
 * `user.manage`): it only names the command line in the audit trail. Creating users this way is
 * createUserFromCommandLine's explicit, separate path, which checks the scope rules itself.
 */
const COMMAND_LINE_ACTOR: Actor = {
  ...SYSTEM_ACTOR,
  login: COMMAND_LINE_ACTOR_NAME,
  fullName: COMMAND_LINE_ACTOR_NAME,
};

const inputSchema = userCreateSchema.pick({ login: true, password: true, fullName: true }).extend({
  role: roleSchema,
  regionCode: z.string().trim().min(1, "Код региона не может быть пустым").max(32).optional(),
  regionName: z.string().trim().min(1, "Название региона не может быть пустым").max(200).optional(),
  municipalityCode: z.string().trim().min(1).max(64).optional(),
  schoolCode: z.string().trim().min(1).max(64).optional(),
});

/** Where each field comes from on the command line, for the messages. */
const SOURCE: Record<string, string> = {
  login: "--login",
  password: "OPORA_PASSWORD",
  fullName: "--full-name",
  role: "--role",
  regionCode: "--region-code",
  regionName: "--region-name",
  municipalityCode: "--municipality-code",
  schoolCode: "--school-code",
};

const refuse = (path: string, message: string) => new AppError("invalid_input", message, [{ path, message }]);

/** Refuses codes the role does not take, so that no one thinks they were applied. */
function checkCodesFit(input: z.infer<typeof inputSchema>): void {
  const need = requiredScope(input.role);
  const role = `«${ROLE_LABELS[input.role]}» (${input.role})`;
  if (!need.region && (input.regionCode || input.regionName))
    throw refuse(
      "--region-code",
      `Роль ${role} видит все регионы: не указывайте --region-code и --region-name`,
    );
  if (need.region && !input.regionCode)
    throw refuse("--region-code", `Для роли ${role} укажите регион: --region-code`);
  if (need.municipality && !input.municipalityCode)
    throw refuse("--municipality-code", `Для роли ${role} укажите муниципалитет: --municipality-code`);
  if (!need.municipality && input.municipalityCode)
    throw refuse("--municipality-code", `--municipality-code указывают только для роли moc_coordinator`);
  if (need.school && !input.schoolCode)
    throw refuse("--school-code", `Для роли ${role} укажите школу: --school-code`);
  if (!need.school && input.schoolCode)
    throw refuse("--school-code", `--school-code указывают только для роли school_director`);
}

/** Finds (or, when named, creates and audits) the region, then the municipality or school, by code. */
async function placeByCodes(
  tx: Db,
  input: z.infer<typeof inputSchema>,
): Promise<{ place: UserPlace; region: CommandLineUserResult["region"] }> {
  const { regionCode, regionName } = input;
  if (!regionCode) return { place: { regionId: null, municipalityId: null, schoolId: null }, region: null };
  const ids = await findIdsByCodes(tx, { ...input, regionCode });
  let regionId = ids.regionId;
  const created = regionId === undefined;
  if (regionId === undefined) {
    if (!regionName)
      throw refuse(
        "--region-code",
        `Регион с кодом «${regionCode}» не найден; чтобы создать его, укажите --region-name`,
      );
    regionId = await ensureRegion(tx, regionCode, regionName);
    const after = { code: regionCode, name: regionName };
    await recordAudit(tx, {
      actor: COMMAND_LINE_ACTOR,
      action: "create",
      entity: "region",
      entityId: regionId,
      after,
      regionId,
    });
    await seedCauses(tx, regionId, COMMAND_LINE_ACTOR);
  }
  const region = { code: regionCode, name: (await findRegionName(tx, regionId)) ?? regionCode, created };
  const where = `в регионе «${regionCode}»${created ? " (он только что создан и пуст)" : ""}`;
  if (input.municipalityCode) {
    if (ids.municipalityId === undefined)
      throw refuse(
        "--municipality-code",
        `Муниципалитет с кодом «${input.municipalityCode}» не найден ${where}`,
      );
    return { place: { regionId, municipalityId: ids.municipalityId, schoolId: null }, region };
  }
  if (input.schoolCode) {
    const school = ids.schoolId === undefined ? undefined : await findSchoolPlace(tx, ids.schoolId);
    if (ids.schoolId === undefined || !school)
      throw refuse("--school-code", `Школа с кодом «${input.schoolCode}» не найдена ${where}`);
    return { place: { regionId, municipalityId: school.municipalityId, schoolId: ids.schoolId }, region };
  }
  return { place: { regionId, municipalityId: null, schoolId: null }, region };
}

/**
 * Creates a user from the command line — the first region admin of a new installation, or any user —
 * on behalf of the installation's operator, with no account needed. The same input rules as the API
 * (login, password length, full name) and the scope rules of `requiredScope`: a region role needs a
 * region, a МОЦ coordinator a municipality of it, a director a school of it, the federal operator none.
 * Region creation (when `regionName` is given and the code is new) and user creation are one
 * transaction, both audited as «Командная строка»: any refusal leaves the database as it was.
 */
export async function createUserFromCommandLine({
  db,
  input,
}: {
  db: Db;
  input: CommandLineUserInput;
}): Promise<CommandLineUserResult> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((issue) => {
      const path = SOURCE[String(issue.path[0])] ?? issue.path.join(".");
      return { path, message: `${path}: ${issue.message}` };
    });
    throw new AppError("invalid_input", "Пользователь не создан: данные заполнены неверно", issues);
  }
  const checked = parsed.data;
  checkCodesFit(checked);
  const passwordHash = await hashPassword(checked.password);
  return db.transaction(async (tx) => {
    if (await isLoginTaken(tx, checked.login))
      throw new AppError("conflict", `Логин «${checked.login}» уже занят`);
    const { place, region } = await placeByCodes(tx, checked);
    const userInput = { ...checked, regionId: place.regionId, assignedSchoolIds: [] };
    const actor = COMMAND_LINE_ACTOR;
    const id = await storeNewUser(tx, { actor, input: userInput, place, assigned: [], passwordHash });
    return { id, login: checked.login, role: checked.role, region };
  });
}
