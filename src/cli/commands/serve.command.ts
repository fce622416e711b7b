import { Command } from "commander";
import { buildApp } from "../../server/app";
import { loadDemoRegion } from "../../server/modules/demo/demo.service";
import { isEmptyInstallation } from "../../server/modules/hierarchy/hierarchy.repo";
import { isDemoInstallation } from "../../server/modules/system/settings.repo";
import { vacuumValues } from "../../server/modules/values/value-columns.repo";
import { type Config, loadConfig } from "../../server/platform/config";
import { printDemoSignIns } from "./demo.command";
import { openWorkDatabase, say } from "./shared";

/** What the server's log shows at a level, and how to change it. */
export function logLevelHint(level: Config["logLevel"]): string {
  const detailed = level === "info" || level === "debug" || level === "trace";
  return detailed
    ? `Журнал: уровень ${level}, каждый запрос — строкой JSON (тише: OPORA_LOG_LEVEL=warn)`
    : `Журнал: уровень ${level}, только предупреждения и ошибки (каждый запрос: OPORA_LOG_LEVEL=info)`;
}

/** `opora serve`: starts the web server; with --demo-if-empty loads the demo region into an empty database. */
export function serveCommand(): Command {
  return new Command("serve")
    .description("Запустить веб-сервер (порт из PORT, по умолчанию 3000)")
    .option("--demo-if-empty", "загрузить демо-регион, если база пуста")
    .option("--no-demo", "без демо-режима: демо-учётные записи не входят, страница входа их не предлагает")
    .action(async (opts: { demoIfEmpty?: boolean; demo: boolean }) => {
      const loaded = loadConfig();
      const config = { ...loaded, demoEnabled: loaded.demoEnabled && opts.demo };
      const database = await openWorkDatabase(config);
      const where = database.kind === "pglite" ? `PGlite в ${config.dataDir}` : "сервер PostgreSQL";
      say(`База данных: ${where}`);
      if (config.demoEnabled && opts.demoIfEmpty && (await isEmptyInstallation(database.db))) {
        say("База пуста: загружаю демонстрационный регион…");
        await loadDemoRegion({ db: database.db });
      } else if (database.kind === "pglite") {
        // The values' visibility map lets identification read columns from the index alone; PGlite has
        // no autovacuum, and a database from an earlier version has never been vacuumed. Quick when
        // nothing changed since the last time (only pages written since are visited). A server's
        // autovacuum keeps it; its start is not held up by a vacuum of a large table.
        await vacuumValues(database.db);
      }
      const app = await buildApp({ database, config, logger: true });
      const close = async () => {
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.once("SIGINT", close);
      process.once("SIGTERM", close);
      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address();
      const port = typeof address === "object" && address ? address.port : config.port;
      say(`Опора работает: http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`);
      if (config.demoEnabled && (await isDemoInstallation(database.db))) printDemoSignIns();
      else say("Нет учётных записей? Создайте первого администратора: npx opora user create --help");
      say(logLevelHint(config.logLevel));
    });
}
