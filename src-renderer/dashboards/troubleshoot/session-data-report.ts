/**
 * What the "Decode paymentSessionData" panel shows, worked out from a decoding: a verdict in
 * words, the fields read, and each reason the web SDK would answer
 * SDK_CREATEPAYMENT_PARAMETER_ERROR with where it is and how to fix it. Plain data, so the words
 * are tested without a browser.
 */
import type { DecodedPaymentSessionData, PaymentSessionDataDecoding } from '../../../src-shared/antom/payment-session-data-decode';

export interface SessionDataReport {
  accepted: boolean;
  headline: string;
  /** Label and value; a value left undefined could not be read. */
  fields: ReadonlyArray<readonly [label: string, value: string | undefined]>;
  problems: ReadonlyArray<{ where: string; message: string; fix: string }>;
  notes: readonly string[];
  /** The decoded JSON of the last part, pretty-printed, when it could be read. */
  payloadJson: string | undefined;
}

const PART_NAMES = ['', 'part 1 (session id)', 'part 2 (region sign)', 'part 3', 'part 4 (base64 JSON)'] as const;

function fieldsOf(read: Partial<DecodedPaymentSessionData>): SessionDataReport['fields'] {
  return [
    ['Region', read.regionSign === undefined ? undefined : read.regionName ? `${read.regionSign}: ${read.regionName}` : read.regionSign],
    ['Product scene', read.productScene],
    ['Payment method category', read.paymentMethodCategoryType],
    ['Product scene version', read.productSceneVersion],
    ['Client ID', read.clientId],
    ['Session id (part 1)', read.sessionId],
    ['Part 3', read.thirdPart],
  ];
}

export function sessionDataReport(decoding: PaymentSessionDataDecoding): SessionDataReport {
  if (decoding.ok) {
    return {
      accepted: true,
      headline: 'The web SDK accepts this shape: it emits SDK_START_OF_LOADING and goes on to Antom. It can still fail there (an expired session, or a session from the other environment than the SDK\'s).',
      fields: fieldsOf(decoding.session),
      problems: [],
      notes: decoding.notes,
      payloadJson: JSON.stringify(decoding.session.payload, null, 2),
    };
  }
  const count = decoding.problems.length;
  return {
    accepted: false,
    headline: `The web SDK answers SDK_CREATEPAYMENT_PARAMETER_ERROR at once: ${count} problem${count === 1 ? '' : 's'}.`,
    fields: fieldsOf(decoding.partial),
    problems: decoding.problems.map((problem) => ({
      where: problem.part ? PART_NAMES[problem.part] : 'the whole value',
      message: problem.message,
      fix: problem.fix,
    })),
    notes: decoding.notes,
    payloadJson: decoding.partial.payload ? JSON.stringify(decoding.partial.payload, null, 2) : undefined,
  };
}
