import { type Argument, type Command, Help, type HelpConfiguration, type Option } from "commander";

/** The headings of commander's help, in Russian. */
const TITLES: Record<string, string> = {
  "Usage:": "Использование:",
  "Options:": "Параметры:",
  "Global Options:": "Общие параметры:",
  "Commands:": "Команды:",
  "Arguments:": "Аргументы:",
};

/** The words of the parenthesis commander adds to an option's description: «(choices: …, default: …)». */
const EXTRAS: [RegExp, string][] = [
  [/\bchoices: /g, "варианты: "],
  [/\bdefault: /g, "по умолчанию: "],
  [/\bpreset: /g, "без значения: "],
  [/\benv: /g, "переменная окружения: "],
];

function translateExtras(description: string): string {
  return description.replace(/\((?:choices|default|preset|env): [\s\S]*\)$/, (extras) =>
    EXTRAS.reduce((text, [pattern, word]) => text.replace(pattern, word), extras),
  );
}

function translateUsage(usage: string): string {
  return usage.replace("[options]", "[параметры]").replace("[command]", "[команда]");
}

const base = new Help();

/** Commander's help in Russian: headings, usage line and the notes after descriptions. */
const RUSSIAN_HELP: HelpConfiguration = {
  styleTitle: (title: string) => TITLES[title] ?? title,
  commandUsage: (command: Command) => translateUsage(base.commandUsage(command)),
  subcommandTerm: (command: Command) => translateUsage(base.subcommandTerm(command)),
  optionDescription: (option: Option) => translateExtras(base.optionDescription(option)),
  argumentDescription: (argument: Argument) => translateExtras(base.argumentDescription(argument)),
};

/** «(Did you mean --login?)» → «Может быть, --login?» */
function suggestion(tail: string | undefined): string {
  if (!tail) return "";
  const one = /\(Did you mean one of (.+)\?\)/.exec(tail);
  if (one) return `. Может быть, одно из: ${one[1]}?`;
  const single = /\(Did you mean (.+)\?\)/.exec(tail);
  return single ? `. Может быть, ${single[1]}?` : "";
}

/** «Allowed choices are a, b.» (commander's message for a bad choice) → «допустимые значения: a, b». */
function reason(text: string): string {
  const choices = /^Allowed choices are (.+?)\.?$/s.exec(text.trim());
  return choices ? `допустимые значения: ${choices[1]}` : text.trim();
}

/** Each of commander's own messages (they start with «error: »), matched and said in Russian. */
const MESSAGES: [RegExp, (...parts: string[]) => string][] = [
  [
    /^unknown option '(.+?)'(\n[\s\S]*)?$/,
    (flag, tail) => `Неизвестный параметр «${flag}»${suggestion(tail)}`,
  ],
  [
    /^unknown command '(.+?)'(\n[\s\S]*)?$/,
    (name, tail) => `Неизвестная команда «${name}»${suggestion(tail)}`,
  ],
  [/^required option '(.+?)' not specified$/, (flags) => `Не указан обязательный параметр ${flags}`],
  [/^option '(.+?)' argument missing$/, (flags) => `Параметру ${flags} нужно значение`],
  [
    /^option '(.+?)' argument '([\s\S]*)' is invalid\.([\s\S]*)$/,
    (flags, value, why = "") =>
      `Параметр ${flags}: недопустимое значение «${value}»${why.trim() ? ` — ${reason(why)}` : ""}`,
  ],
  [
    /^option '(.+?)' value '([\s\S]*)' from env '(.+?)' is invalid\.([\s\S]*)$/,
    (flags, value, env, why = "") =>
      `Параметр ${flags}: недопустимое значение «${value}» из переменной ${env}${why.trim() ? ` — ${reason(why)}` : ""}`,
  ],
  [
    /^command-argument value '([\s\S]*)' is invalid for argument '(.+?)'\.([\s\S]*)$/,
    (value, name, why = "") =>
      `Аргумент «${name}»: недопустимое значение «${value}»${why.trim() ? ` — ${reason(why)}` : ""}`,
  ],
  [/^missing required argument '(.+?)'$/, (name) => `Не указан обязательный аргумент «${name}»`],
  [
    /^too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (name, expected, got) =>
      `Лишние аргументы${name ? ` команды «${name}»` : ""}: ожидается ${expected}, передано ${got}`,
  ],
  [/^(.+) cannot be used with (.+)$/, (a, b) => `Нельзя указывать вместе: ${a} и ${b}`],
];

/**
 * One of commander's error messages («error: unknown option '--x'») in Russian, as the command line
 * prints it: «Ошибка: Неизвестный параметр «--x»». A message it does not know keeps its text, without
 * the English prefix.
 */
export function translateCommanderMessage(message: string): string {
  const text = message.replace(/\n+$/, "").replace(/^error: /, "");
  for (const [pattern, say] of MESSAGES) {
    const match = pattern.exec(text);
    if (match) return `Ошибка: ${say(...match.slice(1).map((part) => part ?? ""))}`;
  }
  return `Ошибка: ${text}`;
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

/**
 * Makes a command and all its subcommands speak Russian: error messages without the English
 * «error:» prefix (each followed by where to find help), the help's headings and notes, and the
 * built-in help option and help command. Call it once the whole tree is built (subcommands added
 * with addCommand do not inherit these settings from their parent).
 */
export function speakRussian(command: Command): Command {
  command
    .configureOutput({ outputError: (text, write) => write(`${translateCommanderMessage(text)}\n`) })
    .configureHelp(RUSSIAN_HELP)
    .helpOption("-h, --help", "показать справку")
    .showHelpAfterError(`Справка: ${commandPath(command)} --help`);
  if (command.commands.length > 0) command.helpCommand("help [команда]", "показать справку по команде");
  for (const sub of command.commands) speakRussian(sub);
  return command;
}
