import { Command } from "commander";
import { DEMO_SIGN_INS } from "../../core/demo";
import { loadDemoRegion } from "../../server/modules/demo/demo.service";
import { say, withDatabase } from "./shared";

/** Prints the demo sign-ins as a table. */
export function printDemoSignIns(): void {
  say("Демо-учётные записи (логин / пароль — кто это):");
  for (const s of DEMO_SIGN_INS) say(`  ${s.login.padEnd(22)} ${s.password.padEnd(18)} ${s.description}`);
}

/** `opora demo`: recreates the generated demo region. */
export function demoCommand(): Command {
  return new Command("demo")
    .description("Создать заново демонстрационный регион (сгенерированные данные)")
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const s = await loadDemoRegion({ db });
        say(
          `Демо-регион загружен: ${s.municipalities} муниципалитетов, ${s.schools} школ, ${s.users} пользователей.`,
        );
        printDemoSignIns();
      });
    });
}
