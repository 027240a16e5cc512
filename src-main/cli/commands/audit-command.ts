/**
 * antom-ops audit list|export: the audit trail (who sent which money-moving call, its intent and
 * its outcome) from the embedded journal or, with --database, the shared one. A door like the
 * others: listAudit / exportAudit through the handler table.
 */
import { writeFileSync } from 'node:fs';
import { AUDIT_DOORS, AUDIT_OUTCOME_WORDS, AUDIT_OUTCOMES, AUDITED_OPERATIONS, type AuditFilter } from '../../../src-shared/audit-views';
import { ConsoleError } from '../../../src-shared/errors';
import { formatMinorUnits, isKnownCurrency } from '../../../src-shared/money';
import type { CliCommand } from '../command';
import { EXIT_OK, printJson } from '../cli-output';
import { flag, optionalString, parseCommandArgs, unknownSubcommand, type ParsedCommandArgs } from '../cli-args';
import { withJournalDoor } from '../cli-core';
import { pageFromArgs } from '../journal-filter-args';

const AUDIT_OPTIONS = {
  person: { type: 'string' }, operation: { type: 'string' }, profile: { type: 'string' }, outcome: { type: 'string' }, door: { type: 'string' },
  id: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' }, limit: { type: 'string' }, cursor: { type: 'string' },
  format: { type: 'string' }, out: { type: 'string' },
} as const;

const FILTERS = '[--person USER@HOST|USER] [--operation OP,..] [--profile NAME] [--outcome S|F|U|unknown|not-sent|pending] [--door console|preview|cli] [--id ANY_ID] [--since ISO] [--until ISO]';
const usage = [
  `antom-ops audit list ${FILTERS} [--limit N] [--cursor C] [--database URL] [--json]`,
  `antom-ops audit export ${FILTERS} [--format csv|json] [--out FILE] [--database URL]`,
  'with --json, list prints {"entries": [...], "nextCursor": C or null}; pass --cursor C for the next page',
].join('\n       ');

function oneOf<T extends string>(args: ParsedCommandArgs, name: string, allowed: readonly T[]): T[] | undefined {
  const value = optionalString(args, name);
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) {
    if (!allowed.includes(item as T)) throw new ConsoleError('VALIDATION_FAILED', `--${name} "${item}" is not one of ${allowed.join(', ')}.`, `Usage: ${usage}`, { flag: name });
  }
  return items as T[];
}

function isoArg(args: ParsedCommandArgs, name: string): string | undefined {
  const value = optionalString(args, name);
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new ConsoleError('VALIDATION_FAILED', `--${name} "${value}" is not a date.`, `Use ISO-8601, e.g. --${name} 2026-11-22T00:00:00Z.`, { flag: name });
  return new Date(ms).toISOString();
}

export function auditFilterFromArgs(args: ParsedCommandArgs): AuditFilter {
  const filter: AuditFilter = {};
  const person = optionalString(args, 'person');
  if (person) filter.person = person;
  const operations = oneOf(args, 'operation', AUDITED_OPERATIONS);
  if (operations) filter.operation = operations;
  const profile = optionalString(args, 'profile');
  if (profile) filter.profile = profile;
  const outcome = oneOf(args, 'outcome', AUDIT_OUTCOMES);
  if (outcome) filter.outcome = outcome[0]!;
  const door = oneOf(args, 'door', AUDIT_DOORS);
  if (door) filter.door = door[0]!;
  const id = optionalString(args, 'id');
  if (id) filter.anyId = id;
  const since = isoArg(args, 'since');
  if (since) filter.since = since;
  const until = isoArg(args, 'until');
  if (until) filter.until = until;
  return filter;
}

export const auditCommand: CliCommand = {
  name: 'audit',
  summary: 'Who made which money-moving call: intents recorded before sending, outcomes after; list and export',
  usage,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const args = parseCommandArgs(rest, AUDIT_OPTIONS, usage);
    const filter = auditFilterFromArgs(args);
    if (sub === 'list') {
      return withJournalDoor(args, async (door) => {
        const page = await door.call('listAudit', { filter, page: pageFromArgs(args) });
        if (flag(args, 'json')) printJson(io, { entries: page.items, nextCursor: page.nextCursor ?? null });
        else {
          for (const e of page.items) {
            const amount = e.amount ? (isKnownCurrency(e.amount.currency) ? formatMinorUnits(e.amount.value, e.amount.currency) : `${e.amount.currency} ${e.amount.value}`) : '';
            const target = e.paymentId ?? e.paymentRequestId ?? e.disputeId ?? '';
            const result = e.resultCode ? `${AUDIT_OUTCOME_WORDS[e.outcome]} ${e.resultCode}` : AUDIT_OUTCOME_WORDS[e.outcome];
            io.out(`#${String(e.id).padEnd(6)} ${e.intendedAt} ${e.person} (${e.actor.door}) ${e.operation} ${amount} ${target} [${e.profile}] ${result}${e.resendOf !== null ? ` (resend of #${e.resendOf})` : ''}`.replace(/ {2,}/g, ' '));
          }
          if (page.items.length === 0) io.err('No audit entries match: money-moving calls (capture, refund, cancel, createPaymentSession, acceptDispute, supplyDefenseDocument) appear here once made.');
          if (page.nextCursor) io.out(`more: --cursor ${page.nextCursor}`);
        }
        return EXIT_OK;
      });
    }
    if (sub === 'export') {
      const format = optionalString(args, 'format') ?? 'csv';
      if (format !== 'csv' && format !== 'json') throw new ConsoleError('VALIDATION_FAILED', `--format must be csv or json, got "${format}".`, `Usage: ${usage}`, { flag: 'format' });
      return withJournalDoor(args, async (door) => {
        const file = await door.call('exportAudit', { filter, format });
        const out = optionalString(args, 'out');
        if (out) {
          writeFileSync(out, file.content, { mode: 0o600 });
          io.err(`wrote ${out} (${file.rows} entries)`);
        } else io.out(file.content);
        return EXIT_OK;
      });
    }
    throw unknownSubcommand('audit', sub, usage);
  },
};
