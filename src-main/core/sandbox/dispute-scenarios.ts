/**
 * Deterministic disputes, like the amount scenarios in scenarios.ts: a payment whose amount ends
 * in one of these two digits gets a dispute as soon as its money is captured (when the buyer pays
 * an auto-captured payment, or when a capture of an authorisation succeeds). The same dispute can
 * be raised on any captured payment with `POST /__sandbox/payments/<id>/dispute`.
 * Rendered in docs/sandbox-scenarios.md; a test checks the page lists every row.
 */
import type { DisputeJudgedResult } from '../../../src-shared/vocabulary';

export { DISPUTE_JUDGED_RESULTS, type DisputeJudgedResult } from '../../../src-shared/vocabulary';

/** disputeType values of Antom's SDK (DisputeType); the sandbox raises the first and the last. */
export type DisputeType = 'CHARGEBACK' | 'RETRIEVAL_REQUEST' | 'COMPLIANCE_REQUEST';

export interface DisputeScenario {
  amountEndsWith: string;
  disputeType: DisputeType;
  /** What DISPUTE_JUDGED says after a defense. */
  judgedAfterDefense: DisputeJudgedResult;
  /** The buyer withdraws the dispute (DISPUTE_CANCELLED) a day after it was raised, if still open. */
  buyerCancels?: boolean;
  reasonCode: string;
  reasonMsg: string;
}

export const DISPUTE_SCENARIOS: readonly DisputeScenario[] = [
  { amountEndsWith: '81', disputeType: 'CHARGEBACK', judgedAfterDefense: 'ACCEPT_BY_CUSTOMER', reasonCode: '13.1', reasonMsg: 'Merchandise/Services Not Received' },
  { amountEndsWith: '82', disputeType: 'CHARGEBACK', judgedAfterDefense: 'ACCEPT_BY_MERCHANT', reasonCode: '10.4', reasonMsg: 'Other Fraud - Card Absent Environment' },
  { amountEndsWith: '83', disputeType: 'COMPLIANCE_REQUEST', judgedAfterDefense: 'VALIDATE_SUCCESS', reasonCode: 'CR01', reasonMsg: 'Compliance request: transaction documents required' },
  { amountEndsWith: '84', disputeType: 'COMPLIANCE_REQUEST', judgedAfterDefense: 'VALIDATE_FAIL', reasonCode: 'CR01', reasonMsg: 'Compliance request: transaction documents required' },
  { amountEndsWith: '85', disputeType: 'CHARGEBACK', judgedAfterDefense: 'ACCEPT_BY_CUSTOMER', buyerCancels: true, reasonCode: '13.3', reasonMsg: 'Not as Described or Defective Merchandise/Services' },
];

export function disputeScenario(value: string): DisputeScenario | undefined {
  return DISPUTE_SCENARIOS.find((s) => value.length >= 2 && value.endsWith(s.amountEndsWith));
}

/**
 * Nominal durations (divided by the sandbox timeScale). Antom's pages give no fixed defense
 * window (it depends on the card scheme); 7 days is the sandbox's choice. DEFENSE_DUE_ALERT comes
 * 24 h before defenseDueTime, as the notifyDispute reference describes it.
 */
export const DISPUTE_NOMINAL = {
  defenseWindowMs: 7 * 24 * 3600e3,
  dueAlertBeforeMs: 24 * 3600e3,
  judgeAfterDefenseMs: 2 * 24 * 3600e3,
  buyerCancelAfterMs: 24 * 3600e3,
  /** Compliance requests: how many uploads Antom takes before DEFENSE_EXCEED_LIMIT (sandbox choice). */
  complianceUploads: 2,
} as const;
