/**
 * What the journal shows: notifications, calls, timelines, money summaries. Pure types shared by
 * the main process (which builds them from SQLite) and the renderer (which displays them).
 */
import type { JournalTransaction, PaymentSummary } from './payment-summary';
import type { AntomApiName, CallIds, CallTrigger, ResponseSignatureLabel } from './antom-calls';
import type { NotificationVerification, NotifyType, RejectReason, ResultStatus, ResultStatusFilter } from './vocabulary';
import type { Actor } from './audit-views';

export type { NotificationVerification, NotifyType, RejectReason } from './vocabulary';

type CallIdName = keyof CallIds;
export const CALL_ID_NAMES: readonly CallIdName[] = ['paymentRequestId', 'paymentId', 'captureRequestId', 'captureId', 'refundRequestId', 'refundId', 'referenceOrderId', 'disputeId'];

/** What the receiver sent back for one POST (same shape as receiver/notification-sink.ts). */
export interface NotificationAnswerRecord {
  httpStatus: number;
  body: string;
  sentAt?: string;
}

/** Paging: newest first. Use `cursor` (from the previous page's nextCursor) or `offset`. */
export interface PageRequest {
  /** 1..500, default 100. */
  limit?: number;
  cursor?: string;
  offset?: number;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next (older) page; undefined on the last page. */
  nextCursor: string | undefined;
}

export interface TimeRange {
  /** ISO-8601, inclusive. */
  since?: string;
  /** ISO-8601, exclusive. */
  until?: string;
}

export interface NotificationFilter extends TimeRange {
  notifyType?: NotifyType | NotifyType[];
  verification?: NotificationVerification;
  rejectReason?: RejectReason | RejectReason[];
  acknowledged?: boolean;
  resultCode?: string;
  status?: string;
  profile?: string;
  /** Matches any ID column (paymentRequestId, paymentId, captureId, ...). */
  anyId?: string;
  /** Free text over the (redacted) body. */
  text?: string;
}

export interface CallFilter extends TimeRange {
  api?: AntomApiName | AntomApiName[];
  resultStatus?: ResultStatusFilter;
  resultCode?: string;
  responseSignature?: ResponseSignatureLabel;
  profile?: string;
  trigger?: CallTrigger;
  callId?: string;
  anyId?: string;
  /** Free text over the (redacted) request and response bodies. */
  text?: string;
}

export interface NotificationSummary extends CallIds {
  id: number;
  notifyType: NotifyType;
  verification: NotificationVerification;
  rejectReason: RejectReason | null;
  rejectDetail: string | null;
  acknowledged: boolean;
  acknowledgedAt: string | null;
  /** Always null for a listed row: duplicates are folded into `attempts` of the first one. */
  duplicateOf: number | null;
  attempts: number;
  /** First time this notification was seen. */
  receivedAt: string;
  lastSeenAt: string;
  profile: string | null;
  receiverPath: string;
  resultStatus: string | null;
  resultCode: string | null;
  status: string | null;
  amount: { value: string; currency: string } | null;
  dedupKey: string | null;
  /** True when `body` is the exact received bytes; false when personal data had to be masked. */
  bodyExact: boolean;
  /** SHA-256 (hex) of the exact received bytes, whatever was stored. */
  bodySha256: string;
  bodyBytes: number;
  /** Set for a verified notification the console could not read (notifyType UNKNOWN): why. It was stored and acknowledged all the same. */
  unrecognised: string | null;
  /** The relay's forward to the merchant's backend (--forward-to): null when it was never forwarded. */
  forwardState: ForwardState | null;
}

export interface NotificationAttemptRecord {
  id: number;
  receivedAt: string;
  remoteAddress: string | null;
  receiverPath: string;
  verification: NotificationVerification;
  rejectReason: RejectReason | null;
  bodySha256: string;
  answerStatus: number | null;
  answerBody: string | null;
  answeredAt: string | null;
}

/** A notification with its headers, body and attempts (the main side adds the raw bytes). */
export interface NotificationDetailView extends NotificationSummary {
  headers: Record<string, string>;
  body: string;
  /** The content the signature was checked over (body part redacted when bodyExact is false). */
  contentVerified: string | null;
  attemptList: NotificationAttemptRecord[];
  retry: NotificationRetryInfo;
  /** Every time someone replayed this notification to a URL, with the answer. */
  replays: NotificationReplayRecord[];
  /** The relay's forwards of this notification to the merchant's backend (one per target; usually none or one). */
  forwards: ForwardStatusView[];
}

/**
 * A forward's state: pending (queued or waiting for its next send), delivered (the backend
 * accepted it), given-up (all 8 sends of Antom's schedule went unaccepted: "the backend never
 * accepted"; a Re-send starts a new round).
 */
export type ForwardState = 'pending' | 'delivered' | 'given-up';

/** One send of a forward and what the backend answered. */
export interface ForwardAttemptView {
  id: number;
  /** 1 for the original schedule; each Re-send starts the next round. */
  round: number;
  /** 1..8 within its round. */
  attempt: number;
  sentAt: string;
  /** null when no HTTP answer arrived (see error). */
  httpStatus: number | null;
  /** The start of the backend's answer, redacted. */
  answerExcerpt: string | null;
  /** Network error or timeout, when there was no answer. */
  error: string | null;
  latencyMs: number;
  accepted: boolean;
}

/** A notification's forward to one target, with every send. */
export interface ForwardStatusView {
  target: string;
  state: ForwardState;
  round: number;
  /** Sends made in the current round. */
  attemptsMade: number;
  maxAttempts: number;
  /** When the next send is due (ISO); null once delivered or given up. */
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
  attempts: ForwardAttemptView[];
}

export interface NotificationReplayRecord {
  id: number;
  sentAt: string;
  toUrl: string;
  mode: 'as-received' | 're-signed';
  httpStatus: number | null;
  /** The target's answer (first 4 KiB, redacted). */
  answerBody: string | null;
  latencyMs: number;
  acknowledged: boolean;
  error: string | null;
}

export interface NotificationRetryInfo {
  attempts: number;
  firstSeenAt: string;
  lastSeenAt: string;
  acknowledged: boolean;
  /** While not acknowledged: when Antom's next resend is due (ISO), null after the 8th attempt or once acknowledged. */
  nextRetryDueAt: string | null;
  /** nextRetryDueAt is in the past: Antom should have resent by now. */
  overdue: boolean;
  retriesLeft: number;
}

export interface CallSummary extends CallIds {
  id: number;
  attemptId: string;
  callId: string;
  attempt: number;
  startedAt: string;
  profile: string;
  environment: string;
  api: AntomApiName;
  path: string;
  httpStatus: number | null;
  responseSignature: ResponseSignatureLabel | null;
  latencyMs: number;
  resultStatus: ResultStatus | null;
  resultCode: string | null;
  resultMessage: string | null;
  errorCode: string | null;
  trigger: CallTrigger;
  /** Who sent it: OS user, host and door (absent on calls recorded before the audit trail). */
  actor?: Actor;
}

export interface CallDetail extends CallSummary {
  url: string;
  clientId: string;
  requestTime: string;
  requestSignatureHeader: string;
  requestBody: string;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
  errorMessage: string | null;
}

export interface FindByIdResult {
  id: string;
  /** Payments (paymentRequestId/paymentId pairs) the ID belongs to: every one, when several share it. */
  payments: { paymentRequestId: string | null; paymentId: string | null }[];
  /** The same payments, summarised (state and money), in the same order (newest first). */
  summaries: PaymentSummary[];
  calls: CallSummary[];
  notifications: NotificationSummary[];
}

export type PaymentState =
  | 'UNKNOWN' | 'CREATED' | 'PROCESSING' | 'AUTHORISED' | 'PARTIALLY_CAPTURED' | 'CAPTURED' | 'PAID'
  | 'PARTIALLY_REFUNDED' | 'REFUNDED' | 'CANCELLED' | 'FAILED' | 'EXPIRED';

export type TimelineEventKind = 'session' | 'inquiry' | 'notification' | 'capture' | 'cancel' | 'refund' | 'refund-inquiry' | 'dispute';

export interface TimelineEvent {
  kind: TimelineEventKind;
  at: string;
  source: 'call' | 'notification';
  /** calls.id or notifications.id */
  ref: number;
  summary: string;
  resultStatus: string | null;
  resultCode: string | null;
  /** Business status (paymentStatus / refundStatus / notification status) when the event carries one. */
  status: string | null;
  amount: MoneyAmount | null;
  /** Notifications only. */
  notifyType?: NotifyType;
  verification?: NotificationVerification;
  acknowledged?: boolean;
  attempts?: { at: string; answerStatus: number | null }[];
  /** A polling run folded into one event: how many inquiries it made, and when the first was (`at` is the last). */
  polls?: { count: number; firstAt: string; statuses: string[] };
}

export interface MoneyAmount {
  currency: string;
  value: string;
  display: string;
}

export interface MoneySummary {
  currency: string;
  authorised: MoneyAmount;
  captured: MoneyAmount;
  refunded: MoneyAmount;
  /** captured - refunded: what the merchant still holds. */
  remaining: MoneyAmount;
  /** authorised - captured: still capturable (zero for auto-captured payments). */
  uncaptured: MoneyAmount;
  /** Held back by open chargebacks (notifyDispute); present once the payment has a dispute. */
  disputeFrozen?: MoneyAmount;
  /** Taken back by chargebacks judged ACCEPT_BY_MERCHANT or accepted; present once the payment has a dispute. */
  chargedBack?: MoneyAmount;
}

type MismatchKind = 'notification-disagrees-with-inquiry' | 'notification-missing' | 'capture-exceeds-authorised' | 'refund-exceeds-paid';

export interface MismatchFlag {
  kind: MismatchKind;
  paymentRequestId: string | null;
  paymentId: string | null;
  message: string;
  /** When the contradicting statement was made (the screen formats it; never put in `message`). */
  at?: string;
  /** Rows that show the disagreement. */
  refs: { source: 'call' | 'notification'; id: number }[];
}

export interface PaymentTimeline {
  query: string;
  paymentRequestIds: string[];
  paymentIds: string[];
  events: TimelineEvent[];
  state: PaymentState;
  money: MoneySummary | null;
  mismatches: MismatchFlag[];
  /** The one derived summary (state, money, disputes) every screen shows for this payment. */
  summary: PaymentSummary;
  /** Captures and refunds as the journal knows them (calls, notifications, inquiries), without a fresh inquiry. */
  transactions: JournalTransaction[];
  /** When the query names several payments (e.g. a shared referenceOrderId): all of them; the timeline is the newest's. */
  alsoMatches?: PaymentSummary[];
}

export interface PruneResult {
  cutoff: string;
  calls: number;
  notifications: number;
  attempts: number;
  bytesBefore: number;
  bytesAfter: number;
  bytesReclaimed: number;
}

export type ExportFormat = 'csv' | 'json';

export interface JournalSettings {
  /** Records older than this are removed by prune(). */
  retentionDays: number;
  /** A final payment with no notification after this long is flagged. */
  notificationExpectedMinutes: number;
}

