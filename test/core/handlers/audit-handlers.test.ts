/**
 * The audit trail through the handler table, as every door calls it: a capture made through
 * compose carries this process's OS user, host and door, is listed with its outcome and exported;
 * when the journal cannot take the intent the handler refuses with AUDIT_NOT_RECORDED and the
 * embedded sandbox's payment is untouched.
 */
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { JOURNAL_FILE_NAME } from '../../../src-main/core/journal/sqlite-journal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorisedPayment, startKit, type HandlerKit } from './handler-kit';

const me = { user: userInfo().username, host: hostname() };

describe('audit handlers on a real core', () => {
  let kit: HandlerKit;
  beforeAll(async () => {
    kit = await startKit({ door: 'preview' });
  });
  afterAll(async () => kit.close());

  it('lists a capture with who made it (user@host, door) and its outcome, filtered, paged and exported', async () => {
    const { paymentId } = await authorisedPayment(kit, '9000');
    const capture = await kit.ok('capture', { paymentId, amount: { currency: 'USD', value: '9000' } });
    expect(capture.resultStatus).toBe('S');

    const page = await kit.ok('listAudit', { filter: { anyId: paymentId } });
    expect(page.items.map((e) => e.operation)).toEqual(['capture']);
    expect(page.items[0]).toMatchObject({
      actor: { ...me, door: 'preview' }, person: `${me.user}@${me.host}`, profile: 'Embedded sandbox', outcome: 'S', amount: { currency: 'USD', value: '9000' },
      requestId: capture.requestIds.captureRequestId, paymentId,
    });
    expect((await kit.ok('listAudit', { filter: { person: `${me.user}@${me.host}`, operation: ['createPaymentSession'] } })).items.length).toBeGreaterThanOrEqual(1);
    expect((await kit.ok('listAudit', { filter: { person: 'nobody@nowhere' } })).items).toEqual([]);
    const first = await kit.ok('listAudit', { page: { limit: 1 } });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBeDefined();

    // The API log's records carry the same actor.
    const calls = await kit.ok('listCalls', { filter: { anyId: paymentId, api: 'capture' } });
    expect(calls.items[0]!.actor).toEqual({ ...me, door: 'preview' });

    const csv = await kit.ok('exportAudit', { filter: { anyId: paymentId }, format: 'csv' });
    expect(csv).toMatchObject({ mimeType: 'text/csv', rows: 1 });
    expect(csv.filename).toMatch(/^audit-\d{4}-\d{2}-\d{2}T\d{4}\.csv$/);
    expect(csv.content).toContain(`${me.user}@${me.host}`);
    const json = await kit.ok('exportAudit', { format: 'json' });
    expect(json.rows).toBeGreaterThanOrEqual(2);

    expect((await kit.fails('listAudit', { filter: { outcome: 'maybe' } })).code).toBe('VALIDATION_FAILED');
    expect((await kit.fails('listAudit', { filter: { operation: 'inquiryPayment' } })).code).toBe('VALIDATION_FAILED');
  });

  it('refuses a capture whose intent cannot be recorded: AUDIT_NOT_RECORDED, and the sandbox payment is untouched', async () => {
    const { paymentId } = await authorisedPayment(kit, '7000');
    // The journal refuses the intent's INSERT (as a full disk, a read-only file or a database role
    // would), through another connection to the same file, while the console stays up.
    const other = new Database(join(kit.dataDir, JOURNAL_FILE_NAME));
    other.exec("CREATE TRIGGER refuse_intents BEFORE INSERT ON call_intents BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END");
    other.close();
    const callsBefore = (await kit.ok('listCalls', { filter: { anyId: paymentId, api: 'capture' } })).items.length;
    const refusal = await kit.fails('capture', { paymentId, amount: { currency: 'USD', value: '7000' } });
    expect(refusal.code).toBe('AUDIT_NOT_RECORDED');
    expect(refusal.message).toMatch(/capture was NOT sent.*No money moved/s);
    expect(refusal.hint).toMatch(/safe to try the same capture again/);
    expect(refusal.message).toContain('attempt to write a readonly database');
    expect(kit.core.sandbox!.control.getPayment(paymentId).capturedValue).toBe('0');
    expect((await kit.ok('listCalls', { filter: { anyId: paymentId, api: 'capture' } })).items).toHaveLength(callsBefore);
    expect((await kit.ok('listAudit', { filter: { anyId: paymentId, operation: 'capture' } })).items).toEqual([]);
  });
});
