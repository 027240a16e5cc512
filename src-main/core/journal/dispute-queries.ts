/**
 * The journal's disputes: every notifyDispute the receiver stored (verified, or rejected only
 * because today's receiver does not know the type: its signature did verify) and every dispute
 * call the console made, grouped by disputeId into DisputeView rows, plus the disputed funds of
 * one payment for its money summary.
 *
 * Status is decided by the newest trustworthy word: a verified (or signature-checked) notification
 * or a successful call. Antom resends a notification until it is acknowledged; copies of the same
 * word are folded into one history entry.
 */
import type Database from 'better-sqlite3';
import type { DisputeHistoryEntry, DisputeStatus, DisputeView } from '../../../src-shared/dispute-views';
import { isKnownCurrency } from '../../../src-shared/money';
import { DISPUTE_APIS, PAYMENT_NOTIFY_TYPES } from '../../../src-shared/vocabulary';
import { readDisputeNotification, type DisputeNotificationFields } from './dispute-notification-fields';
import type { MoneyAmount, MoneySummary } from './journal-types';
import { parseBody, type AmountFact } from './payment-facts';
import { moneyAmount } from './payment-state';

/**
 * Upper bound of rows read per query; a console's journal holds far fewer disputes. The payment,
 * capture and refund types are excluded first: that test reads only the row's small columns, so
 * the bodies of the (many) payment notifications are never loaded.
 */
const ROW_CAP = 20_000;

export interface DisputeNoteRow {
  id: number;
  first_seen_at: string;
  verification: string;
  reject_reason: string | null;
  profile: string | null;
  body: Buffer;
}
type NoteRow = DisputeNoteRow;

export interface DisputeCallRow {
  id: number;
  call_id: string;
  started_at: string;
  api: string;
  profile: string;
  request_body: string;
  response_body: string | null;
  result_status: string | null;
  result_code: string | null;
  error_code: string | null;
}
type CallRow = DisputeCallRow;

interface Acc {
  view: DisputeView;
  /** Latest status-bearing word: [at, status]. */
  words: Array<{ at: string; status: DisputeStatus; order: number }>;
  noteKeys: Map<string, DisputeHistoryEntry>;
}

function money(amount: AmountFact | undefined): MoneyAmount | null {
  return amount ? moneyAmount(amount.value, amount.currency) : null;
}

const STATUS_OF_NOTE: Record<DisputeNotificationFields['disputeNotificationType'], DisputeStatus | undefined> = {
  DISPUTE_CREATED: 'OPEN',
  DEFENSE_DUE_ALERT: undefined, // a reminder: it changes nothing
  DEFENSE_SUPPLIED: 'DEFENDED',
  DISPUTE_JUDGED: 'JUDGED',
  DISPUTE_CANCELLED: 'CANCELLED',
  RDR_RESOLVED: 'RDR_RESOLVED',
};

/** A notification whose signature verified: stored as verified, or rejected only for its (unknown) type. */
function trusted(row: DisputeNoteRow): boolean {
  return row.verification === 'verified' || row.reject_reason === 'not-a-notification';
}

function emptyView(disputeId: string): DisputeView {
  return {
    disputeId, paymentId: null, paymentRequestId: null, profile: null, disputeType: null, reasonCode: null, reasonMsg: null, amount: null,
    disputeTime: null, defenseDueTime: null, status: 'OPEN', actionable: false, judgedResult: null, judgedTime: null, judgedAmount: null,
    defenseSupplied: false, history: [],
  };
}

/** The rows a dispute list is folded from, as either engine's SQL returns them. */
interface DisputeSourceRows {
  notes: DisputeNoteRow[];
  calls: DisputeCallRow[];
}

/** Which notifications may hold dispute bodies: not the payment types, verified (or verified but unreadable), mentioning disputeNotificationType. */
export const DISPUTE_NOTE_WHERE = `notify_type NOT IN (${PAYMENT_NOTIFY_TYPES.map((t) => `'${t}'`).join(', ')})
      AND (verification = 'verified' OR reject_reason = 'not-a-notification')`;
export const DISPUTE_ROW_CAP = ROW_CAP;
/** The dispute APIs whose calls belong in a dispute's history. */
export const DISPUTE_CALL_APIS: readonly string[] = DISPUTE_APIS;

export function listDisputes(db: Database.Database, now: Date = new Date()): DisputeView[] {
  const notes = db.prepare(`SELECT id, first_seen_at, verification, reject_reason, profile, body FROM notifications
    WHERE ${DISPUTE_NOTE_WHERE} AND instr(CAST(body AS TEXT), '"disputeNotificationType"') > 0
    ORDER BY id LIMIT ${ROW_CAP}`).all() as NoteRow[];
  const calls = db.prepare(`SELECT id, call_id, started_at, api, profile, request_body, response_body, result_status, result_code, error_code FROM calls
    WHERE api IN (${DISPUTE_APIS.map(() => '?').join(', ')}) ORDER BY id LIMIT ${ROW_CAP}`).all(...DISPUTE_APIS) as CallRow[];
  return foldDisputes({ notes, calls }, now);
}

/** Engine-free: folds notifyDispute notifications and dispute calls into one view per dispute. */
export function foldDisputes({ notes, calls }: DisputeSourceRows, now: Date = new Date()): DisputeView[] {
  const byId = new Map<string, Acc>();
  const accFor = (disputeId: string): Acc => {
    let acc = byId.get(disputeId);
    if (!acc) {
      acc = { view: emptyView(disputeId), words: [], noteKeys: new Map() };
      byId.set(disputeId, acc);
    }
    return acc;
  };
  let order = 0;

  for (const row of notes) {
    const fields = readDisputeNotification(row.body);
    if (!fields || !trusted(row)) continue;
    const acc = accFor(fields.disputeId);
    const v = acc.view;
    v.paymentId ??= fields.paymentId ?? null;
    v.paymentRequestId ??= fields.paymentRequestId ?? null;
    v.profile ??= row.profile;
    v.disputeType = fields.disputeType ?? v.disputeType;
    v.reasonCode = fields.disputeReasonCode ?? v.reasonCode;
    v.reasonMsg = fields.disputeReasonMsg ?? v.reasonMsg;
    v.amount = money(fields.disputeAmount) ?? v.amount;
    v.disputeTime = fields.disputeTime ?? v.disputeTime;
    v.defenseDueTime = fields.defenseDueTime ?? v.defenseDueTime;
    if (fields.disputeNotificationType === 'DISPUTE_JUDGED') {
      v.judgedResult = fields.disputeJudgedResult ?? v.judgedResult;
      v.judgedTime = fields.disputeJudgedTime ?? v.judgedTime;
      v.judgedAmount = money(fields.disputeJudgedAmount) ?? v.judgedAmount;
    }
    if (fields.disputeNotificationType === 'DEFENSE_SUPPLIED') v.defenseSupplied = true;
    const key = `${fields.disputeNotificationType}|${fields.disputeJudgedResult ?? ''}|${fields.disputeJudgedTime ?? ''}`;
    const seen = acc.noteKeys.get(key);
    if (seen) {
      seen.copies = (seen.copies ?? 1) + 1;
      continue;
    }
    const status = STATUS_OF_NOTE[fields.disputeNotificationType];
    if (status) acc.words.push({ at: row.first_seen_at, status, order: order++ });
    const entry: DisputeHistoryEntry = {
      at: row.first_seen_at, source: 'notification', ref: row.id, what: fields.disputeNotificationType,
      summary: [fields.disputeNotificationType, fields.disputeJudgedResult].filter(Boolean).join(' '),
      resultStatus: null, resultCode: null, copies: 1, verified: row.verification === 'verified',
    };
    acc.noteKeys.set(key, entry);
    v.history.push(entry);
  }

  // One history entry per logical call (its last attempt), since retries resend the same body.
  const lastAttempt = new Map<string, CallRow>();
  for (const call of calls) lastAttempt.set(call.call_id, call);
  for (const call of lastAttempt.values()) {
    const disputeId = parseBody(call.request_body)?.disputeId;
    if (typeof disputeId !== 'string' || disputeId === '') continue;
    const acc = accFor(disputeId);
    acc.view.profile ??= call.profile;
    const outcome = call.result_status ? `${call.result_status} ${call.result_code ?? ''}`.trim() : `no answer (${call.error_code ?? 'unknown'})`;
    const detail = call.api === 'downloadDisputeEvidence' ? (parseBody(call.request_body)?.disputeEvidenceType as string | undefined) : undefined;
    acc.view.history.push({
      at: call.started_at, source: 'call', ref: call.id, what: call.api,
      summary: [call.api, detail, '->', outcome].filter(Boolean).join(' '),
      resultStatus: call.result_status, resultCode: call.result_code,
    });
    if (call.result_status === 'S' && call.api === 'acceptDispute') acc.words.push({ at: call.started_at, status: 'ACCEPTED', order: order++ });
    if (call.result_status === 'S' && call.api === 'supplyDefenseDocument') {
      acc.words.push({ at: call.started_at, status: 'DEFENDED', order: order++ });
      acc.view.defenseSupplied = true;
    }
  }

  const views: DisputeView[] = [];
  for (const acc of byId.values()) {
    const v = acc.view;
    v.history.sort((a, b) => a.at.localeCompare(b.at) || a.ref - b.ref);
    acc.words.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
    // A judgement or withdrawal is final; a later call word (e.g. a stray accept) does not reopen it.
    const final = [...acc.words].reverse().find((w) => w.status === 'JUDGED' || w.status === 'CANCELLED' || w.status === 'RDR_RESOLVED');
    const latest = final ?? acc.words[acc.words.length - 1];
    let status: DisputeStatus = latest?.status ?? 'OPEN';
    if (status === 'OPEN' && v.defenseDueTime && Date.parse(v.defenseDueTime) <= now.getTime()) status = 'DEADLINE_PASSED';
    v.status = status;
    v.actionable = status === 'OPEN';
    views.push(v);
  }
  return views.sort(compareByDeadline);
}

/** Open disputes first, soonest deadline first; then the rest, newest first. */
function compareByDeadline(a: DisputeView, b: DisputeView): number {
  if (a.actionable !== b.actionable) return a.actionable ? -1 : 1;
  if (a.actionable) {
    const da = a.defenseDueTime ? Date.parse(a.defenseDueTime) : Infinity;
    const dbt = b.defenseDueTime ? Date.parse(b.defenseDueTime) : Infinity;
    return da - dbt;
  }
  return (b.disputeTime ?? '').localeCompare(a.disputeTime ?? '');
}

/**
 * Disputed funds of a payment for its money summary. Chargebacks (and disputes of unknown type)
 * hold their amount while open or defended; ACCEPT_BY_MERCHANT (or an accept) takes it back for
 * good; ACCEPT_BY_CUSTOMER, a withdrawal or RDR releases it. Compliance requests move no money.
 */
export function disputeFunds(views: readonly DisputeView[], money: MoneySummary | null): MoneySummary | null {
  if (!money || views.length === 0) return money;
  let frozen = 0n;
  let chargedBack = 0n;
  for (const v of views) {
    if (v.disputeType === 'COMPLIANCE_REQUEST' || v.disputeType === 'RETRIEVAL_REQUEST') continue;
    const amount = v.amount && v.amount.currency === money.currency ? BigInt(v.amount.value) : 0n;
    if (v.status === 'OPEN' || v.status === 'DEADLINE_PASSED' || v.status === 'DEFENDED') frozen += amount;
    else if (v.status === 'ACCEPTED' || (v.status === 'JUDGED' && v.judgedResult === 'ACCEPT_BY_MERCHANT')) {
      chargedBack += v.judgedAmount && v.judgedAmount.currency === money.currency ? BigInt(v.judgedAmount.value) : amount;
    }
  }
  if (!isKnownCurrency(money.currency)) return money;
  return { ...money, disputeFrozen: moneyAmount(frozen, money.currency), chargedBack: moneyAmount(chargedBack, money.currency) };
}
