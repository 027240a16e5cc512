/**
 * Contract: recorded calls (every CallRecord field, redacted), their queries by every filter and
 * any ID, paging, the recorder that never rejects, and the request-ID ledger kept in the store.
 */
import { describe, expect, it } from 'vitest';
import type { MoneyIntent } from '../../../../src-main/core/client/request-id-ledger';
import { OK, call } from '../journal-fixtures';
import type { ContractContext } from './journal-contract';

const apis = (page: { items: { api: string }[] }): string[] => page.items.map((c) => c.api);

export function callContract(ctx: ContractContext): void {
  async function seed(): Promise<void> {
    const rec = ctx.journal.recorder();
    await rec.record(call('createPaymentSession', '2026-03-01T01:00:00.000Z',
      { productCode: 'CASHIER_PAYMENT', paymentRequestId: 'PR-A', order: { referenceOrderId: 'ORD-A', buyer: { buyerEmail: 'amy@example.com' } }, paymentAmount: { currency: 'USD', value: '1000' } },
      { result: OK, paymentSessionId: 'S1', paymentSessionData: 'xyz' }));
    await rec.record(call('inquiryPayment', '2026-03-01T01:05:00.000Z', { paymentRequestId: 'PR-A' },
      { result: OK, paymentRequestId: 'PR-A', paymentId: 'PAY-A', paymentStatus: 'SUCCESS', paymentAmount: { currency: 'USD', value: '1000' } }, { trigger: 'poller', profile: 'sandbox-us' }));
    await rec.record(call('capture', '2026-03-01T01:06:00.000Z', { captureRequestId: 'CR-A', paymentId: 'PAY-A', captureAmount: { currency: 'USD', value: '1000' } },
      { result: { resultStatus: 'U', resultCode: 'CAPTURE_IN_PROCESS', resultMessage: 'in process' } }, { callId: 'CALL-CAPTURE' }));
    await rec.record(call('refund', '2026-03-01T01:07:00.000Z', { refundRequestId: 'RR-A', paymentId: 'PAY-A', refundAmount: { currency: 'USD', value: '100' }, refundReason: 'damaged umbrella' },
      undefined, { trigger: 'retry', attempt: 2 }));
    await rec.record(call('cancel', '2026-03-02T00:00:00.000Z', { paymentRequestId: 'PR-B' },
      { result: { resultStatus: 'F', resultCode: 'CANCEL_WINDOW_EXCEED', resultMessage: 'window' } }, { responseSignature: 'invalid', trigger: 'cli' }));
  }

  describe('recorded calls', () => {
    it('keeps every CallRecord field, redacted, newest first', async () => {
      await seed();
      const page = await ctx.journal.listCalls();
      expect(apis(page)).toEqual(['cancel', 'refund', 'capture', 'inquiryPayment', 'createPaymentSession']);
      const session = (await ctx.journal.getCall(page.items[4]!.id))!;
      expect(session).toMatchObject({
        api: 'createPaymentSession', profile: 'sandbox-jp', environment: 'embedded', path: '/ams/api/v1/payments/createPaymentSession', clientId: 'SANDBOX_5YBZ1234',
        requestTime: String(Date.parse('2026-03-01T01:00:00.000Z')), httpStatus: 200, responseSignature: 'verified', latencyMs: 42, resultStatus: 'S', resultCode: 'SUCCESS',
        paymentRequestId: 'PR-A', referenceOrderId: 'ORD-A', trigger: 'user', responseHeaders: { 'content-type': 'application/json' },
      });
      expect(session.requestBody).toContain('"buyerEmail":"***@example.com"');
      const refund = (await ctx.journal.getCall(page.items[1]!.id))!;
      expect(refund).toMatchObject({ httpStatus: null, resultStatus: null, errorCode: 'TIMEOUT', errorMessage: 'No answer within 15 s', attempt: 2, responseBody: null });
      expect(await ctx.journal.getCall(page.items[0]!.id + 1000)).toBeUndefined();
    });

    it('stores one attempt once: recordCall returns the row id, and undefined for an attempt already stored', async () => {
      const attempt = call('inquiryPayment', '2026-03-03T00:00:00.000Z', { paymentId: 'PAY-ONCE' }, { result: OK });
      const id = await ctx.journal.recordCall(attempt);
      expect(id).toBeTypeOf('number');
      expect(await ctx.journal.recordCall(attempt)).toBeUndefined();
      expect((await ctx.journal.listCalls({ anyId: 'PAY-ONCE' })).items.map((c) => c.id)).toEqual([id]);
    });

    it('filters by api, result status and code, signature label, profile, trigger, call and time', async () => {
      await seed();
      expect(apis(await ctx.journal.listCalls({ api: 'capture' }))).toEqual(['capture']);
      expect(apis(await ctx.journal.listCalls({ api: ['cancel', 'refund'] }))).toEqual(['cancel', 'refund']);
      expect(apis(await ctx.journal.listCalls({ resultStatus: 'U' }))).toEqual(['capture']);
      expect(apis(await ctx.journal.listCalls({ resultStatus: 'none' }))).toEqual(['refund']);
      expect(apis(await ctx.journal.listCalls({ resultCode: 'CANCEL_WINDOW_EXCEED' }))).toEqual(['cancel']);
      expect(apis(await ctx.journal.listCalls({ responseSignature: 'invalid' }))).toEqual(['cancel']);
      expect(apis(await ctx.journal.listCalls({ profile: 'sandbox-us' }))).toEqual(['inquiryPayment']);
      expect(apis(await ctx.journal.listCalls({ trigger: 'retry' }))).toEqual(['refund']);
      expect(apis(await ctx.journal.listCalls({ callId: 'CALL-CAPTURE' }))).toEqual(['capture']);
      expect(apis(await ctx.journal.listCalls({ since: '2026-03-01T01:05:00Z', until: '2026-03-01T01:07:00Z' }))).toEqual(['capture', 'inquiryPayment']);
      await expect(ctx.journal.listCalls({ since: 'yesterday-ish' })).rejects.toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    });

    it('finds every call of the payment that any of its IDs names', async () => {
      await seed();
      // Each ID resolves to payment A first, then to all of A's calls (and never to B's).
      const all = ['refund', 'capture', 'inquiryPayment', 'createPaymentSession'];
      for (const id of ['PAY-A', 'PR-A', 'CR-A', 'RR-A', 'ORD-A', 'S1']) expect(apis(await ctx.journal.listCalls({ anyId: id })), id).toEqual(all);
      const found = await ctx.journal.findById('PAY-A');
      expect(found.payments).toEqual([{ paymentRequestId: 'PR-A', paymentId: 'PAY-A' }]);
      expect(found.calls).toHaveLength(4);
      expect(found.summaries.map((p) => p.state)).toEqual(['AUTHORISED']); // its capture is still in process
      expect(await ctx.journal.findById('nobody')).toEqual({ id: 'nobody', payments: [], summaries: [], calls: [], notifications: [] });
    });

    it('searches request and response bodies as free text, but never the masked personal data', async () => {
      await seed();
      expect(apis(await ctx.journal.listCalls({ text: 'umbrella' }))).toEqual(['refund']);
      expect(apis(await ctx.journal.listCalls({ text: 'CAPTURE_IN_PROCESS' }))).toEqual(['capture']);
      expect(apis(await ctx.journal.listCalls({ text: 'damaged "umbrella' }))).toEqual(['refund']);
      expect((await ctx.journal.listCalls({ text: 'amy' })).items).toEqual([]);
    });

    it('pages with a cursor and with an offset', async () => {
      await seed();
      const first = await ctx.journal.listCalls({}, { limit: 2 });
      expect(apis(first)).toEqual(['cancel', 'refund']);
      const second = await ctx.journal.listCalls({}, { limit: 2, cursor: first.nextCursor });
      expect(apis(second)).toEqual(['capture', 'inquiryPayment']);
      const third = await ctx.journal.listCalls({}, { limit: 2, cursor: second.nextCursor });
      expect(apis(third)).toEqual(['createPaymentSession']);
      expect(third.nextCursor).toBeUndefined();
      expect(apis(await ctx.journal.listCalls({}, { limit: 2, offset: 2 }))).toEqual(['capture', 'inquiryPayment']);
      await expect(ctx.journal.listCalls({}, { limit: 501 })).rejects.toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    });

    it('the recorder never rejects; a failed write reaches onRecordError, and recordCall rejects', async () => {
      const errors: unknown[] = [];
      const journal = await ctx.open({ onRecordError: (e) => errors.push(e) });
      const bad = call('inquiryPayment', '2026-03-03T00:00:00.000Z', {}, undefined, { api: undefined as never });
      await expect(journal.recorder().record(bad)).resolves.toBeUndefined();
      expect(errors).toHaveLength(1);
      await expect(journal.recordCall(bad)).rejects.toThrow();
      expect((await journal.counts()).calls).toBe(0);
    });
  });

  describe('request-ID ledger in the journal', () => {
    const capture: MoneyIntent = { kind: 'capture', paymentId: 'PAY-1', currency: 'USD', value: '500' };

    it("keeps an unknown capture's ID across a restart, frees it after a final result", async () => {
      const ledger = ctx.journal.requestIdLedger();
      expect(await ledger.pendingRequestId(capture)).toBeUndefined();
      await ledger.begin(capture, 'CR-1');
      // the console crashes mid-call: the ID is still pending after reopening
      const reopened = (await ctx.reopen()).requestIdLedger();
      expect(await reopened.pendingRequestId(capture)).toBe('CR-1');
      await reopened.end(capture, 'CR-1', 'unknown');
      expect(await reopened.pendingRequestId(capture)).toBe('CR-1');
      await reopened.begin(capture, 'CR-1');
      await reopened.end(capture, 'CR-1', 'final');
      expect(await reopened.pendingRequestId(capture)).toBeUndefined();
      await reopened.begin(capture, 'CR-2');
      expect(await reopened.pendingRequestId(capture)).toBe('CR-2');
    });

    it('keeps intents apart by payment, amount and kind', async () => {
      const ledger = ctx.journal.requestIdLedger();
      await ledger.begin(capture, 'CR-1');
      expect(await ledger.pendingRequestId({ ...capture, value: '501' })).toBeUndefined();
      expect(await ledger.pendingRequestId({ ...capture, paymentId: 'PAY-2' })).toBeUndefined();
      expect(await ledger.pendingRequestId({ ...capture, kind: 'refund' })).toBeUndefined();
    });
  });

  describe('what the connection may do', () => {
    // The SQLite file is the user's own; the contract suite's PostgreSQL login owns its database.
    // What a restricted login may do is test/core/journal/postgres/journal-roles.test.ts.
    it('tells an owner every capability, with the engine', async () => {
      const access = await ctx.journal.capabilities();
      expect(access.engine).toBe(ctx.journal.engine);
      expect(access.roles).toEqual([]);
      expect(access.capabilities).toEqual({
        readJournal: true, recordMoneyCalls: true, recordInquiries: true, recordReplays: true, writeSettings: true, prune: true, receive: true,
      });
    });
  });
}
