/**
 * Contract: the audit trail (issue 7 §4). Money-moving calls made by the real client against the
 * real embedded sandbox over loopback HTTP are on record BEFORE they are sent and completed after;
 * when the journal cannot record the intent the sandbox receives nothing; every call record
 * carries its actor; resends of one request link to its first intent; filters, paging, export.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { AntomClient, type ClientProfile } from '../../../../src-main/core/client';
import type { IntentJournal, IntentRecord } from '../../../../src-main/core/client/intent-journal';
import type { Journal } from '../../../../src-main/core/journal/journal';
import { parsePrivateKey, parsePublicKey } from '../../../../src-main/core/keys/parse-keys';
import { startSandbox, type RunningSandbox } from '../../../../src-main/core/sandbox/start-sandbox';
import type { Actor, AuditEntry } from '../../../../src-shared/audit-views';
import { ConsoleError } from '../../../../src-shared/errors';
import { vectors } from '../../../support/signature-vectors';
import type { ContractContext } from './journal-contract';

const CLIENT_ID = 'SANDBOX_AUDIT_CONTRACT';
const merchantKey = parsePrivateKey(vectors.keys.merchant.privateKeyPkcs8Base64);
const AMY: Actor = { user: 'amy', host: 'ops-laptop-3', door: 'console' };
const BOB: Actor = { user: 'bob', host: 'support-desk', door: 'cli' };

let seq = 0;
function sessionBody(value: string) {
  seq += 1;
  const currency = 'USD';
  return {
    productCode: 'CASHIER_PAYMENT',
    paymentRequestId: `AUDIT-${Date.now()}-${seq}-${randomUUID().slice(0, 6)}`,
    order: { referenceOrderId: `AUDIT-ORDER-${seq}`, orderDescription: 'Audit order', orderAmount: { currency, value } },
    paymentAmount: { currency, value },
    paymentMethod: { paymentMethodType: 'CARD' },
    paymentRedirectUrl: 'https://merchant.example/return',
    settlementStrategy: { settlementCurrency: currency },
    paymentFactor: { isAuthorization: true, captureMode: 'MANUAL' as const },
  };
}

/** A hand-written intent, for the filter and export cases. */
function intent(over: Partial<IntentRecord> & Pick<IntentRecord, 'operation' | 'intendedAt'>): IntentRecord {
  return {
    intentId: randomUUID(), intentKey: `${over.operation}|${randomUUID()}`, callId: randomUUID(), requestIdField: undefined, requestId: undefined,
    amount: undefined, ids: {}, profile: 'sandbox-jp', environment: 'embedded', actor: AMY, ...over,
  };
}

export function auditContract(ctx: ContractContext): void {
  describe('audit trail', () => {
    let sandbox: RunningSandbox;
    /** Every request the sandbox handled ("POST <path> -> ..."), in order. */
    let received: string[];

    beforeAll(async () => {
      sandbox = await startSandbox({
        merchants: [{ clientId: CLIENT_ID, merchantPublicKeyBase64: merchantKey.publicKeyBase64 }], timeScale: 1000, expiryTimeScale: 1,
        log: (line) => { if (line.startsWith('POST ')) received.push(line); },
      });
    });
    afterAll(async () => { await sandbox.close(); });
    beforeEach(() => { received = []; sandbox.control.clearFaults(); });

    function clientOn(journal: Journal, actor: Actor, intents: IntentJournal = journal.auditTrail()): AntomClient {
      const profile: ClientProfile = {
        name: 'audit-profile', environment: 'embedded', baseUrl: sandbox.baseUrl, clientId: CLIENT_ID, keyVersion: '1',
        privateKey: merchantKey.keyObject, antomPublicKey: parsePublicKey(sandbox.antomPublicKeyBase64).keyObject, timeoutMs: 5000,
      };
      return new AntomClient(profile, {
        recorder: journal.recorder(), ledger: journal.requestIdLedger(), actor, intents,
        retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 2 }, sleep: async () => undefined,
      });
    }

    async function authorised(journal: Journal, value = '10000'): Promise<{ paymentId: string; paymentRequestId: string }> {
      const c = clientOn(journal, AMY);
      const session = await c.createPaymentSession(sessionBody(value));
      expect(session.resultStatus).toBe('S');
      const paymentRequestId = session.requestIds.paymentRequestId!;
      sandbox.control.pay(paymentRequestId, { outcome: 'success' });
      const paymentId = (await c.inquiryPayment({ paymentRequestId })).response.paymentId!;
      return { paymentId, paymentRequestId };
    }

    it('writes the intent before the capture is sent and the outcome after, with who sent it', async () => {
      const { paymentId, paymentRequestId } = await authorised(ctx.journal);
      const order: string[] = [];
      const trail = ctx.journal.auditTrail();
      const watched: IntentJournal = {
        recordIntent: async (i) => { await trail.recordIntent(i); order.push(`intent ${i.operation}`); },
        recordOutcome: async (o) => { order.push(`outcome ${o.outcome}`); await trail.recordOutcome(o); },
      };
      received = [];
      const capture = await clientOn(ctx.journal, AMY, watched).capture({ paymentId, captureAmount: { currency: 'USD', value: '4000' } });
      expect(capture.resultStatus).toBe('S');
      order.splice(1, 0, ...received.map((line) => line.split(' ')[1]!.replace(/^.*\//, 'sandbox received ')));
      expect(order).toEqual(['intent capture', 'sandbox received capture', 'outcome S']);

      // Read through another connection: committed, not cached.
      const reader = await ctx.second();
      const entries = (await reader.auditTrail().listAudit({ anyId: paymentId })).items;
      expect(entries.map((e) => e.operation)).toEqual(['capture']);
      const entry = entries[0]!;
      expect(entry).toMatchObject({
        operation: 'capture', requestIdField: 'captureRequestId', requestId: capture.requestIds.captureRequestId, amount: { currency: 'USD', value: '4000' },
        paymentId, profile: 'audit-profile', environment: 'embedded', actor: AMY, person: 'amy@ops-laptop-3', outcome: 'S', resultStatus: 'S',
        resultCode: 'SUCCESS', httpStatus: 200, attempts: 1, resendOf: null, callId: capture.callId,
      });
      expect(Date.parse(entry.completedAt!)).toBeGreaterThanOrEqual(Date.parse(entry.intendedAt));
      // The session was money-moving too; the inquiries were not.
      const session = (await reader.auditTrail().listAudit({ anyId: paymentRequestId, operation: 'createPaymentSession' })).items;
      expect(session).toHaveLength(1);
      expect(session[0]).toMatchObject({ amount: { currency: 'USD', value: '10000' }, outcome: 'S', requestIdField: 'paymentRequestId', requestId: paymentRequestId });

      // Every call record carries its actor, inquiries included.
      const calls = (await reader.listCalls({ anyId: paymentId })).items;
      expect(calls.map((c) => c.api).sort()).toEqual(['capture', 'createPaymentSession', 'inquiryPayment']);
      for (const c of calls) expect(c.actor).toEqual(AMY);
      expect((await reader.getCall(calls[0]!.id))!.actor).toEqual(AMY);
    });

    it('does not send when the journal cannot record the intent: the sandbox receives nothing and no money moves', async () => {
      const { paymentId } = await authorised(ctx.journal);
      const reader = await ctx.second();
      // The database is gone (closed connection / file): the intent cannot be written.
      const client = clientOn(ctx.journal, AMY);
      await ctx.journal.close();
      received = [];
      const refusal = await client.capture({ paymentId, captureAmount: { currency: 'USD', value: '2500' } }).then(() => undefined, (e: unknown) => e);
      expect(refusal).toBeInstanceOf(ConsoleError);
      const error = refusal as ConsoleError;
      expect(error.code).toBe('AUDIT_NOT_RECORDED');
      expect(error.message).toMatch(/capture was NOT sent/);
      expect(error.message).toMatch(/No money moved/);
      expect(error.hint).toMatch(/safe to try the same capture again/);
      expect(error.details).toMatchObject({ operation: 'capture', sent: false });

      expect(received).toEqual([]);
      expect(sandbox.control.getPayment(paymentId).capturedValue).toBe('0');
      expect((await reader.auditTrail().listAudit({ anyId: paymentId, operation: 'capture' })).items).toEqual([]);
      expect((await reader.listCalls({ anyId: paymentId, api: 'capture' })).items).toEqual([]);
    });

    it('links a resend of the same request to its first intent, and says "sent, outcome unknown" in between', async () => {
      const { paymentId } = await authorised(ctx.journal);
      // The capture is applied, then the socket drops: the client cannot know whether it happened.
      sandbox.control.addFaults({ kind: 'dropAfterApply', api: 'capture', count: 1 });
      const c = clientOn(ctx.journal, BOB);
      const lost = await c.capture({ paymentId, captureAmount: { currency: 'USD', value: '3000' } }).then(() => undefined, (e: unknown) => e);
      expect(lost).toMatchObject({ code: 'NETWORK_ERROR' });
      let [first] = (await ctx.journal.auditTrail().listAudit({ anyId: paymentId, operation: 'capture' })).items;
      expect(first).toMatchObject({ outcome: 'unknown', errorCode: 'NETWORK_ERROR', resendOf: null, actor: BOB, person: 'bob@support-desk' });

      // Sent again: the ledger hands back the same captureRequestId, so the intent is the same one.
      const again = await c.capture({ paymentId, captureAmount: { currency: 'USD', value: '3000' } });
      expect(again.requestIds.captureRequestId).toBe(first!.requestId);
      const entries = (await ctx.journal.auditTrail().listAudit({ anyId: paymentId, operation: 'capture' })).items;
      expect(entries).toHaveLength(2);
      [, first] = entries;
      expect(entries[0]).toMatchObject({ intentKey: first!.intentKey, resendOf: first!.id, outcome: 'S', requestId: first!.requestId });
      // Found by the request ID too.
      expect((await ctx.journal.auditTrail().listAudit({ anyId: first!.requestId! })).items.map((e) => e.id)).toEqual([entries[0]!.id, first!.id]);
    });

    it('records cancel and the dispute-free operations with the IDs they are keyed on', async () => {
      const { paymentId } = await authorised(ctx.journal);
      const cancel = await clientOn(ctx.journal, AMY).cancel({ paymentId });
      const [entry] = (await ctx.journal.auditTrail().listAudit({ operation: 'cancel' })).items;
      expect(entry).toMatchObject({ operation: 'cancel', paymentId, amount: null, requestId: null, outcome: cancel.resultStatus, intentKey: `cancel|${paymentId}|` });
    });

    async function seedTrail(journal: Journal): Promise<AuditEntry[]> {
      const trail = journal.auditTrail();
      const rows: Array<[IntentRecord, 'S' | 'F' | 'unknown' | 'not-sent' | undefined]> = [
        [intent({ operation: 'capture', intendedAt: '2026-04-01T08:00:00.000Z', actor: AMY, ids: { paymentId: 'PAY-1' }, amount: { currency: 'USD', value: '500' }, requestIdField: 'captureRequestId', requestId: 'CAP-1' }), 'S'],
        [intent({ operation: 'refund', intendedAt: '2026-04-01T09:00:00.000Z', actor: BOB, profile: 'prod-eu', environment: 'production', ids: { paymentId: 'PAY-1' }, amount: { currency: 'JPY', value: '1500' } }), 'F'],
        [intent({ operation: 'cancel', intendedAt: '2026-04-02T10:00:00.000Z', actor: { ...AMY, host: 'other-host', door: 'preview' }, ids: { paymentRequestId: 'PR-2' } }), 'unknown'],
        [intent({ operation: 'acceptDispute', intendedAt: '2026-04-03T11:00:00.000Z', actor: BOB, ids: { disputeId: 'DSP-1' } }), undefined],
        [intent({ operation: 'capture', intendedAt: '2026-04-04T12:00:00.000Z', actor: AMY, ids: { paymentId: 'PAY-3' } }), 'not-sent'],
      ];
      for (const [i, outcome] of rows) {
        await trail.recordIntent(i);
        if (outcome) {
          await trail.recordOutcome({ intentId: i.intentId, completedAt: i.intendedAt, outcome, resultStatus: outcome === 'S' || outcome === 'F' ? outcome : undefined, resultCode: outcome === 'F' ? 'REFUND_AMOUNT_EXCEED' : undefined, errorCode: outcome === 'unknown' ? 'TIMEOUT' : undefined, httpStatus: undefined, attempts: outcome === 'not-sent' ? 0 : 1 });
        }
      }
      return (await trail.listAudit()).items;
    }

    it('filters by person, operation, profile, outcome, door, any ID and time range', async () => {
      const all = await seedTrail(ctx.journal);
      expect(all.map((e) => e.operation)).toEqual(['capture', 'acceptDispute', 'cancel', 'refund', 'capture']);
      const trail = ctx.journal.auditTrail();
      const ops = async (filter: Parameters<typeof trail.listAudit>[0]) => (await trail.listAudit(filter)).items.map((e) => `${e.operation}:${e.outcome}`);
      expect(await ops({ person: 'amy@ops-laptop-3' })).toEqual(['capture:not-sent', 'capture:S']);
      expect(await ops({ person: 'amy' })).toEqual(['capture:not-sent', 'cancel:unknown', 'capture:S']);
      expect(await ops({ person: 'bob@support-desk' })).toEqual(['acceptDispute:pending', 'refund:F']);
      expect(await ops({ operation: 'refund' })).toEqual(['refund:F']);
      expect(await ops({ operation: ['cancel', 'acceptDispute'] })).toEqual(['acceptDispute:pending', 'cancel:unknown']);
      expect(await ops({ profile: 'prod-eu' })).toEqual(['refund:F']);
      expect(await ops({ outcome: 'pending' })).toEqual(['acceptDispute:pending']);
      expect(await ops({ outcome: 'not-sent' })).toEqual(['capture:not-sent']);
      expect(await ops({ outcome: 'unknown' })).toEqual(['cancel:unknown']);
      expect(await ops({ door: 'preview' })).toEqual(['cancel:unknown']);
      expect(await ops({ anyId: 'PAY-1' })).toEqual(['refund:F', 'capture:S']);
      expect(await ops({ anyId: 'CAP-1' })).toEqual(['capture:S']);
      expect(await ops({ since: '2026-04-02T00:00:00Z', until: '2026-04-04T00:00:00Z' })).toEqual(['acceptDispute:pending', 'cancel:unknown']);
      expect(await ops({ person: 'amy', since: '2026-04-02T00:00:00Z' })).toEqual(['capture:not-sent', 'cancel:unknown']);
      await expect(trail.listAudit({ since: 'last tuesday' })).rejects.toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));

      // Keyset paging, newest first: every entry once.
      const first = await trail.listAudit({}, { limit: 2 });
      expect(first.items.map((e) => e.id)).toEqual(all.slice(0, 2).map((e) => e.id));
      const second = await trail.listAudit({}, { limit: 2, cursor: first.nextCursor! });
      const third = await trail.listAudit({}, { limit: 2, cursor: second.nextCursor! });
      expect([...first.items, ...second.items, ...third.items].map((e) => e.id)).toEqual(all.map((e) => e.id));
      expect(third.nextCursor).toBeUndefined();
      await expect(trail.listAudit({}, { cursor: 'nope' })).rejects.toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    });

    it('exports the filtered trail as CSV and JSON, outcomes spelled out', async () => {
      await seedTrail(ctx.journal);
      const trail = ctx.journal.auditTrail();
      const json = JSON.parse(await trail.exportAudit({ person: 'bob' }, 'json')) as Array<Record<string, unknown>>;
      expect(json.map((r) => [r.operation, r.outcome, r.outcomeMeaning, r.person])).toEqual([
        ['acceptDispute', 'pending', 'sent, outcome unknown (no outcome recorded)', 'bob@support-desk'],
        ['refund', 'F', 'failed (no money moved)', 'bob@support-desk'],
      ]);
      expect(json[1]).toMatchObject({ amountValue: '1500', amountCurrency: 'JPY', amountDisplay: 'JPY 1,500', profile: 'prod-eu', door: 'cli', resultCode: 'REFUND_AMOUNT_EXCEED' });
      const csv = await trail.exportAudit({ outcome: 'not-sent' }, 'csv');
      const lines = csv.trimEnd().split('\r\n');
      expect(lines[0]!.split(',').slice(0, 4)).toEqual(['id', 'intendedAt', 'person', 'user']);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(',not-sent,not sent,');
      expect(lines[1]).toContain('amy@ops-laptop-3');
    });
  });
}
