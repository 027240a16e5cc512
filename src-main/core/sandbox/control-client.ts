/**
 * The embedded sandbox's control surface reached over loopback HTTP, for a process that does
 * not run the sandbox itself (the CLI while the console, or `antom-ops sandbox start`, runs it).
 * The answer is validated before use: another process's reply is input like any other.
 */
import { z } from 'zod';
import type { SandboxPaymentView } from '../../../src-shared/contract';
import { ConsoleError, ERROR_CODES } from '../../../src-shared/errors';

const paymentViewSchema = z.object({
  paymentId: z.string(),
  paymentRequestId: z.string(),
  paymentStatus: z.string(),
  state: z.string(),
  resultCode: z.string(),
  amount: z.object({ currency: z.string(), value: z.string() }),
  isAuthorization: z.boolean(),
  capturedValue: z.string(),
  refundedValue: z.string(),
});
const errorSchema = z.object({ error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), hint: z.string() }) });

/** POST /__sandbox/payments/:id/pay on the sandbox at baseUrl: act as the buyer. */
export async function payOverControl(baseUrl: string, id: string, body: { outcome: 'success' | 'fail' | 'processing' | 'cancel' | 'expire'; resultCode?: string }): Promise<SandboxPaymentView> {
  const url = `${baseUrl.replace(/\/$/, '')}/__sandbox/payments/${encodeURIComponent(id)}/pay`;
  let status: number;
  let text: string;
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    status = res.status;
    text = await res.text();
  } catch (error) {
    throw new ConsoleError('NETWORK_ERROR', `The embedded sandbox at ${baseUrl} did not answer (${(error as Error).message}).`, 'Check that the console (or `antom-ops sandbox start`) is still running.');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConsoleError('RESPONSE_NOT_JSON', `The embedded sandbox at ${baseUrl} answered HTTP ${status} with something other than JSON.`, 'Check that the URL belongs to the embedded sandbox.');
  }
  if (status !== 200) {
    const failure = errorSchema.safeParse(json);
    if (failure.success) throw new ConsoleError(failure.data.error.code, failure.data.error.message, failure.data.error.hint);
    throw new ConsoleError('HTTP_ERROR', `The embedded sandbox at ${baseUrl} answered HTTP ${status}.`, 'Check the payment ID and that the sandbox is the one this data directory runs.');
  }
  const view = paymentViewSchema.safeParse(json);
  if (!view.success) {
    throw new ConsoleError('RESPONSE_NOT_JSON', `The embedded sandbox at ${baseUrl} answered a payment this console cannot read.`, 'Check that the sandbox and the console are the same version.');
  }
  const p = view.data;
  return {
    paymentId: p.paymentId, paymentRequestId: p.paymentRequestId, paymentStatus: p.paymentStatus, state: p.state, resultCode: p.resultCode,
    amount: { currency: p.amount.currency, value: p.amount.value }, isAuthorization: p.isAuthorization, capturedValue: p.capturedValue, refundedValue: p.refundedValue,
  };
}
