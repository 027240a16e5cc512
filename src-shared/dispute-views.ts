/**
 * What the Disputes dashboard shows: one row per dispute, built from the journal (notifyDispute
 * notifications and the console's own dispute calls). Pure types shared by main and the page.
 */
import type { MoneyAmount } from './journal-views';

/** Where a dispute stands, from the newest word about it. */
export type DisputeStatus =
  /** Raised, not answered yet, deadline ahead (or unknown). */
  | 'OPEN'
  /** Raised, not answered, and defenseDueTime has passed. */
  | 'DEADLINE_PASSED'
  /** A defense document was accepted by Antom (supplyDefenseDocument S or DEFENSE_SUPPLIED). */
  | 'DEFENDED'
  /** The merchant accepted the dispute (acceptDispute S). */
  | 'ACCEPTED'
  /** DISPUTE_JUDGED arrived. */
  | 'JUDGED'
  /** DISPUTE_CANCELLED: the buyer withdrew it. */
  | 'CANCELLED'
  /** RDR_RESOLVED: settled by Rapid Dispute Resolution. */
  | 'RDR_RESOLVED';

export interface DisputeHistoryEntry {
  at: string;
  source: 'notification' | 'call';
  /** notifications.id or calls.id */
  ref: number;
  /** disputeNotificationType, or the API name of a call. */
  what: string;
  /** One line: "DISPUTE_JUDGED ACCEPT_BY_CUSTOMER", "supplyDefenseDocument -> S SUCCESS". */
  summary: string;
  resultStatus: string | null;
  resultCode: string | null;
  /** Notifications: how many copies arrived (Antom resends until acknowledged). */
  copies?: number;
  /** Notifications: whether the signature verified (a rejected copy is listed, never trusted for status). */
  verified?: boolean;
}

export interface DisputeView {
  disputeId: string;
  paymentId: string | null;
  paymentRequestId: string | null;
  profile: string | null;
  disputeType: string | null;
  reasonCode: string | null;
  reasonMsg: string | null;
  amount: MoneyAmount | null;
  disputeTime: string | null;
  defenseDueTime: string | null;
  status: DisputeStatus;
  /** Accept or defend is still possible (OPEN, deadline not passed). */
  actionable: boolean;
  judgedResult: string | null;
  judgedTime: string | null;
  judgedAmount: MoneyAmount | null;
  /** A defense document was uploaded (so the uploaded evidence can be downloaded). */
  defenseSupplied: boolean;
  history: DisputeHistoryEntry[];
}
