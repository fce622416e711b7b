import "../shared/zod-setup";
import { Command } from "commander";
import { contextCommand } from "./commands/context.command";
import { demoCommand } from "./commands/demo.command";
import { exportCommand } from "./commands/export.command";
import { identifyCommand } from "./commands/identify.command";
import { importCommand } from "./commands/import.command";
import { mentorsCommand } from "./commands/mentors.command";
import { qualityCommand } from "./commands/quality.command";
import { serveCommand } from "./commands/serve.command";
import { describeError, refuseDirectoryArguments } from "./commands/shared";
import { userCreateCommand } from "./commands/user.command";
import { speakRussian } from "./russian-commander";

/** The `opora` command line: serve, demo, user create. Later features add their commands here. */
const program = new Command()
  .name("opora")
  .description("Опора: информационная система поддержки школ с низкими образовательными результатами")
  .version("0.1.0", "-V, --version", "показать версию");

program.addCommand(serveCommand());
program.addCommand(demoCommand());
program.addCommand(exportCommand());
program.addCommand(identifyCommand());
program.addCommand(importCommand());
program.addCommand(contextCommand());
program.addCommand(mentorsCommand());
program.addCommand(qualityCommand());
program.addCommand(new Command("user").description("Учётные записи").addCommand(userCreateCommand()));
speakRussian(program);
program.hook("preAction", (_program, action) => refuseDirectoryArguments(action));

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`${describeError(err)}\n`);
  process.exit(1);
});
