/** antom-ops calls / timeline / export / prune: reading and maintaining the journal. */
import { writeFileSync } from 'node:fs';
import type { CliCommand } from '../command';
import { ConsoleError } from '../../../src-shared/errors';
import { EXIT_OK, printFields, printJson } from '../cli-output';
import { flag, optionalString, parseCommandArgs, unknownSubcommand } from '../cli-args';
import { withJournalDoor } from '../cli-core';
import { FILTER_OPTIONS, FILTER_USAGE, callFilterFromArgs, notificationFilterFromArgs, pageFromArgs } from '../journal-filter-args';
import type { MoneyAmount } from '../../../src-shared/journal-views';

const callsUsage = [
  `antom-ops calls list [--api A,..] [--result-status S|F|U|none] [--signature verified|unverified|invalid] [--trigger T] ${FILTER_USAGE} [--json]`,
  'antom-ops calls show ID [--json]',
  'with --json, list prints {"entries": [...], "nextCursor": C or null}; pass --cursor C for the next page',
].join('\n       ');

export const callsCommand: CliCommand = {
  name: 'calls',
  summary: 'Every Antom call the console made: list with filters, show one with request and response',
  usage: callsUsage,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const args = parseCommandArgs(rest, FILTER_OPTIONS, callsUsage);
    const json = flag(args, 'json');
    return withJournalDoor(args, async (door) => {
      if (sub === 'list') {
        const page = await door.call('listCalls', { filter: callFilterFromArgs(args), page: pageFromArgs(args) });
        // Scripts page with the cursor, so it travels with the entries.
        if (json) printJson(io, { entries: page.items, nextCursor: page.nextCursor ?? null });
        else {
          for (const c of page.items) {
            io.out(`#${String(c.id).padEnd(6)} ${c.startedAt} ${c.api.padEnd(21)} ${(c.resultStatus ?? '-').padEnd(2)}${(c.resultCode ?? c.errorCode ?? '').padEnd(34)} ${(c.responseSignature ?? '-').padEnd(11)} ${String(Math.round(c.latencyMs)).padStart(5)} ms ${c.trigger}`);
          }
          if (page.nextCursor) io.out(`more: --cursor ${page.nextCursor}`);
        }
        return EXIT_OK;
      }
      if (sub === 'show') {
        const id = Number(args.positionals[0]);
        if (!Number.isInteger(id) || id < 1) throw new ConsoleError('VALIDATION_FAILED', 'Give the call id (a number from `calls list`).', `Usage: ${callsUsage}`);
        const call = await door.call('getCall', { id });
        if (json) printJson(io, call);
        else {
          printFields(io, [['call', `#${call.id} ${call.api} attempt ${call.attempt} (${call.trigger})`], ['url', call.url], ['result', `${call.resultStatus ?? '-'} ${call.resultCode ?? call.errorCode ?? ''}`],
            ['response signature', call.responseSignature ?? 'none'], ['latency', `${Math.round(call.latencyMs)} ms`], ['signature header', call.requestSignatureHeader]]);
          io.out(`request:\n${call.requestBody}\nresponse:\n${call.responseBody ?? call.errorMessage ?? ''}`);
        }
        return EXIT_OK;
      }
      throw unknownSubcommand('calls', sub, callsUsage);
    });
  },
};

const timelineUsage = 'antom-ops timeline <any ID: paymentRequestId, paymentId, referenceOrderId, captureId, refundId, disputeId, sessionId...> [--json] [--data-dir DIR]';

function money(m: MoneyAmount): string {
  return m.display;
}

export const timelineCommand: CliCommand = {
  name: 'timeline',
  summary: "A payment's whole story in time order, with its state and money summary",
  usage: timelineUsage,
  async run(argv, io) {
    const args = parseCommandArgs(argv, {}, timelineUsage);
    const id = args.positionals[0];
    if (!id) throw new ConsoleError('VALIDATION_FAILED', 'Which payment? Give any of its IDs (paymentRequestId, paymentId, referenceOrderId, captureId, refundId, disputeId...).', `Usage: ${timelineUsage}`);
    return withJournalDoor(args, async (door) => {
      const timeline = await door.call('getTimeline', { id });
      if (!timeline) throw new ConsoleError('NOT_FOUND', `The journal knows no payment "${id}".`, 'Check the ID, or look it up with `antom-ops calls list --id ID`; only calls made through this console are journaled.');
      if (flag(args, 'json')) printJson(io, timeline);
      else {
        // The same derived summary the console's Payments, Captures and Overview show.
        const s = timeline.summary;
        const figure = (label: string, m: MoneyAmount | null): string | undefined => (m && BigInt(m.value) !== 0n ? `${label} ${money(m)}` : undefined);
        printFields(io, [['payment', [...timeline.paymentRequestIds, ...timeline.paymentIds].join(' / ')], ['state', s.state],
          ['money', s.currency ? [figure('authorised', s.authorised), figure('captured', s.captured), figure('refunded', s.refunded), figure('uncaptured', s.uncaptured), figure('released', s.released), figure('charged back', s.chargedBack), `net ${s.net ? money(s.net) : '-'}`].filter(Boolean).join(', ') : undefined],
          ['disputes', s.disputes > 0 ? `${s.disputes} (${s.openDisputes} open)` : undefined]]);
        if (timeline.alsoMatches && timeline.alsoMatches.length > 1) {
          io.err(`"${id}" names ${timeline.alsoMatches.length} payments; showing the newest. The others:`);
          for (const p of timeline.alsoMatches) io.err(`  ${p.paymentRequestId ?? '-'} / ${p.paymentId ?? '-'}  ${p.state}  ${p.amount?.display ?? ''}`);
        }
        for (const e of timeline.events) io.out(`${e.at}  ${e.kind.padEnd(14)} ${e.summary}`);
        for (const m of timeline.mismatches) io.err(`mismatch: ${m.message}${m.at ? ` (${m.at})` : ''}`);
      }
      return EXIT_OK;
    });
  },
};

const exportUsage = `antom-ops export notifications|calls [--format csv|json] [--out FILE] ${FILTER_USAGE} [filters of notifications/calls list]`;

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export notifications or calls (filtered, redacted) as CSV or JSON',
  usage: exportUsage,
  async run(argv, io) {
    const [what, ...rest] = argv;
    const args = parseCommandArgs(rest, { ...FILTER_OPTIONS, format: { type: 'string' }, out: { type: 'string' } }, exportUsage);
    const format = optionalString(args, 'format') ?? 'csv';
    if (format !== 'csv' && format !== 'json') throw new ConsoleError('VALIDATION_FAILED', `--format must be csv or json, got "${format}".`, `Usage: ${exportUsage}`);
    if (what !== 'notifications' && what !== 'calls') throw new ConsoleError('VALIDATION_FAILED', 'Export what? notifications or calls.', `Usage: ${exportUsage}`);
    return withJournalDoor(args, async (door) => {
      const file = what === 'notifications'
        ? await door.call('exportNotifications', { filter: notificationFilterFromArgs(args), format })
        : await door.call('exportCalls', { filter: callFilterFromArgs(args), format });
      const text = file.content;
      const out = optionalString(args, 'out');
      if (out) {
        writeFileSync(out, text, { mode: 0o600 });
        io.err(`wrote ${out}`);
      } else io.out(text);
      return EXIT_OK;
    });
  },
};

const pruneUsage = 'antom-ops prune [--older-than-days N] [--set-retention-days N] [--json] [--data-dir DIR]';

export const pruneCommand: CliCommand = {
  name: 'prune',
  summary: 'Delete journal records older than the retention setting and reclaim the space',
  usage: pruneUsage,
  async run(argv, io) {
    const args = parseCommandArgs(argv, { 'older-than-days': { type: 'string' }, 'set-retention-days': { type: 'string' } }, pruneUsage);
    const days = (name: string) => {
      const v = optionalString(args, name);
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new ConsoleError('VALIDATION_FAILED', `--${name} must be a whole number of days (>= 1), got "${v}".`, `Usage: ${pruneUsage}`);
      return n;
    };
    return withJournalDoor(args, async (door) => {
      const retention = days('set-retention-days');
      if (retention !== undefined) await door.call('setRetentionDays', { days: retention });
      const olderThan = days('older-than-days');
      const result = await door.call('pruneJournal', olderThan === undefined ? {} : { olderThanDays: olderThan });
      const { retentionDays } = await door.call('getJournalInfo', {});
      if (flag(args, 'json')) printJson(io, { ...result, retentionDays });
      else printFields(io, [['removed before', result.cutoff], ['calls', result.calls], ['notifications', result.notifications], ['attempts', result.attempts], ['space reclaimed', `${result.bytesReclaimed} bytes`], ['retention', `${retentionDays} days`]]);
      return EXIT_OK;
    });
  },
};
