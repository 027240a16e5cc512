/**
 * Names shared by everything that talks about Antom calls: the API names, the IDs a call
 * carries, who triggered it and how its response signature was judged.
 */
export { ANTOM_APIS, type AntomApiName, type CallTrigger, type ResponseSignatureLabel } from './vocabulary';

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

