// The `motcua` command line: dispatches to one module per command (CONTRACTS.md §1).
// Each command module exports `run(args: string[]): Promise<number>` returning the exit code.
import { UsageError, CliFailure } from "./errors.ts";
import { COMMAND_HELP, examplesText, wantsHelp } from "./help.ts";

/** `help`, when exported, is the command's full usage; `motcua <command> --help` prints it and the examples. */
type CommandModule = { run(args: string[]): Promise<number>; summary: string; help?: string };

// Each name loads ./commands/<name>.ts lazily, so a command pays only for what it uses.
// src/cli/readme-commands.db.test.ts runs every command README.md shows: a command missing here fails it.
export const commandNames = [
  "serve",
  "demo",
  "due",
  "holidays",
  "import",
  "export",
  "report",
  "check",
  "document",
  "migrate",
  "user",
  "units",
  "catalog",
  "reform",
  "audit",
  "national",
  "schema",
] as const;
const commands: Record<string, () => Promise<CommandModule>> = Object.fromEntries(
  commandNames.map((name) => [name, () => import(`./commands/${name}.ts`) as Promise<CommandModule>]),
);

const width = Math.max(...commandNames.map((name) => name.length));
const usage = `motcua — nền tảng một cửa cho thủ tục hành chính (one-stop administrative procedures)

Usage: motcua <command> [options]

Commands:
${commandNames.map((name) => `  ${name.padEnd(width)}  ${COMMAND_HELP[name]?.summary ?? ""}`).join("\n")}

Run "motcua <command> --help" for a command's options and examples (ví dụ).
Common options: --data DIR (embedded database, default ./data or $MOTCUA_DATA); DATABASE_URL=postgres://… selects PostgreSQL.`;

/** `motcua <command> --help`: the command's usage and examples on stdout, exit 0; never opens a database. */
async function printHelp(name: string, load: () => Promise<CommandModule>): Promise<number> {
  const mod = await load();
  const text = typeof mod.help === "string" ? mod.help : (COMMAND_HELP[name]?.usage ?? `Usage: motcua ${name}`);
  const examples = examplesText(name);
  process.stdout.write(`${text}\n${examples ? `\n${examples}\n` : ""}`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${usage}\n`);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`motcua: unknown command "${name}"\n${usage}\n`);
    return 2;
  }
  try {
    if (wantsHelp(rest)) return await printHelp(name, load);
    const mod = await load();
    return await mod.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`motcua ${name}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof CliFailure) {
      process.stderr.write(`motcua ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(
      `motcua ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 2;
  }
}
