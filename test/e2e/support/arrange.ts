/**
 * Arranging data a test is not about, through the same handler table the page calls (the
 * preview's core), so the dashboards have real payments, calls and notifications to show.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { HandlerTable } from '../../../src-shared/contract';
import { paymentResultBody, sendNotification, signNotification, type SendResult } from '../../support/notification-sender';
import type { PreviewRun } from './preview';

export interface ArrangedPayment {
  paymentRequestId: string;
  paymentId: string;
}

let counter = 0;

export function sessionBody(paymentRequestId: string, amount: { currency: string; value: string }, opts: { authorise?: boolean; method?: string } = {}): Record<string, unknown> {
  const method = opts.method ?? 'CARD';
  return {
    productCode: 'CASHIER_PAYMENT',
    paymentRequestId,
    order: { referenceOrderId: `ORDER-${paymentRequestId}`, orderDescription: 'e2e order', orderAmount: amount },
    paymentAmount: amount,
    paymentMethod: { paymentMethodType: method },
    paymentRedirectUrl: 'https://example.com/antom-ops/return',
    settlementStrategy: { settlementCurrency: amount.currency },
    // captureMode MANUAL: the e2e flows capture themselves (Antom's default, AUTOMATIC, captures at once).
    ...(method === 'CARD' ? { paymentFactor: { isAuthorization: opts.authorise ?? true, ...((opts.authorise ?? true) ? { captureMode: 'MANUAL' } : {}) } } : {}),
    env: { terminalType: 'WEB' },
  };
}

/** A session paid (or failed) by the sandbox buyer, then inquired so the journal knows its paymentId and state. */
export async function arrangePayment(
  ops: HandlerTable,
  amount: { currency: string; value: string },
  opts: { authorise?: boolean; method?: string; outcome?: 'success' | 'fail' | 'cancel' } = {},
): Promise<ArrangedPayment> {
  counter += 1;
  const paymentRequestId = `PAY-E2E-${Date.now().toString(36).toUpperCase()}-${counter}`;
  const session = await ops.createPaymentSession({ body: sessionBody(paymentRequestId, amount, opts) });
  if (session.resultStatus !== 'S') throw new Error(`createPaymentSession answered ${session.resultStatus} ${session.resultCode}`);
  await ops.sandboxBuyerAction({ id: paymentRequestId, outcome: opts.outcome ?? 'success' });
  const inquiry = await ops.inquiryPayment({ paymentRequestId });
  const paymentId = inquiry.requestIds.paymentId;
  if (!paymentId) throw new Error(`inquiryPayment for ${paymentRequestId} named no paymentId`);
  return { paymentRequestId, paymentId };
}

/** The embedded sandbox's "Antom" private key: what signs genuine notifications in this run. */
export async function embeddedAntomKey(run: PreviewRun, profileName: string): Promise<KeyObject> {
  return createPrivateKey({ key: Buffer.from(await run.server.core.profiles.loadSandboxAntomKey(profileName), 'base64'), format: 'der', type: 'pkcs8' });
}

/** POST a notification to this run's receiver, signed with `key` (a wrong key makes a rejected one). */
export async function sendPaymentNotification(run: PreviewRun, opts: { key: KeyObject; clientId: string; paymentId: string; paymentRequestId?: string; value: string; currency: string }): Promise<SendResult> {
  const status = await run.server.core.handlers.getAppStatus({});
  if (!status.receiver.url) throw new Error('the receiver is not running');
  const receiver = new URL(status.receiver.url);
  const body = paymentResultBody(opts.paymentId, { value: opts.value, currency: opts.currency, ...(opts.paymentRequestId ? { paymentRequestId: opts.paymentRequestId } : {}) });
  return sendNotification(receiver.origin, signNotification({ path: receiver.pathname, body, clientId: opts.clientId, privateKey: opts.key }));
}
