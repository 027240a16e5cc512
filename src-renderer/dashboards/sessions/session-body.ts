/**
 * The form's values to a createPaymentSession body, plus every problem keyed by form field:
 * the amount checked with the currency's exponent (JPY refuses decimals), the rest with the
 * shared pre-send validation, so the operator sees each mistake beside its field before
 * anything is signed.
 */
import { validateRequest } from '../../../src-shared/antom';
import { isConsoleError } from '../../../src-shared/errors';
import { displayToMinorUnits } from '../../../src-shared/money';

export interface SessionFormValues {
  currency: string;
  amount: string;
  paymentRequestId: string;
  referenceOrderId: string;
  orderDescription: string;
  paymentMethodType: string;
  authoriseOnly: boolean;
  settlementCurrency: string;
  notifyUrl: string;
  redirectUrl: string;
}

export type SessionField = keyof SessionFormValues | 'form';

interface BuiltSession {
  body: Record<string, unknown> | undefined;
  errors: Partial<Record<SessionField, string>>;
  warnings: Partial<Record<SessionField, string>>;
}

/** Body paths (from validateRequest) to the form field that produced them. */
const FIELD_FOR_PATH: ReadonlyArray<[prefix: string, field: SessionField]> = [
  ['paymentAmount', 'amount'],
  ['order.orderAmount', 'amount'],
  ['paymentRequestId', 'paymentRequestId'],
  ['order.referenceOrderId', 'referenceOrderId'],
  ['order.orderDescription', 'orderDescription'],
  ['paymentMethod', 'paymentMethodType'],
  ['paymentFactor', 'authoriseOnly'],
  ['settlementStrategy', 'settlementCurrency'],
  ['paymentNotifyUrl', 'notifyUrl'],
  ['paymentRedirectUrl', 'redirectUrl'],
];

function fieldFor(path: string): SessionField {
  return FIELD_FOR_PATH.find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`))?.[1] ?? 'form';
}

export function buildSessionBody(values: SessionFormValues): BuiltSession {
  const errors: BuiltSession['errors'] = {};
  const warnings: BuiltSession['warnings'] = {};
  let minor: string | undefined;
  try {
    minor = displayToMinorUnits(values.amount, values.currency);
  } catch (error) {
    errors.amount = isConsoleError(error) ? `${error.message} ${error.hint}` : String(error);
  }
  const amount = { currency: values.currency, value: minor ?? '0' };
  const trimmed = (text: string) => text.trim();
  const body: Record<string, unknown> = {
    productCode: 'CASHIER_PAYMENT',
    paymentRequestId: trimmed(values.paymentRequestId),
    order: {
      ...(trimmed(values.referenceOrderId) ? { referenceOrderId: trimmed(values.referenceOrderId) } : {}),
      ...(trimmed(values.orderDescription) ? { orderDescription: trimmed(values.orderDescription) } : {}),
      orderAmount: amount,
    },
    paymentAmount: amount,
    paymentMethod: { paymentMethodType: values.paymentMethodType },
    paymentRedirectUrl: trimmed(values.redirectUrl),
    ...(trimmed(values.notifyUrl) ? { paymentNotifyUrl: trimmed(values.notifyUrl) } : {}),
    settlementStrategy: { settlementCurrency: values.settlementCurrency },
    // "Authorise only" means capture later: captureMode MANUAL (Antom's default, AUTOMATIC, captures at once).
    ...(values.paymentMethodType === 'CARD' ? { paymentFactor: { isAuthorization: values.authoriseOnly, ...(values.authoriseOnly ? { captureMode: 'MANUAL' } : {}) } } : {}),
    env: { terminalType: 'WEB' },
  };
  const report = validateRequest('createPaymentSession', body);
  for (const problem of report.errors) {
    const field = fieldFor(problem.field);
    if (field === 'amount' && errors.amount) continue; // the display-unit message is the clearer one
    errors[field] ??= problem.message;
  }
  for (const problem of report.warnings) {
    warnings[fieldFor(problem.field)] ??= problem.message;
  }
  return { body: Object.keys(errors).length === 0 ? body : undefined, errors, warnings };
}
