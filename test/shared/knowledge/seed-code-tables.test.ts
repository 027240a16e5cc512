/**
 * The knowledge base against Antom's own seed pages: every code in their tables has an entry,
 * in the group the pages put it in, and where the pages disagree the entry says which page says
 * what.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entriesForCode, explainResultCode, explainSdkEventCode, type KnowledgeApi } from '../../../src-shared/knowledge';
import { readSeedPages, sampleResultCodes, seedCodeRows, sharedDocsAvailable, sharedDocsDir, type SeedCodeRow } from '../../support/antom-seed-pages';

const pages = readSeedPages();
const rows: SeedCodeRow[] = pages.flatMap(seedCodeRows);

describe('the seed pages as read by the test', () => {
  it('are the five pages, each with at least one code table (markdown, HTML and bulleted lists all read)', () => {
    expect(pages.map((p) => p.page)).toEqual(['000', '001', '002', '003', '004']);
    for (const page of pages) expect(rows.filter((r) => r.page === page.page).length, page.file).toBeGreaterThan(0);
    // One code only each format carries: 002's markdown status table, 003's HTML table, 001/004's lists.
    expect(rows.find((r) => r.code === 'SDK_FORM_VERIFICATION_FAILED')?.page).toBe('002');
    expect(rows.filter((r) => r.code === 'SDK_INIT_PARAMETER_ERROR').map((r) => r.page)).toEqual(['003']);
    expect(rows.some((r) => r.page === '004' && r.code === 'SDK_CALL_URL_ERROR')).toBe(true);
  });

  it('are identical to ../shared/antom/docs when the clone sits beside it', () => {
    if (!sharedDocsAvailable()) return; // a bare clone: the fixtures are all there is
    for (const page of pages) {
      expect(readFileSync(join(sharedDocsDir, page.file), 'utf8') === page.text, `${page.file} differs from ../shared`).toBe(true);
    }
  });
});

describe('every code in the seed tables', () => {
  it('has a client SDK event entry', () => {
    const missing = [...new Set(rows.map((r) => r.code))].filter((code) => explainSdkEventCode(code).match === 'unknown');
    expect(missing).toEqual([]);
  });

  it('sits in the group the seed pages give it (SDK_CALL_URL_ERROR with the error codes, SDK_PAYMENT_CANCEL with the payment results)', () => {
    const wrong = rows
      .filter((r) => explainSdkEventCode(r.code).sdkGroup !== r.group)
      .map((r) => `${r.code}: seed ${r.page} says ${r.group}, the knowledge base says ${explainSdkEventCode(r.code).sdkGroup ?? 'nothing'}`);
    expect(wrong).toEqual([]);
    expect(explainSdkEventCode('SDK_CALL_URL_ERROR').sdkGroup).toBe('error');
  });

  it('every result code in the pages\' samples has an entry', () => {
    const codes = [...new Set(pages.flatMap(sampleResultCodes))];
    expect(codes).toEqual(expect.arrayContaining(['SUCCESS', 'PROCESS_FAIL', 'PAYMENT_IN_PROCESS']));
    for (const code of codes) expect(entriesForCode(code).length, code).toBeGreaterThan(0);
  });
});

describe('where the seed pages swap SDK_CREATEPAYMENT_PARAMETER_ERROR and SDK_INIT_PARAMETER_ERROR', () => {
  const methodOf = (description: string) => (/AMSCashierPayment/.test(description) ? 'AMSCashierPayment' : /createComponent/.test(description) ? 'createComponent' : undefined);
  const swapRows = rows.filter((r) => r.code === 'SDK_CREATEPAYMENT_PARAMETER_ERROR' || r.code === 'SDK_INIT_PARAMETER_ERROR');

  it('the pages really do disagree (003 and 004 against 000 and 001)', () => {
    const createPayment = Object.fromEntries(swapRows.filter((r) => r.code === 'SDK_CREATEPAYMENT_PARAMETER_ERROR').map((r) => [r.page, methodOf(r.description)]));
    expect(createPayment).toEqual({ '000': 'createComponent', '001': 'createComponent', '003': 'AMSCashierPayment', '004': 'AMSCashierPayment' });
  });

  it('each entry names every page and the method that page ties the code to', () => {
    for (const row of swapRows) {
      const entry = explainSdkEventCode(row.code);
      const statement = entry.pagesDisagree?.find((s) => s.page.startsWith(`seed ${row.page}`));
      expect(statement, `${row.code} has no statement for seed ${row.page}`).toBeDefined();
      const method = methodOf(row.description);
      expect(method, `${row.code} in seed ${row.page}`).toBeDefined();
      // The statement quotes what this page says for this code, so it must name the same method right after the code.
      const said = new RegExp(`${row.code}: [^;.]*${method}`);
      expect(statement?.says, `${row.code} in seed ${row.page}`).toMatch(said);
      expect(entry.note).toMatch(/003/);
      expect(entry.note).toMatch(/004/);
    }
  });

  it('the entries follow the API reference: CREATEPAYMENT is createComponent (sessionData), INIT the constructor', () => {
    expect(explainSdkEventCode('SDK_CREATEPAYMENT_PARAMETER_ERROR').meaning).toMatch(/createComponent/);
    expect(explainSdkEventCode('SDK_INIT_PARAMETER_ERROR').meaning).toMatch(/constructor/);
  });
});

describe('knowledge base corrections of issue 8', () => {
  it('RISK_REJECT as a refund result means the refund was stopped, not the capture or payment meaning', () => {
    for (const [api, field] of [['inquiryRefund', 'refundResult'], ['notifyRefund', 'refundResult'], ['notifyRefund', 'result'], ['refund', 'result']] as const) {
      const entry = explainResultCode('RISK_REJECT', api, field);
      expect(entry.match, `${api} ${field}`).toBe('api-specific');
      expect(entry.meaning, `${api} ${field}`).toMatch(/refund was rejected by risk control/);
      expect(entry.retry).toBe('do-not-retry');
    }
    expect(explainResultCode('RISK_REJECT', 'capture').meaning).toMatch(/capture/);
    expect(explainResultCode('RISK_REJECT', 'inquiryPayment', 'paymentResultCode').meaning).toMatch(/buyer who paid is refunded/);
  });

  it('knows the dispute APIs\' result codes from Antom\'s reference', () => {
    const table: Array<[KnowledgeApi, string, 'S' | 'F' | 'U']> = [
      ['acceptDispute', 'SUCCESS', 'S'], ['acceptDispute', 'REPEAT_REQUEST', 'F'], ['acceptDispute', 'TIME_EXCEEDS_LIMIT', 'F'], ['acceptDispute', 'UNKNOWN_EXCEPTION', 'U'],
      ['supplyDefenseDocument', 'SUCCESS', 'S'], ['supplyDefenseDocument', 'DEFENSE_EXCEED_LIMIT', 'F'], ['supplyDefenseDocument', 'NOT_ALLOW_IN_CURRENT_STATUS', 'F'],
      ['supplyDefenseDocument', 'REPEAT_REQUEST', 'F'], ['supplyDefenseDocument', 'TIME_EXCEEDS_LIMIT', 'F'], ['supplyDefenseDocument', 'UNKNOWN_EXCEPTION', 'U'],
      ['downloadDisputeEvidence', 'SUCCESS', 'S'], ['downloadDisputeEvidence', 'UNKNOWN_EXCEPTION', 'U'],
    ];
    for (const [api, code, status] of table) {
      const entry = explainResultCode(code, api);
      expect(entry.match, `${api} ${code}`).toBe('api-specific');
      expect(entry.resultStatus, `${api} ${code}`).toBe(status);
    }
    // Antom's dispute tables list PARAM_ILLEGAL; its entry names the dispute fields to check.
    expect(explainResultCode('PARAM_ILLEGAL', 'acceptDispute').match).toBe('api-specific');
    expect(explainResultCode('PARAM_ILLEGAL', 'acceptDispute').nextAction).toMatch(/disputeId/);
    expect(explainResultCode('TIME_EXCEEDS_LIMIT', 'acceptDispute').nextAction).toMatch(/DISPUTE_JUDGED/);
  });

  it('knows every notifyDispute disputeNotificationType and disputeJudgedResult value', () => {
    for (const type of ['DISPUTE_CREATED', 'DISPUTE_JUDGED', 'DISPUTE_CANCELLED', 'DEFENSE_SUPPLIED', 'DEFENSE_DUE_ALERT', 'RDR_RESOLVED']) {
      const entry = explainResultCode(type, 'notifyDispute', 'disputeNotificationType');
      expect(entry.match, type).toBe('api-specific');
      expect(entry.kind).toBe('dispute-value');
    }
    for (const result of ['ACCEPT_BY_CUSTOMER', 'ACCEPT_BY_MERCHANT', 'VALIDATE_SUCCESS', 'VALIDATE_FAIL']) {
      expect(explainResultCode(result, 'notifyDispute', 'disputeJudgedResult').match, result).toBe('api-specific');
    }
    expect(explainResultCode('DEFENSE_DUE_ALERT', 'notifyDispute', 'disputeNotificationType').nextAction).toMatch(/TIME_EXCEEDS_LIMIT/);
  });
});
