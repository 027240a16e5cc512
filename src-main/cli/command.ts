import type { CliIo } from './cli-output';

/** A CLI command: receives the arguments after its own name, returns the exit code. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

/**
 * What `antom-ops --help` needs to know about a command without loading it. `load` imports the
 * command's module (and through it the core, zod, SQLite, the keychain) only when that command
 * runs, so `--help` starts in a fraction of the time a full import takes.
 */
export interface CliCommandEntry {
  name: string;
  summary: string;
  load(): Promise<CliCommand>;
}
