/**
 * Deterministic test scenarios, the way payment providers document test cards: the last two
 * digits of an amount (or a prefix of a request ID) pick an outcome. One data table, rendered
 * in docs/sandbox-scenarios.md; anything not listed (e.g. amounts ending in 00) is a plain
 * success path.
 */
export type BuyerOutcome = 'success' | 'fail' | 'processing' | 'cancel' | 'expire';

export type ScenarioEffect =
  /** The API answers F with this code and changes nothing. */
  | { type: 'reject'; resultCode: string; resultMessage: string }
  /** What the buyer does when the control surface says `pay` without an explicit outcome. */
  | { type: 'buyer'; outcome: BuyerOutcome; resultCode?: string; resultMessage?: string }
  /** The API answers U (…_IN_PROCESS); the operation settles later to `finalStatus`. */
  | { type: 'inProcess'; resultCode: string; resultMessage: string; finalStatus: 'SUCCESS' | 'FAIL'; finalResultCode: string; finalResultMessage: string };

export type ScenarioApi = 'createPaymentSession' | 'pay' | 'capture' | 'refund';

export interface AmountScenario {
  api: ScenarioApi;
  /** Matched against the last two digits of the amount's value (minor units). */
  amountEndsWith: string;
  effect: ScenarioEffect;
}

export const AMOUNT_SCENARIOS: readonly AmountScenario[] = [
  { api: 'createPaymentSession', amountEndsWith: '98', effect: { type: 'reject', resultCode: 'NO_PAY_OPTIONS', resultMessage: 'No payment method is available for this payment.' } },
  { api: 'createPaymentSession', amountEndsWith: '97', effect: { type: 'reject', resultCode: 'CARD_NOT_SUPPORTED', resultMessage: 'The card is not supported.' } },
  { api: 'pay', amountEndsWith: '01', effect: { type: 'buyer', outcome: 'fail', resultCode: 'USER_BALANCE_NOT_ENOUGH', resultMessage: 'The buyer balance is not enough.' } },
  { api: 'pay', amountEndsWith: '02', effect: { type: 'buyer', outcome: 'fail', resultCode: 'RISK_REJECT', resultMessage: 'The payment was rejected by risk control.' } },
  { api: 'pay', amountEndsWith: '03', effect: { type: 'buyer', outcome: 'fail', resultCode: 'ISSUER_REJECTS_TRANSACTION', resultMessage: 'The card issuer declined the transaction.' } },
  { api: 'pay', amountEndsWith: '04', effect: { type: 'buyer', outcome: 'fail', resultCode: 'DO_NOT_HONOR', resultMessage: 'The issuer declined the transaction (do not honor).' } },
  { api: 'pay', amountEndsWith: '05', effect: { type: 'buyer', outcome: 'processing' } },
  { api: 'pay', amountEndsWith: '07', effect: { type: 'buyer', outcome: 'cancel' } },
  { api: 'pay', amountEndsWith: '08', effect: { type: 'buyer', outcome: 'expire' } },
  { api: 'capture', amountEndsWith: '51', effect: { type: 'inProcess', resultCode: 'CAPTURE_IN_PROCESS', resultMessage: 'The capture is being processed.', finalStatus: 'SUCCESS', finalResultCode: 'SUCCESS', finalResultMessage: 'success' } },
  { api: 'capture', amountEndsWith: '52', effect: { type: 'reject', resultCode: 'RISK_REJECT', resultMessage: 'The capture was rejected by risk control.' } },
  { api: 'refund', amountEndsWith: '61', effect: { type: 'inProcess', resultCode: 'REFUND_IN_PROCESS', resultMessage: 'The refund is being processed.', finalStatus: 'SUCCESS', finalResultCode: 'SUCCESS', finalResultMessage: 'success' } },
  { api: 'refund', amountEndsWith: '62', effect: { type: 'reject', resultCode: 'MERCHANT_BALANCE_NOT_ENOUGH', resultMessage: 'The merchant balance is not enough for this refund.' } },
  { api: 'refund', amountEndsWith: '63', effect: { type: 'inProcess', resultCode: 'REFUND_IN_PROCESS', resultMessage: 'The refund is being processed.', finalStatus: 'FAIL', finalResultCode: 'PROCESS_FAIL', finalResultMessage: 'The refund failed at the payment method.' } },
];

/** paymentRequestId prefixes with a special meaning. */
export const ID_SCENARIOS = {
  /** A card authorisation whose authExpiryTime equals paymentTime: every capture gets AUTH_EXPIRED. */
  authExpiresImmediately: 'AUTH_EXPIRED_',
} as const;

export function amountScenario(api: ScenarioApi, value: string): ScenarioEffect | undefined {
  return AMOUNT_SCENARIOS.find((s) => s.api === api && value.length >= 2 && value.endsWith(s.amountEndsWith))?.effect;
}

/** Nominal Antom durations; the sandbox divides them by timeScale. */
export const NOMINAL = {
  /** An unpaid order closes after 14 minutes (seed 000, "When will the notification be sent?"). */
  sessionLifetimeMs: 14 * 60 * 1000,
  /** The latest paymentSessionExpiryTime a merchant may ask for: 1 hour after creation. */
  sessionMaxLifetimeMs: 60 * 60 * 1000,
  /** Card payments can be cancelled for 7 days after payment (Antom's Cancel page). */
  cardCancelWindowMs: 7 * 24 * 60 * 60 * 1000,
  authLifetimeMs: 7 * 24 * 60 * 60 * 1000,
  processingToFinalMs: 30 * 1000,
  captureInProcessMs: 30 * 1000,
  refundInProcessMs: 60 * 1000,
} as const;
