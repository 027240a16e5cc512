/**
 * Names shared by everything that talks about Antom calls: the API names, the IDs a call
 * carries, who triggered it and how its response signature was judged.
 */
export type AntomApiName =
  | 'createPaymentSession' | 'inquiryPayment' | 'capture' | 'cancel' | 'refund' | 'inquiryRefund'
  | DisputeApiName;

/** The dispute APIs (Antom reference: acceptDispute, supplyDefenseDocument, downloadDisputeEvidence). */
export type DisputeApiName = 'acceptDispute' | 'supplyDefenseDocument' | 'downloadDisputeEvidence';
export const DISPUTE_APIS: readonly DisputeApiName[] = ['acceptDispute', 'supplyDefenseDocument', 'downloadDisputeEvidence'];

export const ANTOM_APIS: readonly AntomApiName[] = ['createPaymentSession', 'inquiryPayment', 'capture', 'cancel', 'refund', 'inquiryRefund', ...DISPUTE_APIS];

/** Who caused the call: a person in the UI, the inquiry poller, the client's own retry, the CLI. */
export type CallTrigger = 'user' | 'poller' | 'retry' | 'cli' | 'test';

export type ResponseSignatureLabel = 'verified' | 'unverified' | 'invalid';

export interface CallIds {
  paymentRequestId?: string;
  paymentId?: string;
  captureRequestId?: string;
  captureId?: string;
  refundRequestId?: string;
  refundId?: string;
  referenceOrderId?: string;
  /** Antom's dispute ID (notifyDispute, notifyDefenseDocument and the dispute APIs). */
  disputeId?: string;
}

