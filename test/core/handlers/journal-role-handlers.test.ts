/**
 * Roles at the product level, on a real PostgreSQL server: the same core and handler table every
 * door uses, composed on a shared journal with a login of each role (made by `db roles`).
 * - support: capture, refund, cancel, createPaymentSession, the dispute answers and the sandbox
 *   buyer are refused UP FRONT with the typed message, and the gateway received nothing; inquiries
 *   go out and are recorded; settings and prune are refused; the page sees read-only.
 * - operator: the capture goes out and is on record.
 * - intake: a receiver composed on the intake login stores and acknowledges a signed notification.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/compose';
import { dispatchOperation } from '../../../src-main/core/dispatch-operation';
import { SessionSecretStore } from '../../../src-main/core/keychain/session-secret-store';
import { PostgresJournal } from '../../../src-main/core/journal/postgres/postgres-journal';
import { applyJournalRoles } from '../../../src-main/core/journal/postgres/postgres-roles';
import type { JournalRoleKind } from '../../../src-shared/journal-access';
import type { OperationInput, OperationName, OperationOutput } from '../../../src-shared/contract';
import { FakeAntomServer } from '../../support/fake-antom-server';
import { paymentResultBody, sendNotification, signNotification } from '../../support/notification-sender';
import { describeWithPostgres, useTestDatabase } from '../../support/postgres';
import { vectors } from '../../support/signature-vectors';
import { cardSessionBody } from './handler-kit';

const CLIENT_ID = 'SANDBOX_5X00000000000000';
const SUFFIX = randomBytes(3).toString('hex');

describeWithPostgres('a console on a shared journal does what its database role allows', () => {
  const db = useTestDatabase('role handlers');
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const secrets = new SessionSecretStore();
  const cores = {} as Record<JournalRoleKind, Core>;
  const urls = {} as Record<JournalRoleKind, string>;
  let gateway: FakeAntomServer;
  let dataDir: string;

  const does = async (core: Core, name: OperationName, input: unknown) => dispatchOperation(core.handlers, name, input);
  /** The operation's value, or undefined when it failed (the assertion then shows what came back instead). */
  const valueOf = async <N extends OperationName>(core: Core, name: N, input: OperationInput<N>): Promise<OperationOutput<N> | undefined> => {
    const result = await dispatchOperation(core.handlers, name, input);
    return result.ok ? (result.value as OperationOutput<N>) : undefined;
  };

  beforeAll(async () => {
    gateway = await new FakeAntomServer(CLIENT_ID).listen();
    dataDir = mkdtempSync(join(tmpdir(), 'role-handlers-'));
    await (await PostgresJournal.open({ url: db.url, maxConnections: 1 })).close();
    for (const kind of ['intake', 'operator', 'support'] as const) {
      await applyJournalRoles(db.url, { login: { name: `${kind}_h_${SUFFIX}`, role: kind, password } });
      const u = new URL(db.url);
      u.username = `${kind}_h_${SUFFIX}`;
      u.password = password;
      urls[kind] = u.toString();
    }
    // Three consoles on one data directory (profiles.json) and one set of keys, each logged in to the
    // journal as one role; the receiver (intake) starts once the profile that verifies exists.
    const compose = (kind: JournalRoleKind) => createCore({
      dataDir, databaseUrl: urls[kind], secrets, ensureDefaultProfile: false, startReceiver: kind === 'intake', clientOptions: { sleep: async () => undefined },
    });
    const op = cores.operator = await compose('operator');
    expect((await does(op, 'createProfile', { name: 'Shop', environment: 'sandbox', region: 'CUSTOM', baseUrl: gateway.baseUrl, clientId: CLIENT_ID, antomPublicKey: vectors.keys.antom.publicKeyPem })).ok).toBe(true);
    expect((await does(op, 'importPrivateKey', { profile: 'Shop', keyText: vectors.keys.merchant.privateKeyPkcs8Pem })).ok).toBe(true);
    expect((await does(op, 'setActiveProfile', { name: 'Shop' })).ok).toBe(true);
    cores.support = await compose('support');
    cores.intake = await compose('intake');
  }, 60_000);

  afterAll(async () => {
    for (const core of Object.values(cores)) await core.close();
    await gateway?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('support: money-moving operations are refused up front with the typed message, and the gateway received nothing', async () => {
    const support = cores.support;
    const attempts: Array<[OperationName, unknown]> = [
      ['capture', { paymentId: 'P-1', amount: { currency: 'USD', value: '1000' } }],
      ['refund', { paymentId: 'P-1', amount: { currency: 'USD', value: '100' } }],
      ['cancel', { paymentId: 'P-1' }],
      ['createPaymentSession', { body: cardSessionBody('1000') }],
      ['acceptDispute', { disputeId: 'D-1' }],
      ['supplyDefenseDocument', { disputeId: 'D-1', disputeEvidence: 'ZXZpZGVuY2U=' }],
    ];
    for (const [name, input] of attempts) {
      const result = await does(support, name, input);
      expect(result.ok, name).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, `${name}: ${result.error.message}`).toBe('JOURNAL_ROLE_FORBIDS');
      expect(result.error.message).toBe(`Connected to the shared journal as support_h_${SUFFIX} (support): support can inquire but not move money; ask an operator. ${name} was not sent to Antom.`);
      expect(result.error.hint).toContain('antom_ops_operator');
    }
    expect(gateway.requests).toHaveLength(0);
    expect((await cores.operator.journal.listCalls({ api: ['capture', 'refund', 'cancel', 'createPaymentSession'] })).items).toHaveLength(0);

    for (const [name, input] of [['setRetentionDays', { days: 30 }], ['pruneJournal', {}]] as const) {
      const result = await does(support, name, input);
      expect(result.ok ? undefined : result.error.code, name).toBe('JOURNAL_ROLE_FORBIDS');
    }
  });

  it('support: inquiries go out and are on record; the page is read-only because of the connection', async () => {
    const support = cores.support;
    expect((await valueOf(support, 'inquiryPayment', { paymentId: 'P-1' }))?.resultStatus).toBe('S');
    expect((await valueOf(support, 'inquiryRefund', { refundId: 'R-1' }))?.resultStatus).toBe('S');
    expect(gateway.requests.map((r) => [r.api, r.signatureValid])).toEqual([['inquiryPayment', true], ['inquiryRefund', true]]);
    expect((await support.journal.listCalls({ profile: 'Shop' })).items.map((c) => c.api).sort()).toEqual(['inquiryPayment', 'inquiryRefund']);

    const status = await valueOf(support, 'getAppStatus', {});
    expect(status?.activeProfile).toMatchObject({ name: 'Shop', readOnly: true });
    expect(status?.journalAccess).toMatchObject({ engine: 'postgres', roles: ['support'], capabilities: { recordMoneyCalls: false, recordInquiries: true } });
    // profiles.json is unchanged: the same profile is not read-only for the operator's console.
    expect((await valueOf(cores.operator, 'getAppStatus', {}))?.activeProfile?.readOnly).toBe(false);
  });

  it('operator: the capture goes out and is recorded', async () => {
    gateway.requests.length = 0;
    expect((await valueOf(cores.operator, 'capture', { paymentId: 'P-1', amount: { currency: 'USD', value: '1000' } }))?.resultStatus).toBe('S');
    expect(gateway.requests.map((r) => r.api)).toEqual(['capture']);
    expect((await cores.support.journal.listCalls({ api: 'capture' })).items).toHaveLength(1);
  });

  it('intake: a receiver on the intake login stores and acknowledges notifications, and cannot make calls', async () => {
    const receiver = cores.intake.receiver!;
    const url = new URL(receiver.url);
    const sent = await sendNotification(url.origin, signNotification({ path: url.pathname, body: paymentResultBody('P-INTAKE-1'), clientId: CLIENT_ID }));
    expect(sent.status, sent.body).toBe(200);
    expect(JSON.parse(sent.body)).toMatchObject({ result: { resultStatus: 'S', resultCode: 'SUCCESS' } });
    const stored = (await cores.operator.journal.listNotifications({ anyId: 'P-INTAKE-1' })).items;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ verification: 'verified', acknowledged: true });

    gateway.requests.length = 0;
    const inquiry = await does(cores.intake, 'inquiryPayment', { paymentId: 'P-1' });
    expect(inquiry.ok ? undefined : inquiry.error.message).toBe(`Connected to the shared journal as intake_h_${SUFFIX} (intake), which may not record calls to Antom; inquiryPayment was not sent to Antom.`);
    expect(gateway.requests).toHaveLength(0);
  });
});
