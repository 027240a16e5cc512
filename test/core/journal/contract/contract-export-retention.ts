/**
 * Contract: exports (CSV that round-trips, redacted, formula text neutralised; JSON with the
 * same fields, filtered), settings, retention and prune, the status figures and readiness.
 */
import { describe, expect, it } from 'vitest';
import { OK, call, notification } from '../journal-fixtures';
import type { ContractContext } from './journal-contract';

/** Minimal RFC 4180 reader, enough to prove the writer's escaping round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  return rows;
}

export function exportAndRetentionContract(ctx: ContractContext): void {
  describe('export', () => {
    async function seed(): Promise<void> {
      await ctx.journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: 'PR-1', paymentId: 'PAY-1', paymentAmount: { value: '123456', currency: 'USD' }, memo: 'line one\nline "two", three', buyerEmail: 'kim@example.kr' }, '2026-03-01T00:00:00.000Z'));
      await ctx.journal.storeNotification(notification('=HYPERLINK("http://evil")', '2026-03-01T00:01:00.000Z', { verification: 'rejected', rejectReason: 'not-json', rejectDetail: 'not JSON, at all', dedupKey: undefined }));
      await ctx.journal.recorder().record(call('refund', '2026-03-01T00:02:00.000Z', { refundRequestId: 'RR-1', paymentId: 'PAY-1', refundAmount: { currency: 'USD', value: '100' }, order: { buyer: { buyerPhoneNo: '010-1234-5678' } } }, { result: OK, refundId: 'REF-1' }));
    }

    it('writes CSV that round-trips commas, quotes and newlines, redacted, with formula text neutralised', async () => {
      await seed();
      const csv = await ctx.journal.exportNotifications({}, 'csv');
      const rows = parseCsv(csv);
      const header = rows[0]!;
      expect(header.slice(0, 4)).toEqual(['id', 'receivedAt', 'lastSeenAt', 'notifyType']);
      expect(rows).toHaveLength(3);
      const col = (r: string[], name: string) => r[header.indexOf(name)];
      const [rejected, paid] = [rows[1]!, rows[2]!];
      expect(col(rejected, 'body')).toBe('\'=HYPERLINK("http://evil")');
      expect(col(rejected, 'rejectDetail')).toBe('not JSON, at all');
      expect(col(paid, 'amountDisplay')).toBe('USD 1,234.56');
      expect(col(paid, 'acknowledged')).toBe('false');
      const body = JSON.parse(col(paid, 'body')!) as { memo: string; buyerEmail: string };
      expect(body.memo).toBe('line one\nline "two", three');
      expect(body.buyerEmail).toBe('***@example.kr');
      expect(csv).not.toContain('kim@example.kr');
    });

    it('writes JSON with the same fields, filtered', async () => {
      await seed();
      const json = JSON.parse(await ctx.journal.exportNotifications({ verification: 'verified' }, 'json')) as Record<string, unknown>[];
      expect(json).toHaveLength(1);
      expect(json[0]).toMatchObject({ notifyType: 'PAYMENT_RESULT', paymentId: 'PAY-1', amountValue: '123456', amountCurrency: 'USD', verification: 'verified', bodyExact: false });
      const calls = JSON.parse(await ctx.journal.exportCalls({ api: 'refund' }, 'json')) as { requestBody: string; refundId: string }[];
      expect(calls[0]!.refundId).toBe('REF-1');
      expect(calls[0]!.requestBody).toContain('"buyerPhoneNo":"*********78"');
      expect(parseCsv(await ctx.journal.exportCalls({}, 'csv'))).toHaveLength(2);
      expect(JSON.parse(await ctx.journal.exportCalls({ api: 'capture' }, 'json'))).toEqual([]);
    });
  });

  describe('settings and retention', () => {
    it('keeps the settings across a reopen and refuses values out of range', async () => {
      expect(await ctx.journal.settings()).toEqual({ retentionDays: 90, notificationExpectedMinutes: 5 });
      await ctx.journal.setRetentionDays(30);
      await ctx.journal.setNotificationExpectedMinutes(15);
      expect(await (await ctx.reopen()).settings()).toEqual({ retentionDays: 30, notificationExpectedMinutes: 15 });
      await expect(ctx.journal.setRetentionDays(0)).rejects.toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
      await expect(ctx.journal.setNotificationExpectedMinutes(1.5)).rejects.toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
      await expect(ctx.journal.prune({ olderThanDays: -1 })).rejects.toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
      expect(await ctx.journal.settings()).toEqual({ retentionDays: 30, notificationExpectedMinutes: 15 });
    });

    it('prunes records older than the retention, with their attempts and search rows', async () => {
      await ctx.journal.setRetentionDays(30);
      const old = Array.from({ length: 40 }, (_, i) => notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentId: `OLD-${i}`, paymentAmount: { value: '1', currency: 'USD' }, memo: 'oldword' }, '2026-01-01T00:00:00.000Z'));
      const refs = await ctx.journal.storeNotifications(old);
      await ctx.journal.storeNotification(old[0]!); // a second attempt of an old one
      const rec = ctx.journal.recorder();
      for (let i = 0; i < 20; i++) await rec.record(call('inquiryPayment', '2026-01-01T00:00:00.000Z', { paymentId: `OLD-${i}` }, { result: OK }));
      await ctx.journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentId: 'NEW-1', paymentAmount: { value: '1', currency: 'USD' }, memo: 'oldword' }, '2026-03-20T00:00:00.000Z'));
      await rec.record(call('inquiryPayment', '2026-03-20T00:00:00.000Z', { paymentId: 'NEW-1' }, { result: OK }));
      expect((await ctx.journal.listNotifications({ text: 'oldword' }, { limit: 500 })).items).toHaveLength(41);
      expect(await ctx.journal.counts()).toEqual({ calls: 21, notifications: 41, attempts: 42 });

      const result = await ctx.journal.prune({ now: new Date('2026-03-25T00:00:00.000Z') });
      expect(result).toMatchObject({ cutoff: '2026-02-23T00:00:00.000Z', notifications: 40, attempts: 41, calls: 20 });
      expect(result.bytesReclaimed).toBe(Math.max(result.bytesBefore - result.bytesAfter, 0));
      expect(await ctx.journal.counts()).toEqual({ calls: 1, notifications: 1, attempts: 1 });
      expect((await ctx.journal.listNotifications({ text: 'oldword' })).items.map((n) => n.paymentId)).toEqual(['NEW-1']);
      expect(await ctx.journal.getNotification(refs[0]!.id)).toBeUndefined();
      expect((await ctx.journal.listCalls({ anyId: 'OLD-1' })).items).toEqual([]);
      expect(await ctx.journal.prune({ olderThanDays: 1, now: new Date('2026-03-25T00:00:00.000Z') })).toMatchObject({ notifications: 1, calls: 1 });
      expect(await ctx.journal.counts()).toEqual({ calls: 0, notifications: 0, attempts: 0 });
    });

    it('says which engine it is, where it is (no password), and how big', async () => {
      expect(['sqlite', 'postgres']).toContain(ctx.journal.engine);
      expect(ctx.journal.describe()).not.toMatch(/:[^:@/]+@/); // no user:password@ in a URL
      expect(ctx.journal.describe().length).toBeGreaterThan(0);
      expect(await ctx.journal.sizeBytes()).toBeGreaterThan(0);
    });

    it('is ready at its own schema version, and still stores after reconnect() (the intake service\'s /readyz)', async () => {
      const ready = await ctx.journal.readiness();
      expect(ready).toMatchObject({ ready: true });
      expect(ready.schemaVersion).toBe(ready.knownSchemaVersion);
      expect(ready.knownSchemaVersion).toBeGreaterThan(0);
      await ctx.journal.reconnect();
      await ctx.journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentId: 'AFTER-RECONNECT', paymentAmount: { value: '1', currency: 'USD' } }, '2026-03-20T00:00:00.000Z'));
      expect((await ctx.journal.listNotifications({ anyId: 'AFTER-RECONNECT' })).items).toHaveLength(1);
      expect(await ctx.journal.readiness()).toMatchObject({ ready: true });
    });

    it('is not ready once closed, and says why', async () => {
      const journal = await ctx.open({});
      await journal.close();
      const closed = await journal.readiness();
      expect(closed.ready).toBe(false);
      expect(closed.reason).toBeTruthy();
    });
  });
}
