import { Command, Option } from "commander";
import { SYSTEM_ACTOR } from "../../server/modules/access/actor";
import { ensureRegion, findIdsByCodes } from "../../server/modules/hierarchy/hierarchy.repo";
import { userCreateSchema } from "../../server/modules/users/user.schemas";
import { createUser } from "../../server/modules/users/user.service";
import { ROLES, type Role } from "../../shared/roles";
import { say, withDatabase } from "./shared";

type Options = {
  login: string;
  fullName: string;
  role: Role;
  regionCode?: string;
  regionName?: string;
  municipalityCode?: string;
  schoolCode?: string;
};

/** `opora user create`: makes a user, e.g. the first region admin of a new installation. */
export function userCreateCommand(): Command {
  return new Command("create")
    .description("Создать пользователя (например, первого администратора). Пароль берётся из OPORA_PASSWORD.")
    .requiredOption("--login <login>", "логин")
    .requiredOption("--full-name <name>", "ФИО")
    .addOption(new Option("--role <role>", "роль").choices(ROLES).default("region_admin"))
    .option("--region-code <code>", "код региона (регион создаётся, если его нет и указан --region-name)")
    .option("--region-name <name>", "название нового региона")
    .option("--municipality-code <code>", "код муниципалитета (для координатора МОЦ)")
    .option("--school-code <code>", "код школы (для директора)")
    .addHelpText(
      "after",
      "\nПример:\n  OPORA_PASSWORD='…' npx opora user create --login admin --full-name 'Иванов И. И.' \\\n    --role region_admin --region-code 67 --region-name 'Смоленская область'",
    )
    .action(async (opts: Options) => {
      const password = process.env.OPORA_PASSWORD;
      if (!password) throw new Error("Задайте пароль в переменной окружения OPORA_PASSWORD");
      await withDatabase(async ({ db }) => {
        let ids: { regionId?: number; municipalityId?: number; schoolId?: number } = {};
        if (opts.regionCode) {
          if (opts.regionName) await ensureRegion(db, opts.regionCode, opts.regionName);
          ids = await findIdsByCodes(db, { ...opts, regionCode: opts.regionCode });
          if (ids.regionId === undefined)
            throw new Error(`Регион с кодом «${opts.regionCode}» не найден; укажите --region-name`);
        }
        const input = userCreateSchema.parse({
          login: opts.login,
          password,
          fullName: opts.fullName,
          role: opts.role,
          regionId: ids.regionId ?? null,
          municipalityId: ids.municipalityId ?? null,
          schoolId: ids.schoolId ?? null,
        });
        const user = await createUser({ db, actor: SYSTEM_ACTOR, input });
        say(`Пользователь создан: ${user.login} (${user.role}), id ${user.id}`);
      });
    });
}
