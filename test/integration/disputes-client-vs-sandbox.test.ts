/**
 * The dispute APIs, signed client against the embedded sandbox over loopback HTTP: every result
 * code of Antom's reference tables, the notifyDispute sequence on the sandbox clock, the defense
 * deadline, and the frozen / released / deducted funds of the payment.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { vectors } from '../support/signature-vectors';
import { parsePrivateKey, parsePublicKey } from '../../src-main/core/keys/parse-keys';
import { startSandbox, type RunningSandbox } from '../../src-main/core/sandbox/start-sandbox';
import { DISPUTE_NOMINAL } from '../../src-main/core/sandbox/dispute-scenarios';
import { AntomClient, type CallRecord, type ClientProfile } from '../../src-main/core/client';
import { ConsoleError } from '../../src-shared/errors';

const CLIENT_ID = 'SANDBOX_DISPUTES_01';
const TIME_SCALE = 1000;
const merchantKey = parsePrivateKey(vectors.keys.merchant.privateKeyPkcs8Base64);

let sandbox: RunningSandbox;
let records: CallRecord[];

function client(clientId = CLIENT_ID): AntomClient {
  const profile: ClientProfile = {
    name: 'disputes', environment: 'embedded', baseUrl: sandbox.baseUrl, clientId, keyVersion: '1',
    privateKey: merchantKey.keyObject, antomPublicKey: parsePublicKey(sandbox.antomPublicKeyBase64).keyObject, timeoutMs: 5000,
  };
  return new AntomClient(profile, { recorder: { record: async (r) => { records.push(r); } }, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 4 }, sleep: async () => undefined });
}

/** Sandbox ms for a nominal Antom duration. */
const scaled = (nominalMs: number) => nominalMs / TIME_SCALE;

let seq = 0;
/** A captured payment: a wallet payment (captured when paid), or a card authorisation captured in full. */
async function capturedPayment(value: string, card = false): Promise<{ paymentId: string; paymentRequestId: string }> {
  seq += 1;
  const c = client();
  const session = await c.createPaymentSession({
    productCode: 'CASHIER_PAYMENT', paymentRequestId: `DSP-${Date.now()}-${seq}`,
    order: { referenceOrderId: `ORDER-${seq}`, orderDescription: 'Dispute order', orderAmount: { currency: 'USD', value } },
    paymentAmount: { currency: 'USD', value }, paymentMethod: { paymentMethodType: card ? 'CARD' : 'ALIPAY_CN' },
    paymentRedirectUrl: 'https://merchant.example/return', settlementStrategy: { settlementCurrency: 'USD' },
    ...(card ? { paymentFactor: { isAuthorization: true, captureMode: 'MANUAL' } } : {}),
  });
  expect(session.resultStatus).toBe('S');
  const paid = sandbox.control.pay(session.requestIds.paymentRequestId!, { outcome: 'success' });
  if (card) expect((await c.capture({ paymentId: paid.paymentId, captureAmount: { currency: 'USD', value } })).resultCode).toBe('SUCCESS');
  return { paymentId: paid.paymentId, paymentRequestId: paid.paymentRequestId };
}

/** notifyDispute bodies sent for a dispute, in order. */
function disputeNotes(disputeId: string): Array<Record<string, unknown>> {
  return sandbox.control.listNotifications()
    .filter((n) => n.api === 'notifyDispute')
    .map((n) => JSON.parse(n.body) as Record<string, unknown>)
    .filter((b) => b.disputeId === disputeId);
}
const types = (disputeId: string) => disputeNotes(disputeId).map((b) => b.disputeNotificationType);

const PDF_BASE64 = Buffer.from('%PDF-1.4\n% defense\n%%EOF\n').toString('base64');

beforeAll(async () => {
  sandbox = await startSandbox({
    merchants: [{ clientId: CLIENT_ID, merchantPublicKeyBase64: merchantKey.publicKeyBase64 }, { clientId: 'OTHER_MERCHANT', merchantPublicKeyBase64: merchantKey.publicKeyBase64 }],
    timeScale: TIME_SCALE, expiryTimeScale: 1,
  });
});
afterAll(async () => { await sandbox.close(); });
beforeEach(() => { records = []; sandbox.control.clearFaults(); });

describe('raise -> defend -> judged for the merchant (control-surface dispute)', () => {
  it('freezes the funds, takes one defense, releases the funds on ACCEPT_BY_CUSTOMER', async () => {
    const { paymentId, paymentRequestId } = await capturedPayment('4200');
    const raised = sandbox.control.raiseDispute(paymentId, { judgedAfterDefense: 'ACCEPT_BY_CUSTOMER' });
    expect(raised.state).toBe('AWAITING_RESPONSE');
    expect(sandbox.control.getPayment(paymentId).frozenValue).toBe('4200');

    const [created] = disputeNotes(raised.disputeId);
    expect(created).toMatchObject({ paymentRequestId, paymentId, disputeId: raised.disputeId, disputeNotificationType: 'DISPUTE_CREATED', disputeAmount: { currency: 'USD', value: '4200' } });
    expect(created!.notifyType).toBeUndefined(); // Antom's notifyDispute reference has no notifyType
    const window = Date.parse(created!.defenseDueTime as string) - Date.parse(created!.disputeTime as string);
    expect(Math.abs(window - scaled(DISPUTE_NOMINAL.defenseWindowMs))).toBeLessThanOrEqual(1000); // ISO times have second precision

    const c = client();
    const template = await c.downloadDisputeEvidence({ disputeId: raised.disputeId, disputeEvidenceType: 'DISPUTE_EVIDENCE_TEMPLATE' });
    expect(template.resultCode).toBe('SUCCESS');
    expect(template.responseSignature).toBe('verified');
    expect(template.response.disputeEvidenceFormat).toBe('PDF');
    expect(Buffer.from(template.response.disputeEvidence!, 'base64').toString('latin1')).toContain(raised.disputeId);

    const noFile = await c.downloadDisputeEvidence({ disputeId: raised.disputeId, disputeEvidenceType: 'DISPUTE_EVIDENCE_FILE' });
    expect([noFile.resultStatus, noFile.resultCode]).toEqual(['F', 'PARAM_ILLEGAL']);

    const supplied = await c.supplyDefenseDocument({ disputeId: raised.disputeId, disputeEvidence: PDF_BASE64 });
    expect([supplied.resultStatus, supplied.resultCode]).toEqual(['S', 'SUCCESS']);
    expect(supplied.path).toBe('/ams/sandbox/api/v1/payments/supplyDefenseDocument');
    expect(supplied.response.disputeId).toBe(raised.disputeId);
    expect(supplied.response.disputeResolutionTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // The journal copy carries a stand-in, never the document; the signed bytes carry the document.
    const journalled = records.find((r) => r.api === 'supplyDefenseDocument')!;
    expect(journalled.requestBody).not.toContain(PDF_BASE64);
    expect(journalled.requestBody).toMatch(/\[document: \d+ bytes, sha256 [0-9a-f]{64}/);
    expect(supplied.requestBody).toContain(PDF_BASE64);

    expect((await c.supplyDefenseDocument({ disputeId: raised.disputeId, disputeEvidence: PDF_BASE64 })).resultCode).toBe('REPEAT_REQUEST');
    expect((await c.acceptDispute({ disputeId: raised.disputeId })).resultCode).toBe('REPEAT_REQUEST');

    const file = await c.downloadDisputeEvidence({ disputeId: raised.disputeId, disputeEvidenceType: 'DISPUTE_EVIDENCE_FILE' });
    expect(file.response).toMatchObject({ disputeEvidence: PDF_BASE64, disputeEvidenceFormat: 'PDF' });

    expect(types(raised.disputeId)).toEqual(['DISPUTE_CREATED', 'DEFENSE_SUPPLIED']);
    sandbox.control.advanceTime(scaled(DISPUTE_NOMINAL.judgeAfterDefenseMs) + 1);
    const judged = disputeNotes(raised.disputeId).at(-1)!;
    expect(judged).toMatchObject({ disputeNotificationType: 'DISPUTE_JUDGED', disputeJudgedResult: 'ACCEPT_BY_CUSTOMER' });
    expect(judged.disputeJudgedTime).toBeTruthy();
    const after = sandbox.control.getPayment(paymentId);
    expect([after.frozenValue, after.chargebackValue]).toEqual(['0', '0']);
  });
});

describe('amount scenarios', () => {
  it('81..85 raise a dispute when the money is captured; 82 accepted -> ACCEPT_BY_MERCHANT and the funds are deducted', async () => {
    const { paymentId } = await capturedPayment('5082', true);
    const [dispute] = sandbox.control.getPayment(paymentId).disputes;
    expect(dispute).toMatchObject({ disputeType: 'CHARGEBACK', state: 'AWAITING_RESPONSE', reasonCode: '10.4' });
    const accepted = await client().acceptDispute({ disputeId: dispute!.disputeId });
    expect([accepted.resultStatus, accepted.resultCode]).toEqual(['S', 'SUCCESS']);
    expect(accepted.response.disputeResolutionTime).toBeTruthy();
    expect(types(dispute!.disputeId)).toEqual(['DISPUTE_CREATED', 'DISPUTE_JUDGED']);
    expect(disputeNotes(dispute!.disputeId).at(-1)).toMatchObject({ disputeJudgedResult: 'ACCEPT_BY_MERCHANT', disputeJudgedAmount: { currency: 'USD', value: '5082' } });
    const after = sandbox.control.getPayment(paymentId);
    expect([after.frozenValue, after.chargebackValue]).toEqual(['0', '5082']);
    expect((await client().acceptDispute({ disputeId: dispute!.disputeId })).resultCode).toBe('REPEAT_REQUEST');
  });

  it('82 defended is still judged ACCEPT_BY_MERCHANT', async () => {
    const { paymentId } = await capturedPayment('1082');
    const dispute = sandbox.control.getPayment(paymentId).disputes[0]!;
    expect((await client().supplyDefenseDocument({ disputeId: dispute.disputeId, disputeEvidence: PDF_BASE64 })).resultCode).toBe('SUCCESS');
    sandbox.control.advanceTime(scaled(DISPUTE_NOMINAL.judgeAfterDefenseMs) + 1);
    expect(disputeNotes(dispute.disputeId).at(-1)).toMatchObject({ disputeJudgedResult: 'ACCEPT_BY_MERCHANT' });
    expect(sandbox.control.getPayment(paymentId).chargebackValue).toBe('1082');
  });

  it('83 compliance request: one upload -> VALIDATE_SUCCESS, no funds frozen', async () => {
    const { paymentId } = await capturedPayment('2083');
    const dispute = sandbox.control.getPayment(paymentId).disputes[0]!;
    expect(dispute.disputeType).toBe('COMPLIANCE_REQUEST');
    expect(sandbox.control.getPayment(paymentId).frozenValue).toBe('0');
    expect((await client().supplyDefenseDocument({ disputeId: dispute.disputeId, disputeEvidence: PDF_BASE64 })).resultCode).toBe('SUCCESS');
    sandbox.control.advanceTime(scaled(DISPUTE_NOMINAL.judgeAfterDefenseMs) + 1);
    expect(disputeNotes(dispute.disputeId).at(-1)).toMatchObject({ disputeNotificationType: 'DISPUTE_JUDGED', disputeJudgedResult: 'VALIDATE_SUCCESS' });
  });

  it('84 compliance request: NOT_ALLOW_IN_CURRENT_STATUS before verification, VALIDATE_FAIL twice, then DEFENSE_EXCEED_LIMIT', async () => {
    const { paymentId } = await capturedPayment('2084');
    const id = sandbox.control.getPayment(paymentId).disputes[0]!.disputeId;
    const c = client();
    const supply = async () => (await c.supplyDefenseDocument({ disputeId: id, disputeEvidence: PDF_BASE64 })).resultCode;
    expect(await supply()).toBe('SUCCESS');
    expect(await supply()).toBe('NOT_ALLOW_IN_CURRENT_STATUS');
    sandbox.control.advanceTime(scaled(DISPUTE_NOMINAL.judgeAfterDefenseMs) + 1);
    expect(disputeNotes(id).at(-1)).toMatchObject({ disputeJudgedResult: 'VALIDATE_FAIL' });
    expect(await supply()).toBe('SUCCESS');
    sandbox.control.advanceTime(scaled(DISPUTE_NOMINAL.judgeAfterDefenseMs) + 1);
    expect(await supply()).toBe('DEFENSE_EXCEED_LIMIT');
    expect(types(id)).toEqual(['DISPUTE_CREATED', 'DEFENSE_SUPPLIED', 'DISPUTE_JUDGED', 'DEFENSE_SUPPLIED', 'DISPUTE_JUDGED']);
  });

  it('85: the buyer withdraws the dispute a day later (DISPUTE_CANCELLED) and the funds are released', async () => {
    const { paymentId } = await capturedPayment('3085');
    const id = sandbox.control.getPayment(paymentId).disputes[0]!.disputeId;
    expect(sandbox.control.getPayment(paymentId).frozenValue).toBe('3085');
    sandbox.control.advanceTime(scaled(DISPUTE_NOMINAL.buyerCancelAfterMs) + 1);
    expect(types(id)).toEqual(['DISPUTE_CREATED', 'DISPUTE_CANCELLED']);
    expect(sandbox.control.getPayment(paymentId).frozenValue).toBe('0');
    expect((await client().acceptDispute({ disputeId: id })).resultCode).toBe('REPEAT_REQUEST');
  });
});

describe('the defense deadline on the sandbox clock', () => {
  it('DEFENSE_DUE_ALERT 24 h before defenseDueTime; after it, TIME_EXCEEDS_LIMIT and the chargeback is lost', async () => {
    const { paymentId } = await capturedPayment('7700');
    const id = sandbox.control.raiseDispute(paymentId).disputeId;
    sandbox.control.advanceTime(scaled(DISPUTE_NOMINAL.defenseWindowMs - DISPUTE_NOMINAL.dueAlertBeforeMs) + 1);
    expect(types(id)).toEqual(['DISPUTE_CREATED', 'DEFENSE_DUE_ALERT']);
    sandbox.control.advanceTime(scaled(DISPUTE_NOMINAL.dueAlertBeforeMs) + 1);
    const c = client();
    const late = await c.acceptDispute({ disputeId: id });
    expect([late.resultStatus, late.resultCode]).toEqual(['F', 'TIME_EXCEEDS_LIMIT']);
    expect(late.explanation.nextAction).toMatch(/Technical Support/);
    expect((await c.supplyDefenseDocument({ disputeId: id, disputeEvidence: PDF_BASE64 })).resultCode).toBe('TIME_EXCEEDS_LIMIT');
    expect(types(id)).toEqual(['DISPUTE_CREATED', 'DEFENSE_DUE_ALERT', 'DISPUTE_JUDGED']);
    expect(sandbox.control.getPayment(paymentId).chargebackValue).toBe('7700');
  });
});

describe('refusals and retries', () => {
  it('PARAM_ILLEGAL for an unknown disputeId or another merchant\'s dispute; the client refuses a bad body before sending', async () => {
    const c = client();
    expect((await c.acceptDispute({ disputeId: 'NO_SUCH_DISPUTE' })).resultCode).toBe('PARAM_ILLEGAL');
    const { paymentId } = await capturedPayment('1300');
    const id = sandbox.control.raiseDispute(paymentId).disputeId;
    expect((await client('OTHER_MERCHANT').acceptDispute({ disputeId: id })).resultCode).toBe('PARAM_ILLEGAL');
    await expect(c.downloadDisputeEvidence({ disputeId: id, disputeEvidenceType: 'CONTRACT' as never })).rejects.toSatisfy((e: unknown) => e instanceof ConsoleError && e.code === 'VALIDATION_FAILED');
    await expect(c.supplyDefenseDocument({ disputeId: id, disputeEvidence: 'not base64!' })).rejects.toSatisfy((e: unknown) => e instanceof ConsoleError && e.code === 'VALIDATION_FAILED');
    expect(records.filter((r) => r.api !== 'createPaymentSession' && r.api !== 'capture').map((r) => r.api)).toEqual(['acceptDispute', 'acceptDispute']);
  });

  it('UNKNOWN_EXCEPTION is retried with the same body and then succeeds', async () => {
    const { paymentId } = await capturedPayment('1400');
    const id = sandbox.control.raiseDispute(paymentId).disputeId;
    sandbox.control.setFaults({ kind: 'unknownException', api: 'acceptDispute', count: 1 });
    const outcome = await client().acceptDispute({ disputeId: id });
    expect([outcome.resultCode, outcome.attempts]).toEqual(['SUCCESS', 2]);
    const attempts = records.filter((r) => r.api === 'acceptDispute');
    expect(attempts.map((r) => r.resultCode)).toEqual(['UNKNOWN_EXCEPTION', 'SUCCESS']);
    expect(new Set(attempts.map((r) => r.requestBody)).size).toBe(1);
  });

  it('a defense applied but unanswered (dropped connection) is retried; the REPEAT_REQUEST that follows says the first one got through', async () => {
    const { paymentId } = await capturedPayment('1500');
    const id = sandbox.control.raiseDispute(paymentId).disputeId;
    sandbox.control.setFaults({ kind: 'dropAfterApply', api: 'supplyDefenseDocument', count: 1 });
    const outcome = await client().supplyDefenseDocument({ disputeId: id, disputeEvidence: PDF_BASE64 });
    expect([outcome.resultCode, outcome.attempts]).toEqual(['REPEAT_REQUEST', 2]);
    expect(outcome.warnings.join(' ')).toMatch(/most likely reached Antom/);
    expect(sandbox.control.getDispute(id).state).toBe('DEFENDED');
  });

  it('a dispute needs captured money', () => {
    expect(() => sandbox.control.raiseDispute('NO_SUCH_PAYMENT')).toThrow(/No payment/);
  });
});
