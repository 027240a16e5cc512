/**
 * What only the embedded engine promises about its file. Everything a journal promises whatever
 * its engine is in contract/ (run here by contract/sqlite.contract.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { vectors } from '../../support/signature-vectors';
import { JOURNAL_FILE_NAME } from '../../../src-main/core/journal/sqlite-journal';
import { openJournal } from '../../../src-main/core/journal/open-journal';
import { OK, call, notification, tempJournal, type TempJournal } from './journal-fixtures';

let t: TempJournal;
beforeEach(async () => {
  t = await tempJournal();
});
afterEach(() => t.cleanup());

describe('the SQLite journal file', () => {
  it('is the data directory\'s journal.sqlite3, and says so', async () => {
    expect(t.journal.engine).toBe('sqlite');
    expect(t.journal.describe()).toBe(join(t.dir, JOURNAL_FILE_NAME));
  });

  it('is readable by its owner only, with its WAL sidecars, and narrows an older 0644 journal at open', async () => {
    const rec = t.journal.recorder();
    await rec.record(call('inquiryPayment', '2026-03-04T00:00:00.000Z', { paymentRequestId: 'PR-MODE' }, { result: OK }));
    const modes = (): number[] => readdirSync(t.dir).filter((f) => f.startsWith(JOURNAL_FILE_NAME)).map((f) => statSync(join(t.dir, f)).mode & 0o777);
    expect(modes().length).toBeGreaterThanOrEqual(2);
    expect(new Set(modes())).toEqual(new Set([0o600]));
    await t.journal.close();
    for (const f of readdirSync(t.dir).filter((f) => f.startsWith(JOURNAL_FILE_NAME))) chmodSync(join(t.dir, f), 0o644);
    const reopened = await openJournal({ dataDir: t.dir });
    try {
      expect(new Set(modes())).toEqual(new Set([0o600]));
    } finally {
      await reopened.close();
    }
  });

  it('never holds fixture key material, whatever the body held', async () => {
    const keys = vectors.keys as Record<string, Record<string, string> | string>;
    const rec = t.journal.recorder();
    for (const k of Object.values(keys)) {
      if (typeof k !== 'object') continue;
      await rec.record(call('refund', '2026-03-04T00:00:00.000Z', { refundRequestId: 'RR-K', paymentId: 'PAY-K', note: k.privateKeyPkcs8Pem, raw: k.privateKeyPkcs8Base64, pkcs1: k.privateKeyPkcs1Pem },
        { result: OK, echo: k.publicKeyPem, x509: k.publicKeyX509Base64 }));
    }
    await t.journal.close();
    const files = readdirSync(t.dir).filter((f) => f.startsWith(JOURNAL_FILE_NAME));
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

  it('gives the space of pruned records back to the disk (VACUUM, WAL truncated)', async () => {
    const filler = 'x'.repeat(2000);
    const old = Array.from({ length: 400 }, (_, i) => notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentId: `OLD-${i}`, paymentAmount: { value: '1', currency: 'USD' }, filler }, '2026-01-01T00:00:00.000Z'));
    await t.journal.storeNotifications(old);
    const rec = t.journal.recorder();
    for (let i = 0; i < 200; i++) await rec.record(call('inquiryPayment', '2026-01-01T00:00:00.000Z', { paymentId: `OLD-${i}`, filler }, { result: OK }));
    const result = await t.journal.prune({ olderThanDays: 30, now: new Date('2026-03-25T00:00:00.000Z') });
    expect(result).toMatchObject({ notifications: 400, calls: 200 });
    expect(result.bytesReclaimed).toBeGreaterThan(1_000_000);
    expect(result.bytesAfter).toBe(await t.journal.sizeBytes());
  });
});
