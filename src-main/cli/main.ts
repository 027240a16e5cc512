/**
 * antom-ops: the command line door onto the same core the console uses. Commands are looked up
 * by name (a group such as `keys` dispatches its own sub-commands) and loaded only when they run:
 * this module and the command list import nothing heavy, so `--help` stays fast.
 */
import type { CliCommandEntry } from './command';
import { EXIT_BAD_INPUT, EXIT_OK, printError, processIo, type CliIo } from './cli-output';
import { COMMANDS } from './commands/command-list';

function printHelp(io: CliIo, commands: readonly CliCommandEntry[]): void {
  io.out('antom-ops: signed Antom calls, keys in the OS keychain, and an embedded Antom sandbox\n');
  io.out('Commands:');
  const width = Math.max(...commands.map((c) => c.name.length));
  for (const c of commands) io.out(`  ${c.name.padEnd(width + 2)}${c.summary}`);
  io.out('\nExit codes: 0 success, 1 negative answer (invalid signature, Antom F result), 2 bad input, 3 could not be carried out (network, keychain, storage).');
  io.out('Add --json for one JSON document on stdout; --help after a command for its flags.');
}

export async function runCli(argv: string[], io: CliIo = processIo, commands: readonly CliCommandEntry[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    printHelp(io, commands);
    return name === undefined ? EXIT_BAD_INPUT : EXIT_OK;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`error: unknown command "${name}".\n  what to do: run antom-ops --help to see the commands.`);
    return EXIT_BAD_INPUT;
  }
  try {
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(`${command.summary}\n\nUsage: ${command.usage}`);
      return EXIT_OK;
    }
    return await command.run(rest, io);
  } catch (error) {
    return printError(io, error, rest.includes('--json'));
  }
}
