import type { CliIo } from './cli-output';

/** A CLI command: receives the arguments after its own name, returns the exit code. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}
