/**
 * Disputes: accept, defend (upload a document), download evidence, and the journal's list.
 * Accept and defend are money-affecting: refused for read-only profiles and, in production,
 * only with the disputeId typed back as confirmation (money-guards.ts), before any byte is signed.
 * Downloading evidence changes nothing at Antom, so read-only profiles may do it.
 */
import type { HandlerTable } from '../../../src-shared/contract';
import type { HandlerContext } from './handler-context';
import { activeProfile, assertDisputeConfirmed, guardedClient } from './money-guards';
import { assertJournalAllows } from './journal-role-guards';

type DisputeHandlers = Pick<HandlerTable, 'acceptDispute' | 'supplyDefenseDocument' | 'downloadDisputeEvidence' | 'listDisputes'>;

export function disputeHandlers(ctx: HandlerContext): DisputeHandlers {
  const trigger = ctx.scope.trigger ?? 'user';

  return {
    async acceptDispute({ disputeId, confirmation }) {
      const client = await guardedClient(ctx, 'acceptDispute', (profile) => assertDisputeConfirmed(profile, disputeId, confirmation, 'accept'));
      return client.acceptDispute({ disputeId }, { trigger });
    },

    async supplyDefenseDocument({ disputeId, disputeEvidence, confirmation }) {
      const client = await guardedClient(ctx, 'supplyDefenseDocument', (profile) => assertDisputeConfirmed(profile, disputeId, confirmation, 'defend'));
      return client.supplyDefenseDocument({ disputeId, disputeEvidence }, { trigger });
    },

    async downloadDisputeEvidence({ disputeId, disputeEvidenceType }) {
      await assertJournalAllows(ctx, 'downloadDisputeEvidence');
      const client = await ctx.clientFor((await activeProfile(ctx)).name);
      return client.downloadDisputeEvidence({ disputeId, disputeEvidenceType }, { trigger });
    },

    async listDisputes() {
      return ctx.journal.disputes();
    },
  };
}
