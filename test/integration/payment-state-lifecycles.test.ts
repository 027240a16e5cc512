/**
 * The one derived payment state against the sandbox's own state, for every lifecycle the
 * embedded sandbox can produce. Each row drives the real sandbox over HTTP through the console's
 * client, lets the real receiver store the notifications, and then compares summarisePayment's
 * figures (through the journal's timeline, Captures' list and Overview) with
 * sandbox.control.getPayment: status, captured, refunded, disputed funds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src-main/core/compose';
import { SessionSecretStore } from '../../src-main/core/keychain/session-secret-store';
import type { AntomClient } from '../../src-main/core/client/antom-client';
import type { PaymentState } from '../../src-shared/journal-views';

let core: Core;
let dataDir: string;
let client: AntomClient;
const startedAt = new Date(Date.now() - 60_000).toISOString();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'antom-payment-state-'));
  core = await createCore({ dataDir, secrets: new SessionSecretStore(), startEmbeddedSandbox: true, startReceiver: true, sandboxTimeScale: 600, clientOptions: { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } } });
  client = await core.clientFor();
});
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type Capture = 'AUTO_PAY' | 'MANUAL' | 'AUTOMATIC';

interface Lifecycle {
  name: string;
  amount: string;
  mode: Capture;
  /** What the buyer does; undefined leaves the session open. */
  buyer?: 'success' | 'fail' | 'cancel' | 'expire';
  /** Merchant steps after the buyer. */
  steps: Array<{ capture: string } | { refund: string } | { cancel: true; expectRefused?: boolean } | { dispute: true }>;
  state: PaymentState;
  /** The figures summarisePayment must give (minor units). */
  money: { authorised: string; captured: string; refunded: string; uncaptured: string; released: string };
  capturable: boolean;
  openDisputes?: number;
}

const LIFECYCLES: Lifecycle[] = [
  { name: 'paid without authorisation (captured at once)', amount: '10000', mode: 'AUTO_PAY', buyer: 'success', steps: [], state: 'PAID', money: { authorised: '10000', captured: '10000', refunded: '0', uncaptured: '0', released: '0' }, capturable: false },
  { name: 'authorisation with automatic capture', amount: '10010', mode: 'AUTOMATIC', buyer: 'success', steps: [], state: 'CAPTURED', money: { authorised: '10010', captured: '10010', refunded: '0', uncaptured: '0', released: '0' }, capturable: false },
  { name: 'MANUAL authorisation, nothing captured', amount: '10020', mode: 'MANUAL', buyer: 'success', steps: [], state: 'AUTHORISED', money: { authorised: '10020', captured: '0', refunded: '0', uncaptured: '10020', released: '0' }, capturable: true },
  { name: 'MANUAL, one partial capture', amount: '10030', mode: 'MANUAL', buyer: 'success', steps: [{ capture: '4000' }], state: 'PARTIALLY_CAPTURED', money: { authorised: '10030', captured: '4000', refunded: '0', uncaptured: '6030', released: '0' }, capturable: true },
  { name: 'MANUAL, captured in two parts', amount: '10040', mode: 'MANUAL', buyer: 'success', steps: [{ capture: '4000' }, { capture: '6040' }], state: 'CAPTURED', money: { authorised: '10040', captured: '10040', refunded: '0', uncaptured: '0', released: '0' }, capturable: false },
  { name: 'MANUAL, cancelled before capture', amount: '10000', mode: 'MANUAL', buyer: 'success', steps: [{ cancel: true }], state: 'CANCELLED', money: { authorised: '10000', captured: '0', refunded: '0', uncaptured: '0', released: '10000' }, capturable: false },
  { name: 'MANUAL, partially captured then cancel refused', amount: '10050', mode: 'MANUAL', buyer: 'success', steps: [{ capture: '3000' }, { cancel: true, expectRefused: true }], state: 'PARTIALLY_CAPTURED', money: { authorised: '10050', captured: '3000', refunded: '0', uncaptured: '7050', released: '0' }, capturable: true },
  { name: 'captured, then cancel refused (refund instead)', amount: '10080', mode: 'MANUAL', buyer: 'success', steps: [{ capture: '10080' }, { cancel: true, expectRefused: true }], state: 'CAPTURED', money: { authorised: '10080', captured: '10080', refunded: '0', uncaptured: '0', released: '0' }, capturable: false },
  { name: 'paid, partially refunded', amount: '10070', mode: 'AUTO_PAY', buyer: 'success', steps: [{ refund: '2000' }], state: 'PARTIALLY_REFUNDED', money: { authorised: '10070', captured: '10070', refunded: '2000', uncaptured: '0', released: '0' }, capturable: false },
  { name: 'captured, refunded in two parts to zero', amount: '10090', mode: 'MANUAL', buyer: 'success', steps: [{ capture: '10090' }, { refund: '5000' }, { refund: '5090' }], state: 'REFUNDED', money: { authorised: '10090', captured: '10090', refunded: '10090', uncaptured: '0', released: '0' }, capturable: false },
  { name: 'paid APM payment cancelled by the merchant', amount: '10100', mode: 'AUTO_PAY', buyer: 'success', steps: [{ cancel: true }], state: 'CANCELLED', money: { authorised: '10100', captured: '0', refunded: '0', uncaptured: '0', released: '10100' }, capturable: false },
  { name: 'open session cancelled by the merchant', amount: '10110', mode: 'MANUAL', steps: [{ cancel: true }], state: 'CANCELLED', money: { authorised: '0', captured: '0', refunded: '0', uncaptured: '0', released: '0' }, capturable: false },
  { name: 'buyer fails', amount: '10120', mode: 'MANUAL', buyer: 'fail', steps: [], state: 'FAILED', money: { authorised: '0', captured: '0', refunded: '0', uncaptured: '0', released: '0' }, capturable: false },
  { name: 'buyer cancels', amount: '10130', mode: 'MANUAL', buyer: 'cancel', steps: [], state: 'CANCELLED', money: { authorised: '0', captured: '0', refunded: '0', uncaptured: '0', released: '0' }, capturable: false },
  { name: 'session expires unpaid', amount: '10140', mode: 'MANUAL', buyer: 'expire', steps: [], state: 'EXPIRED', money: { authorised: '0', captured: '0', refunded: '0', uncaptured: '0', released: '0' }, capturable: false },
  { name: 'paid, then disputed (funds frozen)', amount: '10150', mode: 'AUTO_PAY', buyer: 'success', steps: [{ dispute: true }], state: 'PAID', money: { authorised: '10150', captured: '10150', refunded: '0', uncaptured: '0', released: '0' }, capturable: false, openDisputes: 1 },
];

async function until<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function run(l: Lifecycle): Promise<{ paymentRequestId: string; paymentId: string | undefined }> {
  const paymentFactor = l.mode === 'AUTO_PAY' ? undefined : { isAuthorization: true, captureMode: l.mode };
  const session = await client.createPaymentSession({
    productCode: 'CASHIER_PAYMENT', order: { referenceOrderId: `LIFE-${l.amount}`, orderDescription: l.name },
    paymentAmount: { currency: 'USD', value: l.amount }, paymentMethod: { paymentMethodType: l.mode === 'AUTO_PAY' ? 'ALIPAY_CN' : 'CARD' },
    paymentRedirectUrl: 'https://merchant.example/return', settlementStrategy: { settlementCurrency: 'USD' },
    ...(paymentFactor ? { paymentFactor } : {}),
  });
  expect(session.resultStatus, l.name).toBe('S');
  const paymentRequestId = session.requestIds.paymentRequestId!;
  if (l.buyer) core.sandbox!.control.pay(paymentRequestId, { outcome: l.buyer });
  await core.sandbox!.control.notificationsSettled();
  const paymentId = core.sandbox!.control.getPayment(paymentRequestId).paymentId;
  for (const step of l.steps) {
    if ('capture' in step) { const c = await client.capture({ paymentId, captureAmount: { currency: 'USD', value: step.capture } }); expect(`${c.resultStatus} ${c.resultCode ?? ''}`, l.name).toBe('S SUCCESS'); }
    else if ('refund' in step) expect((await client.refund({ paymentId, refundAmount: { currency: 'USD', value: step.refund } })).resultStatus, l.name).toBe('S');
    else if ('cancel' in step) expect((await client.cancel({ paymentId })).resultStatus, l.name).toBe(step.expectRefused ? 'F' : 'S');
    else core.sandbox!.control.raiseDispute(paymentId);
    await core.sandbox!.control.notificationsSettled();
  }
  // One inquiry, as the console's poller would make: Antom's own account of the payment.
  await client.inquiryPayment({ paymentRequestId });
  return { paymentRequestId, paymentId };
}

describe('derived payment state = the sandbox\'s own state, for every lifecycle', () => {
  const results = new Map<string, { paymentRequestId: string; paymentId: string | undefined }>();

  it.each(LIFECYCLES.map((l) => [l.name, l] as const))('%s', async (_name, l) => {
    const ids = await run(l);
    results.set(l.name, ids);
    const sandbox = core.sandbox!.control.getPayment(ids.paymentRequestId);
    const t = await until(async () => {
      const found = await core.journal.timeline(ids.paymentRequestId);
      return found && (l.openDisputes === undefined || found.summary.openDisputes === l.openDisputes) ? found : undefined;
    }, `timeline of ${l.name}`);
    const s = t.summary;
    expect(s.state, l.name).toBe(l.state);
    expect(t.state).toBe(s.state);
    const figures = { authorised: s.authorised?.value, captured: s.captured?.value, refunded: s.refunded?.value, uncaptured: s.uncaptured?.value, released: s.released?.value };
    expect(figures, l.name).toEqual(l.money);
    // The sandbox's own figures (an auto-paid payment is captured by Antom without a capture record).
    if (l.mode !== 'AUTO_PAY') expect(s.captured?.value, 'captured vs sandbox').toBe(sandbox.capturedValue);
    expect(s.refunded?.value, 'refunded vs sandbox').toBe(sandbox.refundedValue);
    if (sandbox.paymentStatus === 'CANCELLED') expect(s.state).toBe('CANCELLED');
    if (sandbox.disputes.length > 0) {
      expect(s.disputes).toBe(sandbox.disputes.length);
      expect(s.disputeFrozen?.value).toBe(sandbox.frozenValue);
      expect(s.chargedBack?.value).toBe(sandbox.chargebackValue);
    }
    // Antom sends no notification for a cancel: no mismatch may be raised for one.
    expect(t.mismatches.filter((m) => m.kind === 'notification-disagrees-with-inquiry')).toEqual([]);
    expect(t.mismatches.every((m) => !/\d{4}-\d{2}-\d{2}T/.test(m.message))).toBe(true);
    // Captures' list holds exactly the capturable ones, with the same uncaptured figure.
    const awaiting = (await core.handlers.listAwaitingCapture({})).find((a) => a.paymentRequestId === ids.paymentRequestId);
    expect(Boolean(awaiting), `${l.name} awaiting capture`).toBe(l.capturable);
    if (awaiting) expect(awaiting.uncaptured.value).toBe(l.money.uncaptured);
  });

  it('Overview counts every lifecycle under its derived state and adds the same money', async () => {
    const o = await core.handlers.getOverview({ since: startedAt, until: new Date(Date.now() + 60_000).toISOString() });
    const expected = new Map<string, number>();
    for (const l of LIFECYCLES) expected.set(l.state, (expected.get(l.state) ?? 0) + 1);
    expect(Object.fromEntries(o.paymentsByStatus.map((s) => [s.status, s.count]))).toEqual(Object.fromEntries(expected));
    expect(o.paymentsByStatus.find((s) => s.status === 'SUCCESS')).toBeUndefined();
    const usd = o.moneyByCurrency.find((m) => m.currency === 'USD')!;
    const sum = (k: keyof Lifecycle['money']): string => LIFECYCLES.reduce((n, l) => n + BigInt(l.money[k]), 0n).toString();
    expect(usd).toMatchObject({ payments: LIFECYCLES.length, authorised: { value: sum('authorised') }, captured: { value: sum('captured') }, refunded: { value: sum('refunded') }, released: { value: sum('released') } });
    expect(usd.net.value).toBe((BigInt(sum('captured')) - BigInt(sum('refunded'))).toString());
  });
});

describe('support lookups on the same journal', () => {
  it('finds a payment\'s capture and refund notifications from its paymentRequestId, and every payment sharing a referenceOrderId', async () => {
    const l = LIFECYCLES.find((x) => x.name === 'captured, refunded in two parts to zero')!;
    const ids = await run({ ...l, amount: '20090', steps: [{ capture: '20090' }, { refund: '9000' }] });
    await until(async () => ((await core.journal.listNotifications({ notifyType: 'REFUND_RESULT', anyId: ids.paymentId! })).items.length > 0 ? true : undefined), 'notifyRefund');
    const types = (await core.journal.listNotifications({ anyId: ids.paymentRequestId })).items.map((n) => n.notifyType).sort();
    expect(types).toEqual(['CAPTURE_RESULT', 'PAYMENT_RESULT', 'REFUND_RESULT']);
    // The API log's any-ID filter: the capture and refund calls too (they carry only paymentId).
    const apis = (await core.journal.listCalls({ anyId: ids.paymentRequestId })).items.map((c) => c.api);
    for (const api of ['createPaymentSession', 'capture', 'refund', 'inquiryPayment']) expect(apis).toContain(api);

    // Two payments with one referenceOrderId: both are found, neither hides the other.
    const again = await run({ ...LIFECYCLES[0]!, amount: '20100' });
    const other = await run({ ...LIFECYCLES[0]!, amount: '20100' });
    const found = await core.journal.findById('LIFE-20100');
    expect(found.payments.map((p) => p.paymentRequestId).sort()).toEqual([again.paymentRequestId, other.paymentRequestId].sort());
    expect(found.summaries.every((s) => s.state === 'PAID')).toBe(true);
    const t = (await core.journal.timeline('LIFE-20100'))!;
    expect(t.paymentRequestIds).toHaveLength(1);
    expect(t.alsoMatches?.map((s) => s.paymentRequestId).sort()).toEqual([again.paymentRequestId, other.paymentRequestId].sort());
  });
});
