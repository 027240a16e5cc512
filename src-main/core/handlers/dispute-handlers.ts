/**
 * Disputes: accept, defend (upload a document), download evidence, and the journal's list.
 * Accept and defend are money-affecting: refused for read-only profiles and, in production,
 * only with the disputeId typed back as confirmation (money-guards.ts), before any byte is signed.
 * Downloading evidence changes nothing at Antom, so read-only profiles may do it.
 */
import type { HandlerTable, OperationName, ProfileSummary } from '../../../src-shared/contract';
import type { HandlerContext } from './handler-context';
import { activeProfile, assertDisputeConfirmed, assertWritable } from './money-guards';

type DisputeHandlers = Pick<HandlerTable, 'acceptDispute' | 'supplyDefenseDocument' | 'downloadDisputeEvidence' | 'listDisputes'>;

export function disputeHandlers(ctx: HandlerContext): DisputeHandlers {
  async function guardedClient(operation: OperationName, confirm: (profile: ProfileSummary) => void) {
    const profile = await activeProfile(ctx);
    assertWritable(profile, operation);
    confirm(profile);
    return ctx.clientFor(profile.name);
  }

  return {
    async acceptDispute({ disputeId, confirmation }) {
      const client = await guardedClient('acceptDispute', (profile) => assertDisputeConfirmed(profile, disputeId, confirmation, 'accept'));
      return client.acceptDispute({ disputeId }, { trigger: 'user' });
    },

    async supplyDefenseDocument({ disputeId, disputeEvidence, confirmation }) {
      const client = await guardedClient('supplyDefenseDocument', (profile) => assertDisputeConfirmed(profile, disputeId, confirmation, 'defend'));
      return client.supplyDefenseDocument({ disputeId, disputeEvidence }, { trigger: 'user' });
    },

    async downloadDisputeEvidence({ disputeId, disputeEvidenceType }) {
      const client = await ctx.clientFor();
      return client.downloadDisputeEvidence({ disputeId, disputeEvidenceType }, { trigger: 'user' });
    },

    async listDisputes() {
      return ctx.journal.disputes();
    },
  };
}
