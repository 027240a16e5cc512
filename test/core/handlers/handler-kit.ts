/**
 * A real core for handler tests: a temp data dir, session-memory secrets (no keychain needed),
 * the embedded sandbox on a fast clock and the notification receiver, and every call made
 * through dispatchOperation exactly as a door makes it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreConfig } from '../../../src-main/core/compose';
import { dispatchOperation } from '../../../src-main/core/dispatch-operation';
import { SessionSecretStore } from '../../../src-main/core/keychain/session-secret-store';
import type { OperationInput, OperationName, OperationOutput } from '../../../src-shared/contract';
import type { ConsoleErrorShape } from '../../../src-shared/errors';

export interface HandlerKit {
  core: Core;
  dataDir: string;
  /** Run an operation and return its value; fails the test with the error shape otherwise. */
  ok<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>>;
  /** Run an operation that must fail; returns the error shape. */
  fails(name: OperationName, input: unknown): Promise<ConsoleErrorShape>;
  close(): Promise<void>;
}

export async function startKit(config: Partial<CoreConfig> = {}): Promise<HandlerKit> {
  const dataDir = mkdtempSync(join(tmpdir(), 'handlers-test-'));
  const core = await createCore({
    dataDir,
    secrets: new SessionSecretStore(),
    startEmbeddedSandbox: true,
    startReceiver: true,
    sandboxTimeScale: 600,
    clientOptions: { sleep: async () => undefined },
    ...config,
  });
  return {
    core,
    dataDir,
    async ok(name, input) {
      const result = await dispatchOperation(core.handlers, name, input);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message} (${result.error.hint})`);
      return result.value as never;
    },
    async fails(name, input) {
      const result = await dispatchOperation(core.handlers, name, input);
      if (result.ok) throw new Error(`${name} was expected to fail but returned ${JSON.stringify(result.value).slice(0, 200)}`);
      return result.error;
    },
    async close() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A card payment session that asks for authorisation (capture later). */
export function cardSessionBody(value: string, currency = 'USD', paymentRequestId?: string): Record<string, unknown> {
  return {
    ...(paymentRequestId ? { paymentRequestId } : {}),
    productCode: 'CASHIER_PAYMENT',
    paymentAmount: { currency, value },
    order: { referenceOrderId: `ORDER-${Math.random().toString(36).slice(2, 10)}`, orderDescription: 'Test order', orderAmount: { currency, value } },
    paymentMethod: { paymentMethodType: 'CARD' },
    // MANUAL: "capture later" (Antom's default, AUTOMATIC, would capture at once).
    paymentFactor: { isAuthorization: true, captureMode: 'MANUAL' },
    paymentRedirectUrl: 'https://merchant.example/return',
    settlementStrategy: { settlementCurrency: currency },
  };
}

/** Create a card authorisation, let the sandbox buyer pay it, and inquire once: returns its IDs. */
export async function authorisedPayment(kit: HandlerKit, value: string, currency = 'USD'): Promise<{ paymentRequestId: string; paymentId: string }> {
  const session = await kit.ok('createPaymentSession', { body: cardSessionBody(value, currency) });
  const paymentRequestId = session.requestIds.paymentRequestId!;
  const paid = await kit.ok('sandboxBuyerAction', { id: paymentRequestId, outcome: 'success' });
  await kit.ok('inquiryPayment', { paymentRequestId });
  return { paymentRequestId, paymentId: paid.paymentId };
}
