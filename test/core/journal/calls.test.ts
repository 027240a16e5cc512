import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { vectors } from '../../support/signature-vectors';
import { OK, call, tempJournal, type TempJournal } from './journal-fixtures';

let t: TempJournal;
beforeEach(async () => {
  t = await tempJournal();
  const rec = t.journal.recorder();
  await rec.record(call('createPaymentSession', '2026-03-01T01:00:00.000Z',
    { productCode: 'CASHIER_PAYMENT', paymentRequestId: 'PR-A', order: { referenceOrderId: 'ORD-A', buyer: { buyerEmail: 'amy@example.com' } }, paymentAmount: { currency: 'USD', value: '1000' } },
    { result: OK, paymentSessionId: 'S1', paymentSessionData: 'xyz' }));
  await rec.record(call('inquiryPayment', '2026-03-01T01:05:00.000Z', { paymentRequestId: 'PR-A' },
    { result: OK, paymentRequestId: 'PR-A', paymentId: 'PAY-A', paymentStatus: 'SUCCESS', paymentAmount: { currency: 'USD', value: '1000' } }, { trigger: 'poller', profile: 'sandbox-us' }));
  await rec.record(call('capture', '2026-03-01T01:06:00.000Z', { captureRequestId: 'CR-A', paymentId: 'PAY-A', captureAmount: { currency: 'USD', value: '1000' } },
    { result: { resultStatus: 'U', resultCode: 'CAPTURE_IN_PROCESS', resultMessage: 'in process' } }));
  await rec.record(call('refund', '2026-03-01T01:07:00.000Z', { refundRequestId: 'RR-A', paymentId: 'PAY-A', refundAmount: { currency: 'USD', value: '100' }, refundReason: 'damaged umbrella' },
    undefined, { trigger: 'retry', attempt: 2 }));
  await rec.record(call('cancel', '2026-03-02T00:00:00.000Z', { paymentRequestId: 'PR-B' },
    { result: { resultStatus: 'F', resultCode: 'CANCEL_WINDOW_EXCEED', resultMessage: 'window' } }, { responseSignature: 'invalid', trigger: 'cli' }));
});
afterEach(() => t.cleanup());

const apis = (page: { items: { api: string }[] }): string[] => page.items.map((c) => c.api);

describe('recorded calls', () => {
  it('keeps every CallRecord field, redacted, newest first', async () => {
    const page = await t.journal.listCalls();
    expect(apis(page)).toEqual(['cancel', 'refund', 'capture', 'inquiryPayment', 'createPaymentSession']);
    const session = (await t.journal.getCall(page.items[4]!.id))!;
    expect(session).toMatchObject({
      api: 'createPaymentSession', profile: 'sandbox-jp', environment: 'embedded', path: '/ams/api/v1/payments/createPaymentSession', clientId: 'SANDBOX_5YBZ1234',
      requestTime: String(Date.parse('2026-03-01T01:00:00.000Z')), httpStatus: 200, responseSignature: 'verified', latencyMs: 42, resultStatus: 'S', resultCode: 'SUCCESS',
      paymentRequestId: 'PR-A', referenceOrderId: 'ORD-A', trigger: 'user', responseHeaders: { 'content-type': 'application/json' },
    });
    expect(session.requestBody).toContain('"buyerEmail":"***@example.com"');
    const refund = (await t.journal.getCall(page.items[1]!.id))!;
    expect(refund).toMatchObject({ httpStatus: null, resultStatus: null, errorCode: 'TIMEOUT', errorMessage: 'No answer within 15 s', attempt: 2, responseBody: null });
  });

  it('filters by api, result status and code, signature label, profile, trigger and time', async () => {
    expect(apis(await t.journal.listCalls({ api: 'capture' }))).toEqual(['capture']);
    expect(apis(await t.journal.listCalls({ api: ['cancel', 'refund'] }))).toEqual(['cancel', 'refund']);
    expect(apis(await t.journal.listCalls({ resultStatus: 'U' }))).toEqual(['capture']);
    expect(apis(await t.journal.listCalls({ resultStatus: 'none' }))).toEqual(['refund']);
    expect(apis(await t.journal.listCalls({ resultCode: 'CANCEL_WINDOW_EXCEED' }))).toEqual(['cancel']);
    expect(apis(await t.journal.listCalls({ responseSignature: 'invalid' }))).toEqual(['cancel']);
    expect(apis(await t.journal.listCalls({ profile: 'sandbox-us' }))).toEqual(['inquiryPayment']);
    expect(apis(await t.journal.listCalls({ trigger: 'retry' }))).toEqual(['refund']);
    expect(apis(await t.journal.listCalls({ since: '2026-03-01T01:05:00Z', until: '2026-03-01T01:07:00Z' }))).toEqual(['capture', 'inquiryPayment']);
    await expect(t.journal.listCalls({ since: 'yesterday-ish' })).rejects.toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('finds every call of the payment that any of its IDs names', async () => {
    // Each ID resolves to payment A first, then to all of A's calls (and never to B's).
    const all = ['refund', 'capture', 'inquiryPayment', 'createPaymentSession'];
    for (const id of ['PAY-A', 'PR-A', 'CR-A', 'RR-A', 'ORD-A', 'S1']) expect(apis(await t.journal.listCalls({ anyId: id })), id).toEqual(all);
    const found = await t.journal.findById('PAY-A');
    expect(found.payments).toEqual([{ paymentRequestId: 'PR-A', paymentId: 'PAY-A' }]);
    expect(found.calls).toHaveLength(4);
    expect(found.summaries.map((p) => p.state)).toEqual(['AUTHORISED']); // its capture is still in process
  });

  it('searches request and response bodies as free text, but never the masked personal data', async () => {
    expect(apis(await t.journal.listCalls({ text: 'umbrella' }))).toEqual(['refund']);
    expect(apis(await t.journal.listCalls({ text: 'CAPTURE_IN_PROCESS' }))).toEqual(['capture']);
    expect(apis(await t.journal.listCalls({ text: 'damaged "umbrella' }))).toEqual(['refund']);
    expect((await t.journal.listCalls({ text: 'amy' })).items).toEqual([]);
  });

  it('pages with a cursor and with an offset', async () => {
    const first = await t.journal.listCalls({}, { limit: 2 });
    expect(apis(first)).toEqual(['cancel', 'refund']);
    const second = await t.journal.listCalls({}, { limit: 2, cursor: first.nextCursor });
    expect(apis(second)).toEqual(['capture', 'inquiryPayment']);
    const third = await t.journal.listCalls({}, { limit: 2, cursor: second.nextCursor });
    expect(apis(third)).toEqual(['createPaymentSession']);
    expect(third.nextCursor).toBeUndefined();
    expect(apis(await t.journal.listCalls({}, { limit: 2, offset: 2 }))).toEqual(['capture', 'inquiryPayment']);
    await expect(t.journal.listCalls({}, { limit: 501 })).rejects.toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('the recorder never throws; a failed write reaches onRecordError', async () => {
    const errors: unknown[] = [];
    const journal = await t.reopen({ onRecordError: (e) => errors.push(e) });
    const bad = call('inquiryPayment', '2026-03-03T00:00:00.000Z', {}, undefined, { api: undefined as never });
    await expect(journal.recorder().record(bad)).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
  });

  it('never writes fixture key material to the file, whatever the body holds', async () => {
    const keys = vectors.keys as Record<string, Record<string, string> | string>;
    const rec = t.journal.recorder();
    for (const k of Object.values(keys)) {
      if (typeof k !== 'object') continue;
      await rec.record(call('refund', '2026-03-04T00:00:00.000Z', { refundRequestId: 'RR-K', paymentId: 'PAY-K', note: k.privateKeyPkcs8Pem, raw: k.privateKeyPkcs8Base64, pkcs1: k.privateKeyPkcs1Pem },
        { result: OK, echo: k.publicKeyPem, x509: k.publicKeyX509Base64 }));
    }
    await t.journal.close();
    const files = readdirSync(t.dir).filter((f) => f.startsWith('journal.sqlite3'));
    const bytes = Buffer.concat(files.map((f) => readFileSync(join(t.dir, f)))).toString('latin1');
    for (const k of Object.values(keys)) {
      if (typeof k !== 'object') continue;
      for (const field of ['privateKeyPkcs8Base64', 'publicKeyX509Base64']) {
        const b64 = k[field]!;
        for (let i = 0; i + 64 <= b64.length; i += 64) expect(bytes.includes(b64.slice(i, i + 64))).toBe(false);
      }
      expect(bytes.includes('PRIVATE KEY')).toBe(false);
    }
  });
});
