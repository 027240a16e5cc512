/**
 * The journal's read side (notifications, calls, timelines, search, exports, mismatches) and
 * replaying a stored notification to a URL the user chooses.
 */
import type { HandlerTable, ReplayResult } from '../../../src-shared/contract';
import type { NotificationDetailView } from '../../../src-shared/journal-views';
import { ConsoleError } from '../../../src-shared/errors';
import { parsePrivateKey } from '../keys/parse-keys';
import { EMBEDDED_PROFILE_NAME } from '../profiles/embedded-profile';
import { replayNotification, type ReplaySigner } from '../receiver/replay';
import { replayRecordOf } from '../journal/notification-replays';
import type { HandlerContext } from './handler-context';
import { exportFile } from './export-file';
import { assertJournalAllows } from './journal-role-guards';

type JournalHandlers = Pick<HandlerTable,
  'listNotifications' | 'getNotification' | 'replayNotification' | 'resendForward' | 'exportNotifications' | 'listCalls' | 'getCall' | 'exportCalls' |
  'getTimeline' | 'findById' | 'listMismatches'>;

function notFound(what: string, id: number): ConsoleError {
  return new ConsoleError('NOT_FOUND', `There is no ${what} with id ${id} in the journal.`, `Pick one from the list; it may have been pruned by retention.`, { id });
}

export function journalHandlers(ctx: HandlerContext): JournalHandlers {
  /** The embedded sandbox's Antom key signs re-signed replays; nothing else may (it would forge Antom). */
  async function replaySigner(notificationProfile: string | null): Promise<{ signer: ReplaySigner; sandboxProfiles: Set<string> }> {
    const all = await ctx.profiles.list();
    const sandboxProfiles = new Set(all.filter((p) => p.environment !== 'production').map((p) => p.name));
    const owner = all.find((p) => p.name === notificationProfile);
    if (owner?.environment === 'production') {
      throw new ConsoleError(
        'REPLAY_REFUSED',
        `This notification belongs to the production profile "${owner.name}"; the console will not re-sign it.`,
        'Replay it as received: re-signing would forge a production notification Antom never sent.',
        { profile: owner.name },
      );
    }
    const embedded = all.find((p) => p.environment === 'embedded' && p.name === EMBEDDED_PROFILE_NAME) ?? all.find((p) => p.environment === 'embedded');
    if (!embedded) {
      throw new ConsoleError('REPLAY_REFUSED', 'There is no embedded sandbox profile, so there is no sandbox Antom key to re-sign with.', 'Restart the console to recreate the embedded sandbox profile, or replay as received.');
    }
    const key = parsePrivateKey(await ctx.profiles.loadSandboxAntomKey(embedded.name)).keyObject;
    // The target checks the client-id it knows: the notification's own profile's, else the embedded one's.
    const clientId = owner?.clientId ?? embedded.clientId;
    return { signer: { clientId, antomPrivateKey: key, keyVersion: embedded.keyVersion }, sandboxProfiles };
  }

  return {
    async listNotifications({ filter, page }) {
      return ctx.journal.listNotifications(filter ?? {}, page ?? {});
    },
    async getNotification({ id }) {
      const detail = await ctx.journal.getNotification(id);
      if (!detail) throw notFound('notification', id);
      // The raw bytes stay in main: the page gets the text body (and never a Buffer over IPC/JSON).
      const { rawBody: _raw, ...view } = detail;
      return view satisfies NotificationDetailView;
    },
    async replayNotification({ id, toUrl, mode }): Promise<ReplayResult> {
      const stored = await ctx.journal.getNotification(id);
      if (!stored) throw notFound('notification', id);
      // A replay that could not be recorded would leave no trace of what was sent where.
      await assertJournalAllows(ctx, 'replayNotification');
      const signing = mode === 're-signed' ? await replaySigner(stored.profile) : undefined;
      const result = await replayNotification({
        sink: ctx.journal,
        id,
        toUrl,
        mode,
        ...(signing ? { signer: signing.signer, isSandboxProfile: (p: string | null | undefined) => !!p && signing.sandboxProfiles.has(p) } : {}),
      });
      const { id: _replayId, ...recorded } = await ctx.journal.recordReplay(id, replayRecordOf(result));
      return { ...recorded, id, notes: result.warnings };
    },
    async resendForward({ id }) {
      // A write to the shared journal: a read-only profile (support) may look, not re-send.
      const profile = ctx.scope.profile !== undefined ? await ctx.profiles.get(ctx.scope.profile) : await ctx.profiles.getActive();
      if (profile?.readOnly) {
        throw new ConsoleError('READ_ONLY', `Profile "${profile.name}" is read-only, so it cannot re-send a forward.`,
          'Switch to a profile that is not read-only, or ask an operator to re-send it.', { profile: profile.name, operation: 'resendForward' });
      }
      if (!(await ctx.journal.getNotification(id))) throw notFound('notification', id);
      return ctx.journal.resendForward(id);
    },
    async exportNotifications({ filter, format }) {
      return exportFile('notifications', format, await ctx.journal.exportNotifications(filter ?? {}, format));
    },
    async listCalls({ filter, page }) {
      return ctx.journal.listCalls(filter ?? {}, page ?? {});
    },
    async getCall({ id }) {
      const call = await ctx.journal.getCall(id);
      if (!call) throw notFound('call', id);
      return call;
    },
    async exportCalls({ filter, format }) {
      return exportFile('calls', format, await ctx.journal.exportCalls(filter ?? {}, format));
    },
    async getTimeline({ id }) {
      return (await ctx.journal.timeline(id.trim())) ?? null;
    },
    async findById({ id }) {
      return ctx.journal.findById(id.trim());
    },
    async listMismatches({ since, until }) {
      return ctx.journal.mismatches({ ...(since ? { since } : {}), ...(until ? { until } : {}) });
    },
  };
}
