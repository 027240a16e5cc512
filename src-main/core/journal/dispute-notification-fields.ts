/**
 * A minimal reader of notifyDispute bodies (Antom reference, notifyDispute): only the fields the
 * Disputes dashboard and the money summary need. Kept apart from the receiver's parser on purpose:
 * today's receiver does not accept notifyDispute as a notification type (it stores it as rejected
 * "not-a-notification" after the signature verified), so the journal reads the stored bytes itself.
 */
import { amountOf, parseBody, type AmountFact } from './payment-facts';

const DISPUTE_NOTIFICATION_TYPES = ['DISPUTE_CREATED', 'DISPUTE_JUDGED', 'DISPUTE_CANCELLED', 'DEFENSE_SUPPLIED', 'DEFENSE_DUE_ALERT', 'RDR_RESOLVED'] as const;
type DisputeNotificationType = (typeof DISPUTE_NOTIFICATION_TYPES)[number];

export interface DisputeNotificationFields {
  disputeId: string;
  disputeNotificationType: DisputeNotificationType;
  paymentId: string | undefined;
  paymentRequestId: string | undefined;
  disputeTime: string | undefined;
  disputeAmount: AmountFact | undefined;
  disputeReasonMsg: string | undefined;
  disputeReasonCode: string | undefined;
  disputeType: string | undefined;
  defenseDueTime: string | undefined;
  disputeJudgedTime: string | undefined;
  disputeJudgedAmount: AmountFact | undefined;
  disputeJudgedResult: string | undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isDisputeType(value: string | undefined): value is DisputeNotificationType {
  return value !== undefined && (DISPUTE_NOTIFICATION_TYPES as readonly string[]).includes(value);
}

/** The dispute fields of a stored body, or undefined when it is not a notifyDispute body. */
export function readDisputeNotification(body: string | Buffer | null): DisputeNotificationFields | undefined {
  const json = parseBody(body);
  if (!json) return undefined;
  const disputeId = str(json.disputeId);
  const type = str(json.disputeNotificationType);
  if (!disputeId || !isDisputeType(type)) return undefined;
  return {
    disputeId,
    disputeNotificationType: type,
    paymentId: str(json.paymentId),
    paymentRequestId: str(json.paymentRequestId),
    disputeTime: str(json.disputeTime),
    disputeAmount: amountOf(json.disputeAmount),
    disputeReasonMsg: str(json.disputeReasonMsg),
    disputeReasonCode: str(json.disputeReasonCode),
    disputeType: str(json.disputeType),
    defenseDueTime: str(json.defenseDueTime),
    disputeJudgedTime: str(json.disputeJudgedTime),
    disputeJudgedAmount: amountOf(json.disputeJudgedAmount),
    disputeJudgedResult: str(json.disputeJudgedResult),
  };
}
