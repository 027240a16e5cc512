/**
 * The dispute operations through the handler table, as every door calls them: a dispute raised in
 * the embedded sandbox reaches the receiver as notifyDispute and shows up in listDisputes; accept
 * and defend obey read-only and production confirmation; download works for read-only profiles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vectors } from '../../support/signature-vectors';
import { authorisedPayment, startKit, type HandlerKit } from './handler-kit';
import type { DisputeView } from '../../../src-shared/dispute-views';

let kit: HandlerKit;
const PDF_BASE64 = Buffer.from('%PDF-1.4\n% proof of delivery\n%%EOF\n').toString('base64');

async function waitForDispute(disputeId: string, until: (d: DisputeView) => boolean): Promise<DisputeView> {
  for (let i = 0; i < 100; i += 1) {
    const found = (await kit.ok('listDisputes', {})).find((d) => d.disputeId === disputeId);
    if (found && until(found)) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`dispute ${disputeId} did not reach the expected state`);
}

async function capturedDispute(value: string): Promise<{ paymentId: string; disputeId: string }> {
  const { paymentId } = await authorisedPayment(kit, value);
  const captured = await kit.ok('capture', { paymentId, amount: { currency: 'USD', value } });
  expect(captured.resultCode).toBe('SUCCESS');
  const { disputeId } = kit.core.sandbox!.control.raiseDispute(paymentId, { reasonCode: '13.1', reasonMsg: 'Merchandise/Services Not Received' });
  return { paymentId, disputeId };
}

beforeAll(async () => { kit = await startKit(); });
afterAll(async () => kit.close());

describe('listDisputes from the journal', () => {
  it('shows a sandbox dispute with its deadline, defends it, and freezes the funds in the money summary', async () => {
    const { paymentId, disputeId } = await capturedDispute('6000');
    const open = await waitForDispute(disputeId, () => true);
    expect(open).toMatchObject({ paymentId, status: 'OPEN', actionable: true, reasonCode: '13.1', reasonMsg: 'Merchandise/Services Not Received', amount: { currency: 'USD', value: '6000', display: 'USD 60.00' } });
    expect(Date.parse(open.defenseDueTime!)).toBeGreaterThan(Date.now());
    expect(open.history.map((h) => h.what)).toEqual(['DISPUTE_CREATED']);
    expect((await kit.ok('getTimeline', { id: paymentId }))!.money).toMatchObject({ disputeFrozen: { value: '6000' }, chargedBack: { value: '0' } });

    const template = await kit.ok('downloadDisputeEvidence', { disputeId, disputeEvidenceType: 'DISPUTE_EVIDENCE_TEMPLATE' });
    expect(template.resultCode).toBe('SUCCESS');
    const supplied = await kit.ok('supplyDefenseDocument', { disputeId, disputeEvidence: PDF_BASE64 });
    expect([supplied.resultStatus, supplied.resultCode]).toEqual(['S', 'SUCCESS']);
    const defended = await waitForDispute(disputeId, (d) => d.history.some((h) => h.what === 'DEFENSE_SUPPLIED'));
    expect(defended).toMatchObject({ status: 'DEFENDED', actionable: false, defenseSupplied: true });
    expect(defended.history.map((h) => h.what)).toEqual(['DISPUTE_CREATED', 'downloadDisputeEvidence', 'supplyDefenseDocument', 'DEFENSE_SUPPLIED']);
    // The journal keeps a stand-in for the document, not its bytes.
    const call = (await kit.ok('listCalls', { filter: { api: 'supplyDefenseDocument' } })).items[0]!;
    expect((await kit.ok('getCall', { id: call.id })).requestBody).not.toContain(PDF_BASE64);

    kit.core.sandbox!.control.judgeDispute(disputeId, 'ACCEPT_BY_MERCHANT');
    const judged = await waitForDispute(disputeId, (d) => d.status === 'JUDGED');
    expect(judged.judgedResult).toBe('ACCEPT_BY_MERCHANT');
    expect((await kit.ok('getTimeline', { id: paymentId }))!.money).toMatchObject({ disputeFrozen: { value: '0' }, chargedBack: { value: '6000' } });
  });

  it('sorts open disputes by defense deadline, soonest first, then the closed ones', async () => {
    await capturedDispute('6001');
    kit.core.sandbox!.control.advanceTime(1000);
    const { disputeId: later } = await capturedDispute('6002');
    await waitForDispute(later, () => true);
    const list = await kit.ok('listDisputes', {});
    expect(list.some((d) => !d.actionable)).toBe(true);
    const open = list.filter((d) => d.actionable);
    const dues = open.map((d) => Date.parse(d.defenseDueTime!));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(open.length).toBeGreaterThanOrEqual(2);
    expect(list.findIndex((d) => !d.actionable)).toBe(open.length);
  });
});

describe('guards', () => {
  it('read-only profiles cannot accept or defend, and nothing is sent; they can download evidence', async () => {
    const { disputeId } = await capturedDispute('6100');
    await kit.ok('setProfileReadOnly', { name: 'Embedded sandbox', readOnly: true });
    try {
      const before = (await kit.core.journal.counts()).calls;
      for (const [name, input] of [['acceptDispute', { disputeId }], ['supplyDefenseDocument', { disputeId, disputeEvidence: PDF_BASE64 }]] as const) {
        const error = await kit.fails(name, input);
        expect(error.code, name).toBe('READ_ONLY');
      }
      expect((await kit.core.journal.counts()).calls).toBe(before);
      expect((await kit.ok('downloadDisputeEvidence', { disputeId, disputeEvidenceType: 'DISPUTE_EVIDENCE_TEMPLATE' })).resultCode).toBe('SUCCESS');
    } finally {
      await kit.ok('setProfileReadOnly', { name: 'Embedded sandbox', readOnly: false });
    }
    expect((await kit.ok('acceptDispute', { disputeId })).resultCode).toBe('SUCCESS');
  });

  it('the contract refuses a document that is not Base64 or too large', async () => {
    expect((await kit.fails('supplyDefenseDocument', { disputeId: 'D1', disputeEvidence: 'not base64!' })).code).toBe('VALIDATION_FAILED');
    expect((await kit.fails('supplyDefenseDocument', { disputeId: 'D1', disputeEvidence: 'A'.repeat(1_000_004) })).code).toBe('VALIDATION_FAILED');
  });

  describe('production profiles', () => {
    beforeAll(async () => {
      // Port 1 refuses connections: an operation that passes the guard fails with NETWORK_ERROR instead.
      await kit.ok('createProfile', { name: 'Prod', environment: 'production', region: 'CUSTOM', baseUrl: 'https://127.0.0.1:1', clientId: 'PROD_CLIENT_1' });
      await kit.ok('importPrivateKey', { profile: 'Prod', keyText: vectors.keys.merchant.privateKeyPkcs8Base64, sessionOnly: true });
      await kit.ok('setActiveProfile', { name: 'Prod' });
    });
    afterAll(async () => { await kit.ok('setActiveProfile', { name: 'Embedded sandbox' }); });

    it('need the disputeId typed back to accept or defend', async () => {
      const missing = await kit.fails('acceptDispute', { disputeId: 'DSP-PROD-1' });
      expect(missing.code).toBe('VALIDATION_FAILED');
      expect(missing.hint).toContain('DSP-PROD-1');
      const wrong = await kit.fails('supplyDefenseDocument', { disputeId: 'DSP-PROD-1', disputeEvidence: PDF_BASE64, confirmation: 'ACCEPT' });
      expect(wrong.code).toBe('VALIDATION_FAILED');
      expect(wrong.message).toContain('is not the disputeId');
      const passed = await kit.fails('acceptDispute', { disputeId: 'DSP-PROD-1', confirmation: 'DSP-PROD-1' });
      expect(passed.code).toBe('NETWORK_ERROR');
    });
  });
});
