/**
 * Why a payment failed, as visible text (issue 9: the meaning and next action sat only in a hover
 * title, unreachable by keyboard). The code is the latest failure a record gave: the inquiry's
 * paymentResultCode, else a failed notification's or call's resultCode.
 */
import type { TimelineEvent } from '../../../src-shared/journal-views';
import { explainResultCode } from '../../../src-shared/knowledge';

export function failureCodeOf(events: readonly TimelineEvent[], inquiryCode: string | undefined): string | undefined {
  if (inquiryCode) return inquiryCode;
  return [...events].reverse().find((e) => (e.resultStatus === 'F' || e.status === 'FAIL') && e.resultCode && e.resultCode !== 'SUCCESS')?.resultCode ?? undefined;
}

export function FailureReason({ code }: { code: string }) {
  const explanation = explainResultCode(code, 'inquiryPayment', 'paymentResultCode');
  return (
    <div className="verdict bad failure-reason" role="region" aria-label="Why the payment failed">
      <p><strong>Failed: <code>{code}</code></strong></p>
      <p><strong>What it means:</strong> {explanation.meaning}</p>
      <p><strong>What to do next:</strong> {explanation.nextAction}</p>
    </div>
  );
}
