import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempJournal, type TempJournal } from './journal-fixtures';

let t: TempJournal;
beforeEach(() => {
  t = tempJournal();
});
afterEach(() => t.cleanup());

describe('request-ID ledger in the journal', () => {
  it('reuses the open ID for the same operation across restarts, and mints anew only after a final failure', () => {
    const first = t.journal.requestIdLedger().reserve('capture', 'PAY-1|500', 'CR-1', new Date('2026-03-01T00:00:00Z'));
    expect(first).toMatchObject({ requestId: 'CR-1', state: 'open' });
    const ledger = t.reopen().requestIdLedger();
    expect(ledger.reserve('capture', 'PAY-1|500', 'CR-2').requestId).toBe('CR-1');
    ledger.settle('capture', 'CR-1', 'unknown');
    expect(ledger.reserve('capture', 'PAY-1|500', 'CR-3').requestId).toBe('CR-1');
    ledger.settle('capture', 'CR-1', 'failed');
    expect(ledger.find('capture', 'PAY-1|500')).toBeUndefined();
    expect(ledger.reserve('capture', 'PAY-1|500', 'CR-4').requestId).toBe('CR-4');
    expect(ledger.get('capture', 'CR-1')).toMatchObject({ state: 'failed' });
  });
});
