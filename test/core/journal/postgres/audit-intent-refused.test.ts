/**
 * A database role that may not record money-moving calls (no INSERT on call_intents, as a support
 * role) gets its capture refused BEFORE anything is sent: the real client against the real
 * embedded sandbox, on a real PostgreSQL server, connected as that role. The sandbox receives no
 * capture, the payment is untouched, and the error says it was the role. The same console still
 * records and sends inquiries (INSERT on calls is granted).
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AntomClient } from '../../../../src-main/core/client';
import type { Journal } from '../../../../src-main/core/journal/journal';
import { openJournal } from '../../../../src-main/core/journal/open-journal';
import { parsePrivateKey, parsePublicKey } from '../../../../src-main/core/keys/parse-keys';
import { startSandbox, type RunningSandbox } from '../../../../src-main/core/sandbox/start-sandbox';
import { ConsoleError } from '../../../../src-shared/errors';
import { createTestDatabase, describeWithPostgres, testDatabaseUrl, type TestDatabase } from '../../../support/postgres';
import { vectors } from '../../../support/signature-vectors';

const CLIENT_ID = 'SANDBOX_AUDIT_ROLE';
const merchantKey = parsePrivateKey(vectors.keys.merchant.privateKeyPkcs8Base64);

describeWithPostgres('an intent the database role may not record', () => {
  let db: TestDatabase;
  let sandbox: RunningSandbox;
  const received: string[] = [];
  const role = `audit_probe_${process.pid}_${randomBytes(3).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const journals: Journal[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('audit_role');
    // The owner migrates; the probe role may read everything and record calls, but not intents.
    journals.push(await openJournal({ engine: 'postgres', url: db.url }));
    const admin = postgres(db.url, { max: 1, onnotice: () => undefined });
    try {
      await admin.unsafe(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
      await admin.unsafe(`GRANT USAGE ON SCHEMA public TO ${role}`);
      await admin.unsafe(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`);
      await admin.unsafe(`GRANT INSERT ON calls, request_ids TO ${role}`);
      await admin.unsafe(`GRANT UPDATE ON request_ids TO ${role}`);
      // Recording an inquiry also refreshes its payment's Payments list row (same transaction).
      await admin.unsafe(`GRANT INSERT, UPDATE, DELETE ON payments TO ${role}`);
    } finally {
      await admin.end();
    }
    sandbox = await startSandbox({
      merchants: [{ clientId: CLIENT_ID, merchantPublicKeyBase64: merchantKey.publicKeyBase64 }], timeScale: 1000, expiryTimeScale: 1,
      log: (line) => { if (line.startsWith('POST ')) received.push(line); },
    });
  });

  afterAll(async () => {
    for (const j of journals) await j.close();
    await sandbox?.close();
    await db?.drop();
    const admin = postgres(testDatabaseUrl!, { max: 1, onnotice: () => undefined });
    try {
      await admin.unsafe(`DROP ROLE IF EXISTS ${role}`);
    } finally {
      await admin.end();
    }
  });

  function client(journal: Journal, user: string): AntomClient {
    return new AntomClient({
      name: 'audit-role', environment: 'embedded', baseUrl: sandbox.baseUrl, clientId: CLIENT_ID, keyVersion: '1',
      privateKey: merchantKey.keyObject, antomPublicKey: parsePublicKey(sandbox.antomPublicKeyBase64).keyObject, timeoutMs: 5000,
    }, { recorder: journal.recorder(), ledger: journal.requestIdLedger(), actor: { user, host: 'desk', door: 'cli' }, intents: journal.auditTrail(), retry: { maxAttempts: 1 } });
  }

  it('refuses the capture before sending and says the role cannot record it; inquiries still work', async () => {
    const owner = journals[0]!;
    const operator = client(owner, 'olga');
    const session = await operator.createPaymentSession({
      productCode: 'CASHIER_PAYMENT', paymentRequestId: `AUDIT-ROLE-${Date.now()}`,
      order: { referenceOrderId: 'AUDIT-ROLE-ORDER', orderDescription: 'role probe', orderAmount: { currency: 'USD', value: '5000' } },
      paymentAmount: { currency: 'USD', value: '5000' }, paymentMethod: { paymentMethodType: 'CARD' }, paymentRedirectUrl: 'https://merchant.example/return',
      settlementStrategy: { settlementCurrency: 'USD' }, paymentFactor: { isAuthorization: true, captureMode: 'MANUAL' },
    });
    const paymentRequestId = session.requestIds.paymentRequestId!;
    sandbox.control.pay(paymentRequestId, { outcome: 'success' });

    const url = new URL(db.url);
    url.username = role;
    url.password = password;
    const support = await openJournal({ engine: 'postgres', url: url.toString() });
    journals.push(support);
    const agent = client(support, 'sam');
    const inquiry = await agent.inquiryPayment({ paymentRequestId });
    const paymentId = inquiry.response.paymentId!;
    expect(inquiry.response.paymentStatus).toBe('SUCCESS');

    received.length = 0;
    const refusal = await agent.capture({ paymentId, captureAmount: { currency: 'USD', value: '5000' } }).then(() => undefined, (e: unknown) => e);
    expect(refusal).toBeInstanceOf(ConsoleError);
    expect(refusal).toMatchObject({ code: 'AUDIT_NOT_RECORDED', details: { operation: 'capture', sent: false } });
    expect((refusal as ConsoleError).message).toMatch(/permission denied/);
    expect((refusal as ConsoleError).hint).toMatch(/may not record money-moving calls/);
    expect((refusal as ConsoleError).message).not.toContain(password);
    expect(received).toEqual([]);
    expect(sandbox.control.getPayment(paymentId).capturedValue).toBe('0');

    // On record: the agent's inquiry with its actor; no capture intent, no capture call.
    const calls = (await owner.listCalls({ anyId: paymentId })).items;
    expect(calls.filter((c) => c.api === 'capture')).toEqual([]);
    expect(calls.find((c) => c.api === 'inquiryPayment')?.actor).toEqual({ user: 'sam', host: 'desk', door: 'cli' });
    expect((await owner.auditTrail().listAudit({ operation: 'capture' })).items).toEqual([]);
  });
});
