/** antom-ops db migrate / status / roles: the journal's schema, size, contents and database roles, on either engine. */
import type { CliCommand } from '../command';
import { EXIT_OK, printFields, printJson, type CliIo } from '../cli-output';
import { flag, optionalString, parseCommandArgs, unknownSubcommand, type ParsedCommandArgs } from '../cli-args';
import { DATABASE_USAGE, journalConfigFromArgs } from '../database-option';
import { journalStatus, migrateJournal } from '../../core/journal/journal-admin';
import { ConsoleError } from '../../../src-shared/errors';
import { JOURNAL_ROLE_KINDS, type JournalRoleKind } from '../../../src-shared/journal-access';
import { applyJournalRoles, assertLoginName, reapplyJournalRolesIfPresent, type JournalRolesReport } from '../../core/journal/postgres/postgres-roles';
import { readSecret } from '../read-secret';

const usage = [
  `antom-ops db migrate ${DATABASE_USAGE} [--data-dir DIR] [--json]   apply the journal's migrations, print its schema version`,
  `antom-ops db status ${DATABASE_USAGE} [--data-dir DIR] [--json]    schema version, size, row counts, oldest/newest records`,
  `antom-ops db roles --database postgres://OWNER@... [--login NAME --role intake|operator|support] [--json]
         create the journal's group roles (antom_ops_intake / _operator / _support) and their grants (idempotent; run as the tables' owner
         after db migrate); --login also creates or updates a LOGIN role in that group, its password read from stdin or a prompt, never argv`,
].join('\n       ');

const ROLES_OPTIONS = { login: { type: 'string' }, role: { type: 'string' } } as const;

function roleKindArg(args: ParsedCommandArgs): JournalRoleKind {
  const value = optionalString(args, 'role');
  const kind = JOURNAL_ROLE_KINDS.find((k) => k === value);
  if (!kind) {
    throw new ConsoleError('VALIDATION_FAILED', value === undefined ? '--login needs --role.' : `--role "${value}" is not a journal role.`,
      `Pass --role ${JOURNAL_ROLE_KINDS.join(', --role ')}.`, { flag: 'role' });
  }
  return kind;
}

function printRoles(io: CliIo, report: JournalRolesReport): void {
  printFields(io, [['journal', `${report.where} (schema ${report.schema}, as ${report.ranAs})`]]);
  for (const r of report.roles) io.out(`  ${r.name.padEnd(20)} ${r.created ? 'created' : 'exists '}  ${r.purpose}`);
  for (const g of report.grants) {
    io.out(`  ${g.table.padEnd(24)} ${JOURNAL_ROLE_KINDS.map((k) => `${k}: ${(g[k] ?? []).join(',') || '-'}`).join('  ')}`);
  }
  io.out(`  calls (row-level security): support may record only ${report.supportMayRecord.join(', ')}`);
  if (report.skippedTables.length > 0) io.out(`  not in this database yet (no grant made): ${report.skippedTables.join(', ')}`);
  if (report.login) io.out(`login ${report.login.name}: ${report.login.created ? 'created' : 'password updated'}, member of ${report.login.role}`);
}

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
    const args = parseCommandArgs(rest, sub === 'roles' ? ROLES_OPTIONS : {}, usage);
    const json = flag(args, 'json');
    const target = journalConfigFromArgs(args);
    if (sub === 'migrate') {
      const report = await migrateJournal(target);
      // New tables get their grants at once when the roles exist (db roles is idempotent).
      const roles = target.engine === 'postgres' ? await reapplyJournalRolesIfPresent(target.url) : undefined;
      if (json) printJson(io, roles ? { ...report, rolesReapplied: true } : report);
      else {
        printFields(io, [['journal', `${report.where} (${report.engine})`], ['schema version', report.to],
          ['applied', report.applied.length ? report.applied.map((m) => `${m.version} ${m.name}`).join(', ') : `nothing (already at ${report.to})`],
          ['roles', roles ? 'grants re-applied (antom-ops db roles)' : undefined]]);
      }
      return EXIT_OK;
    }
    if (sub === 'roles') {
      if (target.engine !== 'postgres') {
        throw new ConsoleError('VALIDATION_FAILED', 'db roles is for a shared PostgreSQL journal; the SQLite file has no database roles.', 'Pass --database postgres://OWNER@HOST/DB (or set ANTOM_OPS_DATABASE_URL).', { flag: 'database' });
      }
      const loginName = optionalString(args, 'login');
      if (loginName === undefined && optionalString(args, 'role') !== undefined) {
        throw new ConsoleError('VALIDATION_FAILED', '--role goes with --login NAME.', 'Pass --login NAME --role KIND to create a login, or leave both out to apply the roles only.', { flag: 'login' });
      }
      // Check the flags before asking for a password.
      const login = loginName === undefined ? undefined : { name: assertLoginName(loginName), role: roleKindArg(args) };
      const password = login ? await readSecret(`password for ${login.name}`) : undefined;
      const report = await applyJournalRoles(target.url, login && password !== undefined ? { login: { ...login, password } } : {});
      if (json) printJson(io, report);
      else printRoles(io, report);
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
