/**
 * The audit trail as every room sees it (issue 7 §4): who made a call (the OS user and host of
 * the console or CLI that sent it, and through which door), and for the money-moving operations
 * the intent written before sending and the outcome written after. Pure types and words.
 */
import type { CallIds } from './antom-calls';
import type { TimeRange } from './journal-views';

/** Which door sent a call: the Electron console, the loopback browser preview, or the antom-ops CLI. */
export const AUDIT_DOORS = ['console', 'preview', 'cli'] as const;
export type AuditDoor = (typeof AUDIT_DOORS)[number];

/**
 * The operations that move money (or give it away): each is written to the journal as an intent
 * BEFORE it is sent and is not sent when that write fails.
 */
export const AUDITED_OPERATIONS = ['createPaymentSession', 'capture', 'cancel', 'refund', 'acceptDispute', 'supplyDefenseDocument'] as const;
export type AuditedOperation = (typeof AUDITED_OPERATIONS)[number];

/**
 * How an intent ended:
 * - S / F / U: Antom's (verified) answer;
 * - unknown: sent, but no usable answer came back (network failure, timeout, invalid signature);
 * - not-sent: recorded, then refused before the first byte left (nothing reached Antom);
 * - pending: no outcome on record: in flight, or the console stopped before it could write one.
 *   Treat it as "sent, outcome unknown": inquire before doing anything else.
 */
export const AUDIT_OUTCOMES = ['S', 'F', 'U', 'unknown', 'not-sent', 'pending'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Who made a call. `user@host` is how the Audit view names a person. */
export interface Actor {
  user: string;
  host: string;
  door: AuditDoor;
}

export function personOf(actor: Pick<Actor, 'user' | 'host'>): string {
  return `${actor.user}@${actor.host}`;
}

/** One send of a money-moving operation: its intent, who sent it, and how it ended. */
export interface AuditEntry extends CallIds {
  id: number;
  intentId: string;
  /** Shared by every send of the same request (same operation and request ID): a resend links to the first. */
  intentKey: string;
  /** The first send of the same intent when this one is a resend of it; null for a first send. */
  resendOf: number | null;
  /** calls.callId of the attempts this send made (the API log's "every attempt of this call"). */
  callId: string;
  operation: AuditedOperation;
  requestIdField: string | null;
  requestId: string | null;
  amount: { currency: string; value: string } | null;
  profile: string;
  environment: string;
  actor: Actor;
  /** user@host */
  person: string;
  intendedAt: string;
  outcome: AuditOutcome;
  completedAt: string | null;
  resultStatus: string | null;
  resultCode: string | null;
  errorCode: string | null;
  httpStatus: number | null;
  attempts: number | null;
}

export interface AuditFilter extends TimeRange {
  /** user@host, or a user name alone (any host). */
  person?: string;
  operation?: AuditedOperation | AuditedOperation[];
  profile?: string;
  outcome?: AuditOutcome;
  door?: AuditDoor;
  /** Any ID the intent names (paymentId, captureRequestId, disputeId...). */
  anyId?: string;
}

/** What an outcome means for the operator, in a few words (lists, CSV, the CLI). */
export const AUDIT_OUTCOME_WORDS: Record<AuditOutcome, string> = {
  S: 'succeeded',
  F: 'failed (no money moved)',
  U: 'sent, outcome unknown (U)',
  unknown: 'sent, outcome unknown (no answer)',
  'not-sent': 'not sent',
  pending: 'sent, outcome unknown (no outcome recorded)',
};
