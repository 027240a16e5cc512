/**
 * Signed round trips/s against the embedded sandbox, and how much of each round trip is RSA.
 * A round trip does four RSA operations: the client signs, the sandbox verifies, the sandbox
 * signs its answer, the client verifies it. Their cost is measured alone in the same run; the goal
 * is that everything else (HTTP, JSON, routing, state) costs less than RSA itself, i.e. the round
 * trip takes at most twice its four RSA operations.
 */
import { sign as rsaSign, verify as rsaVerify } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { BenchOptions, BenchRow } from './bench-types';
import { median } from './bench-types';
import { generateRsaKeyPair } from '../src-main/core/keys/generate-key-pair';
import { parsePublicKey } from '../src-main/core/keys/parse-keys';
import { startSandbox } from '../src-main/core/sandbox/start-sandbox';
import { AntomClient } from '../src-main/core/client';

export async function runRoundTripBench(options: BenchOptions): Promise<BenchRow[]> {
  const merchant = await generateRsaKeyPair();
  const sandbox = await startSandbox({ merchants: [{ clientId: 'SANDBOX_BENCH', merchantPublicKeyBase64: merchant.publicKeyBase64 }] });
  try {
    const antomPublic = parsePublicKey(sandbox.antomPublicKeyBase64).keyObject;
    const client = new AntomClient({
      name: 'bench', environment: 'embedded', baseUrl: sandbox.baseUrl, clientId: 'SANDBOX_BENCH', keyVersion: '1',
      privateKey: merchant.keyObject, antomPublicKey: antomPublic,
    });
    const session = await client.createPaymentSession({
      productCode: 'CASHIER_PAYMENT', order: { referenceOrderId: 'BENCH-1', orderDescription: 'bench' },
      paymentAmount: { currency: 'USD', value: '1000' }, paymentMethod: { paymentMethodType: 'CARD' },
      paymentRedirectUrl: 'https://merchant.example/return', settlementStrategy: { settlementCurrency: 'USD' },
    });
    const paymentRequestId = session.requestIds.paymentRequestId!;
    sandbox.control.pay(paymentRequestId, { outcome: 'success' });

    // What one round trip's RSA costs: 2 signs (client + sandbox) and 2 verifies, on content of the same size.
    const sample = Buffer.from(session.contentToSign);
    const antomKeyForCost = await generateRsaKeyPair();
    const signature = rsaSign('sha256', sample, antomKeyForCost.keyObject);
    const costRounds = options.quick ? 200 : 1000;
    for (let i = 0; i < 50; i++) rsaSign('sha256', sample, merchant.keyObject);

    const rounds = options.quick ? 3 : 5;
    const perRound = options.quick ? 150 : 600;
    const tripRates: number[] = [];
    const rsaMs: number[] = [];
    for (let i = 0; i < 30; i++) await client.inquiryPayment({ paymentRequestId }); // warm-up: JIT, sockets
    for (let r = 0; r < rounds; r++) {
      let t = performance.now();
      for (let i = 0; i < costRounds; i++) {
        rsaSign('sha256', sample, merchant.keyObject);
        rsaVerify('sha256', sample, antomKeyForCost.keyObject, signature);
      }
      rsaMs.push((2 * (performance.now() - t)) / costRounds);
      t = performance.now();
      for (let i = 0; i < perRound; i++) {
        const out = await client.inquiryPayment({ paymentRequestId });
        if (out.responseSignature !== 'verified') throw new Error('bench: a response did not verify');
      }
      tripRates.push(perRound / ((performance.now() - t) / 1000));
    }
    const tripsPerSecond = median(tripRates);
    const tripMs = 1000 / tripsPerSecond;
    const fourRsaMs = median(rsaMs);
    const ratio = tripMs / fourRsaMs;
    return [
      {
        name: 'round trip: signed inquiryPayment against the embedded sandbox (sequential)',
        value: Math.round(tripsPerSecond),
        unit: 'round trips/s',
        baseline: { name: 'the same four RSA operations alone, as round trips/s', value: Math.round(1000 / fourRsaMs) },
        ratio: Number(ratio.toFixed(2)),
        goal: 'round trip time <= 2x its four RSA operations (ratio <= 2)',
        pass: ratio <= 2,
      },
      {
        name: 'round trip: share of time that is RSA work',
        value: Number(((fourRsaMs / tripMs) * 100).toFixed(1)),
        unit: '%',
        goal: '>= 50 % (everything that is not RSA costs less than RSA)',
        pass: fourRsaMs / tripMs >= 0.5,
      },
    ];
  } finally {
    await sandbox.close();
  }
}
