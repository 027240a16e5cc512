import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from './journal-fixtures';
import type { MoneyIntent } from '../../../src-main/core/client/request-id-ledger';

let t: TempJournal;
beforeEach(async () => {
  t = await tempJournal();
});
afterEach(() => t.cleanup());

const capture: MoneyIntent = { kind: 'capture', paymentId: 'PAY-1', currency: 'USD', value: '500' };

describe('request-ID ledger in the journal', () => {
  it('keeps an unknown capture\'s ID across a restart, frees it after a final result', async () => {
    const ledger = t.journal.requestIdLedger();
    expect(await ledger.pendingRequestId(capture)).toBeUndefined();
    await ledger.begin(capture, 'CR-1');
    // the console crashes mid-call: the ID is still pending after reopening
    const reopened = (await t.reopen()).requestIdLedger();
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
    const ledger = t.journal.requestIdLedger();
    await ledger.begin(capture, 'CR-1');
    expect(await ledger.pendingRequestId({ ...capture, value: '501' })).toBeUndefined();
    expect(await ledger.pendingRequestId({ ...capture, paymentId: 'PAY-2' })).toBeUndefined();
    expect(await ledger.pendingRequestId({ ...capture, kind: 'refund' })).toBeUndefined();
  });
});
