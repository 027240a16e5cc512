/**
 * Every sample request of the five seed pages (test/fixtures/seed-requests, sources in its
 * index.json) sent to the sandbox byte for byte as the page prints it, pretty-printed: each gets
 * the answer Antom documents, and the console's own pre-send validation agrees with the sandbox.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRequest } from '../../src-shared/antom';
import type { AntomApiName } from '../../src-shared/vocabulary';
import type { RunningSandbox } from '../../src-main/core/sandbox/start-sandbox';
import { fixtureMerchant, SandboxCaller } from './support/sandbox-caller';
import { startSandboxFor } from './support/sandbox-for-merchant';

interface Sample {
  file: string;
  api: AntomApiName;
  source: string;
  section: string;
  note?: string;
  expect: { resultStatus: 'S' | 'F' | 'U'; resultCode: string; paymentStatus?: string };
}

const dir = new URL('../fixtures/seed-requests/', import.meta.url);
const index = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8')) as { samples: Sample[] };

let sandbox: RunningSandbox;
const callers = new Map<string, SandboxCaller>();

beforeAll(async () => {
  ({ sandbox } = await startSandboxFor(fixtureMerchant()));
});
afterAll(async () => {
  await sandbox.close();
});

/** One client-id per seed page: request IDs repeat across pages (paymentRequestId01). */
function callerFor(source: string): SandboxCaller {
  let caller = callers.get(source);
  if (!caller) {
    const merchant = fixtureMerchant(`SANDBOX_SEED_${source.slice(0, 3)}`);
    sandbox.registerMerchant(merchant.clientId, merchant.publicKeyBase64);
    caller = new SandboxCaller(sandbox.baseUrl, sandbox.antomPublicKeyBase64, merchant);
    callers.set(source, caller);
  }
  return caller;
}

describe('seed page sample requests', () => {
  it('the index names every fixture file, each with its source page and section', () => {
    const files = readdirSync(dir).filter((f) => f !== 'index.json').sort();
    expect(index.samples.map((s) => s.file).sort()).toEqual(files);
    for (const s of index.samples) {
      expect(s.source, s.file).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt$/);
      expect(s.section.length, s.file).toBeGreaterThan(5);
    }
    expect(new Set(index.samples.map((s) => s.source)).size).toBe(5);
  });

  for (const sample of index.samples) {
    it(`${sample.file} (${sample.source}) -> ${sample.expect.resultStatus} ${sample.expect.resultCode}`, async () => {
      const text = readFileSync(new URL(sample.file, dir), 'utf8');
      expect(text).toMatch(/\n {0,2}"/); // sent pretty-printed, as the page prints it
      const answer = await callerFor(sample.source).call(sample.api, text, { family: 'sandbox' });
      expect(answer.signature).toBe('verified');
      expect(answer.json.result, answer.text).toMatchObject({ resultStatus: sample.expect.resultStatus, resultCode: sample.expect.resultCode });
      if (sample.expect.paymentStatus) expect(answer.json.paymentStatus).toBe(sample.expect.paymentStatus);

      // The console's client would have sent exactly what the sandbox takes, and refused the rest.
      const report = validateRequest(sample.api, JSON.parse(text));
      expect(report.errors.length === 0, JSON.stringify(report.errors)).toBe(sample.expect.resultCode !== 'PARAM_ILLEGAL');
    });
  }
});
