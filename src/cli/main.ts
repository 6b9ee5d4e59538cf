// The `motcua` command line: dispatches to one module per command (CONTRACTS.md §1).
// Each command module exports `run(args: string[]): Promise<number>` returning the exit code.
import { UsageError, CliFailure } from "./errors.ts";

type CommandModule = { run(args: string[]): Promise<number>; summary: string };

// Each name loads ./commands/<name>.ts lazily, so a command pays only for what it uses.
const commandNames = [
  "serve",
  "demo",
  "due",
  "holidays",
  "import",
  "export",
  "report",
  "check",
  "migrate",
  "user",
  "units",
  "catalog",
] as const;
const commands: Record<string, () => Promise<CommandModule>> = Object.fromEntries(
  commandNames.map((name) => [name, () => import(`./commands/${name}.ts`) as Promise<CommandModule>]),
);

const usage = `motcua — nền tảng một cửa cho thủ tục hành chính (one-stop administrative procedures)

Usage: motcua <command> [options]

Commands: ${Object.keys(commands).join(", ")}
Run "motcua <command> --help" for a command's options.
Common options: --data DIR (embedded database, default ./data or $MOTCUA_DATA); DATABASE_URL=postgres://… selects PostgreSQL.`;

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
