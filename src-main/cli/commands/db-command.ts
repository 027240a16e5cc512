/** antom-ops db migrate / status: the journal's schema, size and contents, on either engine. */
import type { CliCommand } from '../command';
import { EXIT_OK, printFields, printJson } from '../cli-output';
import { flag, parseCommandArgs, unknownSubcommand } from '../cli-args';
import { DATABASE_USAGE, journalConfigFromArgs } from '../database-option';
import { journalStatus, migrateJournal } from '../../core/journal/journal-admin';

const usage = [
  `antom-ops db migrate ${DATABASE_USAGE} [--data-dir DIR] [--json]   apply the journal's migrations, print its schema version`,
  `antom-ops db status ${DATABASE_USAGE} [--data-dir DIR] [--json]    schema version, size, row counts, oldest/newest records`,
].join('\n       ');

function bytes(n: number): string {
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

export const dbCommand: CliCommand = {
  name: 'db',
  summary: 'The journal itself (SQLite file or shared PostgreSQL): apply migrations, show status',
  usage,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const args = parseCommandArgs(rest, {}, usage);
    const json = flag(args, 'json');
    const target = journalConfigFromArgs(args);
    if (sub === 'migrate') {
      const report = await migrateJournal(target);
      if (json) printJson(io, report);
      else {
        printFields(io, [['journal', `${report.where} (${report.engine})`], ['schema version', report.to],
          ['applied', report.applied.length ? report.applied.map((m) => `${m.version} ${m.name}`).join(', ') : `nothing (already at ${report.to})`]]);
      }
      return EXIT_OK;
    }
    if (sub === 'status') {
      const status = await journalStatus(target);
      if (json) printJson(io, status);
      else {
        const behind = status.schemaVersion < status.knownSchemaVersion ? ` (behind: run \`antom-ops db migrate\`)` : status.schemaVersion > status.knownSchemaVersion ? ' (from a newer console)' : '';
        printFields(io, [
          ['journal', `${status.where} (${status.engine})`],
          ['schema version', `${status.schemaVersion} of ${status.knownSchemaVersion}${behind}`],
          ['size', bytes(status.sizeBytes)],
          ['notifications', `${status.counts.notifications} (${status.counts.attempts} POSTs) ${status.notifications.oldest ? `from ${status.notifications.oldest} to ${status.notifications.newest}` : ''}`.trim()],
          ['calls', `${status.counts.calls} ${status.calls.oldest ? `from ${status.calls.oldest} to ${status.calls.newest}` : ''}`.trim()],
        ]);
        for (const m of status.migrations) io.out(`  ${String(m.version).padStart(4)} ${m.name.padEnd(34)} ${m.appliedAt ?? '(before the record)'} ${m.consoleVersion ?? ''}`.trimEnd());
      }
      return EXIT_OK;
    }
    throw unknownSubcommand('db', sub, usage);
  },
};
