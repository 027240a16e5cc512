import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvCell } from '../../../src-main/core/journal/export-format';
import { OK, call, notification, tempJournal, type TempJournal } from './journal-fixtures';

let t: TempJournal;
beforeEach(async () => {
  t = await tempJournal();
});
afterEach(() => t.cleanup());

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

describe('export', () => {
  beforeEach(async () => {
    await t.journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: 'PR-1', paymentId: 'PAY-1', paymentAmount: { value: '123456', currency: 'USD' }, memo: 'line one\nline "two", three', buyerEmail: 'kim@example.kr' }, '2026-03-01T00:00:00.000Z'));
    await t.journal.storeNotification(notification('=HYPERLINK("http://evil")', '2026-03-01T00:01:00.000Z', { verification: 'rejected', rejectReason: 'not-json', rejectDetail: 'not JSON, at all', dedupKey: undefined }));
    await t.journal.recorder().record(call('refund', '2026-03-01T00:02:00.000Z', { refundRequestId: 'RR-1', paymentId: 'PAY-1', refundAmount: { currency: 'USD', value: '100' }, order: { buyer: { buyerPhoneNo: '010-1234-5678' } } }, { result: OK, refundId: 'REF-1' }));
  });

  it('writes CSV that round-trips commas, quotes and newlines, redacted, with formula text neutralised', async () => {
    const csv = await t.journal.exportNotifications({}, 'csv');
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
    const json = JSON.parse(await t.journal.exportNotifications({ verification: 'verified' }, 'json')) as Record<string, unknown>[];
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ notifyType: 'PAYMENT_RESULT', paymentId: 'PAY-1', amountValue: '123456', amountCurrency: 'USD', verification: 'verified', bodyExact: false });
    const calls = JSON.parse(await t.journal.exportCalls({ api: 'refund' }, 'json')) as { requestBody: string; refundId: string }[];
    expect(calls[0]!.refundId).toBe('REF-1');
    expect(calls[0]!.requestBody).toContain('"buyerPhoneNo":"*********78"');
    expect(parseCsv(await t.journal.exportCalls({}, 'csv'))).toHaveLength(2);
  });

  it('escapes cells the way RFC 4180 says', async () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('-12')).toBe('-12');
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('@sum')).toBe("'@sum");
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });
});

describe('retention', () => {
  it('keeps the setting and prunes old records, their attempts and search rows, reclaiming space', async () => {
    expect(await t.journal.settings()).toEqual({ retentionDays: 90, notificationExpectedMinutes: 5 });
    await t.journal.setRetentionDays(30);
    expect((await (await t.reopen()).settings()).retentionDays).toBe(30);
    await expect(t.journal.setRetentionDays(0)).rejects.toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));

    const filler = 'x'.repeat(2000);
    const old = Array.from({ length: 400 }, (_, i) => notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentId: `OLD-${i}`, paymentAmount: { value: '1', currency: 'USD' }, filler: `${filler} oldword` }, '2026-01-01T00:00:00.000Z'));
    const refs = await t.journal.storeNotifications(old);
    await t.journal.storeNotification(old[0]!); // a second attempt of an old one
    const rec = t.journal.recorder();
    for (let i = 0; i < 200; i++) await rec.record(call('inquiryPayment', '2026-01-01T00:00:00.000Z', { paymentId: `OLD-${i}`, filler }, { result: OK }));
    await t.journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentId: 'NEW-1', paymentAmount: { value: '1', currency: 'USD' }, memo: 'oldword' }, '2026-03-20T00:00:00.000Z'));
    await rec.record(call('inquiryPayment', '2026-03-20T00:00:00.000Z', { paymentId: 'NEW-1' }, { result: OK }));
    expect((await t.journal.listNotifications({ text: 'oldword' }, { limit: 500 })).items).toHaveLength(401);

    const result = await t.journal.prune({ now: new Date('2026-03-25T00:00:00.000Z') });
    expect(result).toMatchObject({ cutoff: '2026-02-23T00:00:00.000Z', notifications: 400, attempts: 401, calls: 200 });
    expect(result.bytesReclaimed).toBeGreaterThan(1_000_000);
    expect(result.bytesAfter).toBe(await t.journal.sizeBytes());
    expect(await t.journal.counts()).toEqual({ calls: 1, notifications: 1, attempts: 1 });
    expect((await t.journal.listNotifications({ text: 'oldword' })).items.map((n) => n.paymentId)).toEqual(['NEW-1']);
    expect(await t.journal.getNotification(refs[0]!.id)).toBeUndefined();
    expect(await t.journal.prune({ olderThanDays: 1, now: new Date('2026-03-25T00:00:00.000Z') })).toMatchObject({ notifications: 1, calls: 1 });
  });
});
