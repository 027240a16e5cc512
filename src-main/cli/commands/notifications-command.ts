/**
 * antom-ops notifications: run the verifying receiver in the foreground, list and inspect what
 * it stored, and replay a stored notification to an integrator's server.
 */
import type { CliCommand } from '../command';
import { ConsoleError } from '../../../src-shared/errors';
import { EXIT_NEGATIVE, EXIT_OK, printFields, printJson, type CliIo } from '../cli-output';
import { flag, optionalString, parseCommandArgs, parsePort, readFileArg, requireString, type ParsedCommandArgs, unknownSubcommand, waitForStopSignal } from '../cli-args';
import { withDoor, withJournalDoor } from '../cli-core';
import { FILTER_OPTIONS, FILTER_USAGE, notificationFilterFromArgs, pageFromArgs } from '../journal-filter-args';
import { parsePublicKey } from '../../core/keys/parse-keys';
import { journalConfigFromArgs } from '../database-option';
import { openJournal } from '../../core/journal/open-journal';
import { startNotificationReceiver } from '../../core/receiver/notification-receiver';
import { assertJournalReceives } from '../../core/handlers/journal-role-guards';
import type { Verifier } from '../../core/receiver/verify-notification';
import type { NotificationSummary } from '../../../src-shared/journal-views';
import { profileNamed } from './profiles-command';

const usage = [
  'antom-ops notifications listen [--port N] (--profile NAME | --antom-public-key FILE) [--path P] [--host H --allow-non-loopback] [--data-dir DIR | --database URL] [--json]',
  `antom-ops notifications list [--type T,..] [--verification verified|rejected] [--reject-reason R,..] [--acknowledged|--unacknowledged] ${FILTER_USAGE} [--json]`,
  'antom-ops notifications show ID [--json]',
  'antom-ops notifications replay ID --to URL [--mode as-received|re-signed] [--json]   (re-signed: embedded sandbox profiles only)',
  'with --json, list prints {"entries": [...], "nextCursor": C or null}; pass --cursor C for the next page',
].join('\n       ');

/** The list entry scripts rely on (issue contract): stable keys, nulls rather than missing keys. */
export function notificationListEntry(n: NotificationSummary) {
  return {
    id: n.id, notifyType: n.notifyType, verification: n.verification, rejectReason: n.rejectReason, rejectDetail: n.rejectDetail,
    acknowledged: n.acknowledged, duplicateOf: n.duplicateOf, attempts: n.attempts,
    paymentRequestId: n.paymentRequestId ?? null, paymentId: n.paymentId ?? null, captureId: n.captureId ?? null, refundId: n.refundId ?? null,
    refundRequestId: n.refundRequestId ?? null, captureRequestId: n.captureRequestId ?? null,
    status: n.status, resultCode: n.resultCode, amount: n.amount, profile: n.profile, receivedAt: n.receivedAt, lastSeenAt: n.lastSeenAt,
  };
}

async function listen(args: ParsedCommandArgs, io: CliIo): Promise<number> {
  const json = flag(args, 'json');
  const keyFile = optionalString(args, 'antom-public-key');
  const profileName = optionalString(args, 'profile');
  if ((keyFile === undefined) === (profileName === undefined)) {
    throw new ConsoleError('VALIDATION_FAILED', 'Give exactly one of --profile NAME or --antom-public-key FILE.', 'The receiver needs the Antom public key to verify notifications with.');
  }
  let resolveVerifier: (clientId: string) => Verifier | undefined;
  let describe: string;
  if (keyFile) {
    const key = parsePublicKey(readFileArg(keyFile, 'antom-public-key').toString('utf8')).keyObject;
    // One key for every client-id: the receiver is the integrator's own, for one merchant.
    resolveVerifier = () => ({ profile: 'cli', antomPublicKey: key });
    describe = `Antom public key from ${keyFile}`;
  } else {
    const summary = await withDoor(args, async (door) => profileNamed(await door.call('listProfiles', {}), profileName!), { core: { ensureDefaultProfile: false } });
    if (!summary.antomPublicKey) throw new ConsoleError('KEY_MISSING', `Profile "${summary.name}" has no Antom public key.`, 'Set it with `antom-ops profiles set-antom-key NAME --antom-public-key FILE`.');
    const key = parsePublicKey(summary.antomPublicKey).keyObject;
    resolveVerifier = (clientId) => (clientId === summary.clientId ? { profile: summary.name, antomPublicKey: key } : undefined);
    describe = `profile "${summary.name}" (client-id ${summary.clientId})`;
  }
  const journal = await openJournal(journalConfigFromArgs(args));
  await assertJournalReceives(journal).catch(async (error: unknown) => {
    await journal.close();
    throw error;
  });
  const receiver = await startNotificationReceiver({
    port: parsePort(optionalString(args, 'port')),
    ...(optionalString(args, 'host') ? { host: optionalString(args, 'host')! } : {}),
    ...(optionalString(args, 'path') ? { path: optionalString(args, 'path')! } : {}),
    allowNonLoopback: flag(args, 'allow-non-loopback'),
    sink: journal,
    resolveVerifier,
    onStored: (ref, n) => {
      if (!json) io.err(`${n.receivedAt} ${n.verification === 'verified' ? 'verified' : `REJECTED (${n.rejectReason})`} ${n.notifyType} ${n.ids.paymentId ?? n.ids.paymentRequestId ?? ''}${ref.duplicateOf ? ` (attempt ${ref.attempts} of #${ref.duplicateOf})` : ''}`);
    },
    onError: (error) => io.err(`receiver: ${String(error)}`),
  });
  if (json) printJson(io, { url: receiver.url, host: receiver.host, port: receiver.port, path: receiver.path, verifyingWith: describe, journal: journal.describe() });
  else {
    printFields(io, [['listening', receiver.url], ['verifying with', describe], ['journal', journal.describe()]]);
    io.out('Press Ctrl+C to stop.');
  }
  await waitForStopSignal();
  await receiver.close();
  await journal.close();
  return EXIT_OK;
}

export const notificationsCommand: CliCommand = {
  name: 'notifications',
  summary: 'Receive and verify Antom notifications, list and inspect them, replay one to a URL',
  usage,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const args = parseCommandArgs(rest, {
      ...FILTER_OPTIONS, port: { type: 'string' }, host: { type: 'string' }, path: { type: 'string' }, 'allow-non-loopback': { type: 'boolean' },
      'antom-public-key': { type: 'string' }, to: { type: 'string' }, mode: { type: 'string' },
    }, usage);
    const json = flag(args, 'json');
    const idArg = () => {
      const n = Number(args.positionals[0]);
      if (!Number.isInteger(n) || n < 1) throw new ConsoleError('VALIDATION_FAILED', 'Give the notification id (a number from `notifications list`).', `Usage: ${usage}`);
      return n;
    };
    switch (sub) {
      case 'listen':
        return listen(args, io);
      case 'list':
        return withJournalDoor(args, async (door) => {
          const page = await door.call('listNotifications', { filter: notificationFilterFromArgs(args), page: pageFromArgs(args) });
          const entries = page.items.map(notificationListEntry);
          // Scripts page with the cursor, so it travels with the entries.
          if (json) printJson(io, { entries, nextCursor: page.nextCursor ?? null });
          else {
            for (const n of entries) {
              io.out(`#${String(n.id).padEnd(6)} ${n.receivedAt} ${n.notifyType.padEnd(15)} ${(n.verification === 'verified' ? 'verified' : `rejected:${n.rejectReason}`).padEnd(28)} ${n.acknowledged ? 'acked' : 'NOT acked'} x${n.attempts} ${n.paymentId ?? n.paymentRequestId ?? ''}`);
            }
            if (page.nextCursor) io.out(`more: --cursor ${page.nextCursor}`);
          }
          return EXIT_OK;
        });
      case 'show':
        return withJournalDoor(args, async (door) => {
          const view = await door.call('getNotification', { id: idArg() });
          if (json) printJson(io, view);
          else {
            printFields(io, [['notification', `#${view.id} ${view.notifyType}`], ['verification', view.verification === 'verified' ? 'verified' : `REJECTED: ${view.rejectReason} (${view.rejectDetail})`],
              ['acknowledged', view.acknowledged ? `yes, ${view.acknowledgedAt}` : 'no'], ['attempts', view.attempts],
              ['next Antom retry', view.retry.nextRetryDueAt ?? (view.retry.acknowledged ? 'none (acknowledged)' : 'none (schedule exhausted)')]]);
            io.out('content verified:');
            io.out(view.contentVerified ?? '(not checked)');
            io.out('body:');
            io.out(view.body);
          }
          return EXIT_OK;
        });
      case 'replay': {
        const id = idArg();
        const toUrl = requireString(args, 'to', usage);
        const mode = optionalString(args, 'mode') ?? 'as-received';
        // The console's replay: its URL and mode checks, its refusal to re-sign what it must not, its record of the replay.
        const result = await withDoor(args, (door) => door.call('replayNotification', { id, toUrl, mode }), { core: { ensureDefaultProfile: false } });
        if (json) printJson(io, result);
        else {
          printFields(io, [['replayed', `#${id} to ${toUrl} (${mode})`], ['answer', result.httpStatus === null ? `no answer: ${result.error ?? ''}` : `HTTP ${result.httpStatus} ${result.answerBody ?? ''}`],
            ['acknowledged', result.acknowledged ? 'yes' : 'no'], ['latency', `${Math.round(result.latencyMs)} ms`]]);
          for (const note of result.notes) io.err(`warning: ${note}`);
        }
        return result.acknowledged ? EXIT_OK : EXIT_NEGATIVE;
      }
      default:
        throw unknownSubcommand('notifications', sub, usage);
    }
  },
};
