/**
 * The journal's storage interface. Only SQLite is built (sqlite-journal.ts), but the receiver,
 * the client recorder, the timelines and the CLI depend on this interface so a shared team store
 * could be added later without touching them.
 */
import type { CallIds, CallRecord } from '../client/call-record';

export type NotifyType = 'PAYMENT_RESULT' | 'PAYMENT_PENDING' | 'CAPTURE_RESULT' | 'REFUND_RESULT' | 'UNKNOWN';
export type NotificationVerification = 'verified' | 'rejected';
export type RejectReason =
  | 'wrong-key'          // signature well-formed but does not verify; no other explanation found
  | 'wrong-path'         // verifies over another path than the receiver's own
  | 'body-changed'       // signature valid for a different body (cannot always be told apart from wrong-key)
  | 'bad-time-header'    // request-time header missing/empty
  | 'malformed-signature'// header missing or not decodable
  | 'missing-client-id'
  | 'unknown-client-id'  // no profile with that client-id / no Antom public key for it
  | 'not-json'
  | 'not-a-notification' // JSON but not one of the notify shapes
  | 'oversized';

/** One HTTP POST received by the notification receiver, before classification. */
export interface ReceivedNotification {
  receivedAt: string;             // ISO-8601 UTC
  receiverPath: string;           // path (+query) the receiver was called on
  remoteAddress: string | undefined;
  headers: Record<string, string>;// lower-case names; raw values
  rawBody: Buffer;                // exact bytes
  profile: string | undefined;    // profile whose Antom public key was used
  verification: NotificationVerification;
  rejectReason: RejectReason | undefined;
  rejectDetail: string | undefined; // human explanation, e.g. the verifier's reason
  contentVerified: string | undefined; // the exact content-to-verify string that was checked
  notifyType: NotifyType;
  /** Dedup key: notifyType + the main ID (paymentId / captureId / refundId) + status; undefined when rejected/unparsable. */
  dedupKey: string | undefined;
  ids: CallIds;
  resultStatus: string | undefined;
  resultCode: string | undefined;
  /** paymentStatus-like status the notification asserts: SUCCESS / FAIL / PENDING / PROCESSING. */
  status: string | undefined;
  amountValue: string | undefined;
  amountCurrency: string | undefined;
}

export interface StoredNotificationRef {
  id: number;
  /** id of the first notification with the same dedupKey, when this one is a duplicate attempt. */
  duplicateOf: number | undefined;
  attempts: number;
}
