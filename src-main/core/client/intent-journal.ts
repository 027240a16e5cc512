/**
 * No money moves without a record (issue 7 §4): before the client sends a money-moving operation
 * it writes an INTENT to the journal (operation, request ID, amount, payment IDs, who, when), and
 * after the call it writes the OUTCOME (the result, or "unknown" when no answer came). If the
 * intent cannot be written (a write error, the database down, a role that may not record it),
 * the call is not sent and the user is told that no money moved.
 *
 * This lives in the client's send path (antom-client.ts execute), the one place every handler,
 * door and retry goes through, so no operation can skip it. The journal implements the store
 * (journal/audit/); this module only says what is written and when.
 */
import { randomUUID } from 'node:crypto';
import { AUDITED_OPERATIONS, type Actor, type AuditedOperation } from '../../../src-shared/audit-views';
import { ConsoleError } from '../../../src-shared/errors';
import type { AntomApiName, CallIds } from './call-record';

/** What is known before the first byte is sent. */
export interface IntentRecord {
  /** UUID minted by the client; the outcome refers to it. */
  intentId: string;
  /** operation|request ID (or the IDs Antom keys the operation on): the same for every resend of one request. */
  intentKey: string;
  /** The client's callId: every attempt of this send is recorded under it. */
  callId: string;
  operation: AuditedOperation;
  requestIdField: string | undefined;
  requestId: string | undefined;
  amount: { currency: string; value: string } | undefined;
  ids: CallIds;
  profile: string;
  environment: string;
  actor: Actor;
  intendedAt: string;
}

/** How an intent ended ('pending' in the Audit view is the absence of this record). */
export interface OutcomeRecord {
  intentId: string;
  completedAt: string;
  outcome: 'S' | 'F' | 'U' | 'unknown' | 'not-sent';
  resultStatus: string | undefined;
  resultCode: string | undefined;
  errorCode: string | undefined;
  httpStatus: number | undefined;
  attempts: number;
}

/** The journal's side: both writes are plain INSERTs. */
export interface IntentJournal {
  /** Rejects when the intent is not on record: the caller must not send. */
  recordIntent(intent: IntentRecord): Promise<void>;
  /** Rejects on failure (the intent then reads as "no outcome recorded"). */
  recordOutcome(outcome: OutcomeRecord): Promise<void>;
}

export function isAuditedOperation(api: AntomApiName): api is AuditedOperation {
  return (AUDITED_OPERATIONS as readonly string[]).includes(api);
}

/** The amount field each money-moving body carries (cancel and the dispute calls have none). */
const AMOUNT_FIELD: Partial<Record<AuditedOperation, string>> = { createPaymentSession: 'paymentAmount', capture: 'captureAmount', refund: 'refundAmount' };

function amountOf(operation: AuditedOperation, body: Record<string, unknown>): IntentRecord['amount'] {
  const field = AMOUNT_FIELD[operation];
  const amount = field ? body[field] : undefined;
  if (amount === null || typeof amount !== 'object') return undefined;
  const { currency, value } = amount as Record<string, unknown>;
  return typeof currency === 'string' && typeof value === 'string' ? { currency, value } : undefined;
}

/**
 * What makes two sends the same intent: the request ID for the operations that have one (a resend
 * after a timeout reuses it), else the IDs Antom keys the operation on (cancel: the payment;
 * dispute calls: the dispute).
 */
function intentKeyOf(operation: AuditedOperation, requestId: string | undefined, ids: CallIds): string {
  if (requestId) return `${operation}|${requestId}`;
  if (operation === 'cancel') return `cancel|${ids.paymentId ?? ''}|${ids.paymentRequestId ?? ''}`;
  return `${operation}|${ids.disputeId ?? ''}`;
}

export function buildIntent(args: {
  operation: AuditedOperation;
  body: Record<string, unknown>;
  ids: CallIds;
  requestIdField: string | undefined;
  callId: string;
  profile: string;
  environment: string;
  actor: Actor;
  at: Date;
}): IntentRecord {
  const requestId = args.requestIdField && typeof args.body[args.requestIdField] === 'string' ? (args.body[args.requestIdField] as string) : undefined;
  return {
    intentId: randomUUID(),
    intentKey: intentKeyOf(args.operation, requestId, args.ids),
    callId: args.callId,
    operation: args.operation,
    requestIdField: args.requestIdField,
    requestId,
    amount: amountOf(args.operation, args.body),
    ids: args.ids,
    profile: args.profile,
    environment: args.environment,
    actor: args.actor,
    intendedAt: args.at.toISOString(),
  };
}

/** Where the write failed, in words the operator can act on. */
function whatToDo(cause: unknown): string {
  const code = cause instanceof ConsoleError ? cause.details?.sqlState : undefined;
  const text = cause instanceof Error ? `${cause.message} ${cause.cause instanceof Error ? cause.cause.message : ''}` : String(cause);
  if (code === '42501' || /permission denied|row-level security/i.test(text)) {
    return 'The database role this console connects as may not record money-moving calls (a support role, for example). Ask someone whose console connects as an operator to do it.';
  }
  if (cause instanceof ConsoleError && cause.code === 'JOURNAL_UNREACHABLE') return `${cause.hint} Then try again.`;
  return 'Check that the journal can be written (disk space and permissions of the data directory, or the shared database), then try again.';
}

/**
 * The error the user sees when the journal could not record (or, for the request-ID ledger,
 * even read) what a money-moving call needs before it is sent: nothing was sent.
 */
export function intentNotRecorded(operation: AntomApiName, cause: unknown, request?: { requestIdField: string | undefined; requestId: string | undefined }): ConsoleError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ConsoleError(
    'AUDIT_NOT_RECORDED',
    `${operation} was NOT sent: the journal could not record it first, and no money moves without a record. No money moved. (${reason})`,
    `${whatToDo(cause)} Nothing reached Antom, so it is safe to try the same ${operation} again.`,
    { operation, requestIdField: request?.requestIdField, requestId: request?.requestId, sent: false },
    { cause },
  );
}
