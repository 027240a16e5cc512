/**
 * Signatures/s for the client's signing path (content assembly, RSA, base64, URL-encoding, header)
 * next to a bare crypto.sign of the same content. Rounds alternate between the two so CPU
 * frequency drift and other load hit both alike; the median round of each is reported.
 */
import { sign as rsaSign } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { BenchOptions, BenchRow } from './bench-types';
import { median } from './bench-types';
import { generateRsaKeyPair } from '../src-main/core/keys/generate-key-pair';
import { signRequest } from '../src-main/core/signing/sign-request';
import { contentToSignBytes } from '../src-main/core/signing/content-to-sign';

export async function runSigningBench(options: BenchOptions): Promise<BenchRow[]> {
  const key = await generateRsaKeyPair();
  const body = JSON.stringify({ captureRequestId: 'CAP-20261122-BENCH0001', paymentId: '20261122PAY0000000001', captureAmount: { currency: 'USD', value: '1999' } });
  const parts = { path: '/ams/sandbox/api/v1/payments/capture', clientId: 'SANDBOX_BENCH', time: String(Date.now()), body };
  const fixedContent = contentToSignBytes(parts);
  const perRound = options.quick ? 200 : 1000;
  const rounds = options.quick ? 3 : 7;

  const client: number[] = [];
  const bare: number[] = [];
  // warm-up: JIT and OpenSSL's lazily built Montgomery contexts
  for (let i = 0; i < 50; i++) { signRequest(parts, key.keyObject); rsaSign('sha256', fixedContent, key.keyObject); }
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    for (let i = 0; i < perRound; i++) signRequest(parts, key.keyObject, '1');
    client.push(perRound / ((performance.now() - t) / 1000));
    t = performance.now();
    for (let i = 0; i < perRound; i++) rsaSign('sha256', fixedContent, key.keyObject).toString('base64');
    bare.push(perRound / ((performance.now() - t) / 1000));
  }
  const clientRate = median(client);
  const bareRate = median(bare);
  const ratio = clientRate / bareRate;
  return [{
    name: 'signing: client signing path',
    value: Math.round(clientRate),
    unit: 'signatures/s',
    baseline: { name: 'bare crypto.sign of the same content', value: Math.round(bareRate) },
    ratio: Number(ratio.toFixed(3)),
    goal: 'ratio >= 0.9',
    pass: ratio >= 0.9,
  }];
}
