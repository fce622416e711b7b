import { Command, Option } from "commander";
import { createUserFromCommandLine } from "../../server/modules/users/command-line-user.service";
import { ROLE_LABELS, ROLES, type Role } from "../../shared/roles";
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

/**
 * `opora user create`: makes a user, e.g. the first region admin of a new installation. The command
 * line is the installation's own operator (see createUserFromCommandLine): no account is needed, the
 * scope rules of the role are checked, and the region (when created) and the user are one transaction.
 */
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
      const user = await withDatabase(({ db }) =>
        createUserFromCommandLine({ db, input: { ...opts, password } }),
      );
      const { region } = user;
      if (region?.created) say(`Регион создан: ${region.code} «${region.name}»`);
      const where = region ? `, регион ${region.code} «${region.name}»` : "";
      say(`Пользователь создан: ${user.login} (${ROLE_LABELS[user.role]}${where}), id ${user.id}`);
    });
}
