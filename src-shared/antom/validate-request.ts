/**
 * Pre-send validation of the six request bodies. Runs before anything is signed or sent, so a
 * mistake costs nothing at Antom (no PARAM_ILLEGAL, no burnt request ID).
 *
 * Errors block the call: missing required fields, wrong types, limits from API-FACTS c, amounts
 * that are not positive integers in the currency's minor unit (money.ts), one-of rules.
 * Warnings do not block: non-ASCII text where Antom wants none, a currency the console does
 * not know.
 *
 * The embedded sandbox answers PARAM_ILLEGAL with exactly these errors (start-sandbox.ts), so a
 * request the console would send is one the sandbox takes, and the other way round.
 *
 * Non-ASCII warnings, decided per field (Antom's pages say IDs must not carry Chinese or other
 * special characters; they are matched byte-for-byte by Antom and by merchants' systems):
 *   paymentRequestId, captureRequestId, refundRequestId, referenceRefundId, order.referenceOrderId,
 *   paymentId, refundId, merchantAccountId (IDs), refundReason (shown to the buyer's payment
 *   method, which may not render it), and the notify/redirect URLs (must be percent-encoded).
 * A warning rather than an error, because the console cannot prove Antom would refuse it.
 */
import { currencyExponent, isKnownCurrency, MAX_AMOUNT_DIGITS, parseMinorUnits } from '../money';
import { ConsoleError } from '../errors';
import type { AntomApiName } from '../vocabulary';
import { requestSchemas } from './wire-types';

interface FieldProblem {
  /** Dotted path in the body, e.g. "captureAmount.value". */
  field: string;
  message: string;
}

interface ValidationReport {
  errors: FieldProblem[];
  warnings: FieldProblem[];
}

/** Fields checked for non-ASCII characters, per API. */
const ASCII_FIELDS: Record<AntomApiName, readonly string[]> = {
  createPaymentSession: ['paymentRequestId', 'order.referenceOrderId', 'paymentRedirectUrl', 'paymentNotifyUrl'],
  inquiryPayment: ['paymentRequestId', 'paymentId', 'merchantAccountId'],
  capture: ['captureRequestId', 'paymentId'],
  cancel: ['paymentId', 'paymentRequestId', 'merchantAccountId'],
  refund: ['refundRequestId', 'paymentId', 'referenceRefundId', 'refundReason', 'refundNotifyUrl'],
  inquiryRefund: ['refundRequestId', 'refundId', 'merchantAccountId'],
  acceptDispute: ['disputeId'],
  supplyDefenseDocument: ['disputeId'],
  downloadDisputeEvidence: ['disputeId'],
};

const AMOUNT_FIELDS: Record<AntomApiName, readonly string[]> = {
  createPaymentSession: ['paymentAmount', 'order.orderAmount'],
  inquiryPayment: [],
  capture: ['captureAmount'],
  cancel: [],
  refund: ['refundAmount'],
  inquiryRefund: [],
  acceptDispute: [],
  supplyDefenseDocument: [],
  downloadDisputeEvidence: [],
};

/** [one, other, which wins when both are given]: API-FACTS c.2, c.4, c.6. */
const ONE_OF: Partial<Record<AntomApiName, readonly [string, string, string]>> = {
  inquiryPayment: ['paymentRequestId', 'paymentId', 'paymentId'],
  cancel: ['paymentId', 'paymentRequestId', 'paymentId'],
  inquiryRefund: ['refundRequestId', 'refundId', 'refundId'],
};

const NON_ASCII = /[^\x20-\x7E]/;

function read(body: Record<string, unknown>, path: string): unknown {
  let value: unknown = body;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function checkAmount(amount: unknown, field: string, report: ValidationReport): void {
  if (amount === null || typeof amount !== 'object') return; // the schema already reported it
  const { currency, value } = amount as { currency?: unknown; value?: unknown };
  if (typeof currency !== 'string' || typeof value !== 'string' || !/^[A-Z]{3}$/.test(currency)) return;
  if (!isKnownCurrency(currency)) {
    report.warnings.push({ field: `${field}.currency`, message: `${field}.currency "${currency}" is not in the console's currency table, so its decimals cannot be checked; make sure value is in its smallest unit.` });
    if (!/^[1-9][0-9]*$/.test(value) || value.length > MAX_AMOUNT_DIGITS) {
      report.errors.push({ field: `${field}.value`, message: `${field}.value "${value}" must be a positive whole number of minor units (at most ${MAX_AMOUNT_DIGITS} digits), written as a string.` });
    }
    return;
  }
  try {
    parseMinorUnits({ currency, value }, field);
  } catch (error) {
    if (!(error instanceof ConsoleError)) throw error;
    const exponent = currencyExponent(currency);
    const unit = exponent === 0 ? `${currency} has no decimals` : `${currency} has ${exponent} decimals`;
    report.errors.push({ field: `${field}.value`, message: `${error.message} (${unit}.)` });
  }
}

/** Validate a request body for `api`. Never throws for bad input; returns every problem found. */
export function validateRequest(api: AntomApiName, body: unknown): ValidationReport {
  const report: ValidationReport = { errors: [], warnings: [] };
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    report.errors.push({ field: '', message: `The ${api} body must be a JSON object.` });
    return report;
  }
  const parsed = requestSchemas[api].safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.');
      report.errors.push({ field, message: field ? `${field} ${issue.message}.` : `${issue.message}.` });
    }
  }
  const record = body as Record<string, unknown>;

  for (const field of AMOUNT_FIELDS[api]) checkAmount(read(record, field), field, report);

  const oneOf = ONE_OF[api];
  if (oneOf) {
    const [a, b, wins] = oneOf;
    const hasA = present(record[a]);
    const hasB = present(record[b]);
    if (!hasA && !hasB) report.errors.push({ field: a, message: `${api} needs ${a} or ${b}.` });
    else if (hasA && hasB) report.warnings.push({ field: wins, message: `Both ${a} and ${b} are given; Antom uses ${wins}.` });
  }

  for (const field of ASCII_FIELDS[api]) {
    const value = read(record, field);
    if (typeof value === 'string' && NON_ASCII.test(value)) {
      const advice = field.endsWith('Url') ? 'percent-encode non-ASCII characters in URLs' : 'Antom expects IDs and references without Chinese or other non-ASCII characters';
      report.warnings.push({ field, message: `${field} contains non-ASCII characters; ${advice}.` });
    }
  }

  if (api === 'createPaymentSession') {
    const factor = record.paymentFactor as { isAuthorization?: unknown; captureMode?: unknown } | undefined;
    const authorises = factor?.isAuthorization === true || factor?.isAuthorization === 'true';
    if (factor?.captureMode !== undefined && !authorises) {
      report.warnings.push({ field: 'paymentFactor.captureMode', message: 'paymentFactor.captureMode only matters with paymentFactor.isAuthorization true; without it the payment is captured when the buyer pays.' });
    }
  }
  if (api === 'inquiryRefund' && typeof record.refundRequestId === 'string' && /[^A-Za-z0-9_.:-]/.test(record.refundRequestId) && !NON_ASCII.test(record.refundRequestId)) {
    report.warnings.push({ field: 'refundRequestId', message: 'refundRequestId contains special characters; Antom says it must have none.' });
  }
  return report;
}

/** Throwing form for the client: VALIDATION_FAILED with details.errors / details.warnings. */
export function assertValidRequest(api: AntomApiName, body: unknown): ValidationReport {
  const report = validateRequest(api, body);
  if (report.errors.length > 0) {
    const first = report.errors[0]!;
    const more = report.errors.length > 1 ? ` (and ${report.errors.length - 1} more)` : '';
    throw new ConsoleError('VALIDATION_FAILED', `The ${api} request is not valid: ${first.message}${more}`, 'Fix the listed fields; nothing was sent to Antom.', { api, errors: report.errors, warnings: report.warnings });
  }
  return report;
}
