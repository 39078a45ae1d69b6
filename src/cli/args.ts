/**
 * Command-line arguments: `retain COMMAND FILE.csv [--option value …]`. Options
 * may also be written --option=value. Unknown options are errors, not ignored.
 */
import { valueError } from "../core/errors";

export const commands = ["cohort", "growth", "summary", "rfm"] as const;
export type Command = (typeof commands)[number];

export interface Args {
  command: Command;
  file: string;
  options: Record<string, string>;
}

const common = ["id", "date", "value", "date-order", "format", "threads", "verbose"];
const allowed: Record<Command, string[]> = {
  cohort: [...common, "period", "metric", "mode"],
  growth: [...common, "period"],
  summary: [...common, "observation-end", "time-unit"],
  rfm: [...common, "as-of"],
};
/** Options that take no value. */
const flags = ["verbose"];

export const usage = `Usage: retain COMMAND FILE.csv [options]

Commands (each prints the table the matching RETAIN.* function spills):
  cohort    cohort table        [--period P] [--metric M] [--mode on|on_or_after]
  growth    growth accounting   [--period P]
  summary   customer summary    [--observation-end DATE] [--time-unit D|W|M]
  rfm       RFM scores          [--as-of DATE]

Options for every command:
  --id COL, --date COL, --value COL   columns by header name or 1-based number
                                      (found by name when omitted: customer/id, date, revenue/amount/value)
  --date-order DMY|MDY                how to read slash dates that fit both orders
  --format csv|json                   output format (default csv)
  --threads N                         read the file on up to N threads (default: one per core,
                                      at most 4, for files of 8 MB or more; otherwise 1)
  --verbose                           say on stderr how the file was read

P: day, week, month (default), quarter, year.
M: retention (default), customers, revenue, revenue_retention, ltv.`;

export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      const value = eq >= 0 ? arg.slice(eq + 1) : flags.includes(name) ? "true" : argv[++k];
      if (value === undefined) throw valueError(`retain requires a value after --${name}`);
      options[name] = value;
    } else {
      positional.push(arg);
    }
  }
  const [command, file, ...rest] = positional;
  if (!commands.includes(command as Command)) throw valueError(`retain requires a command: one of ${commands.join(", ")}${command ? `, not "${command}"` : ""}`);
  if (!file) throw valueError(`retain ${command} requires a CSV file`);
  if (rest.length) throw valueError(`retain ${command} takes one file, not also "${rest[0]}"`);
  for (const name of Object.keys(options)) {
    if (!allowed[command as Command].includes(name)) throw valueError(`retain ${command} has no option --${name}: it takes ${allowed[command as Command].map((o) => "--" + o).join(", ")}`);
  }
  return { command: command as Command, file, options };
}
