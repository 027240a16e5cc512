import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vectors } from '../support/signature-vectors';
import { runCli } from '../support/run-cli';

let dir: string;
const c = vectors.requestSigningCases[1];
const rsp = vectors.responseVerificationCases[0];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'antom-cli-'));
  writeFileSync(join(dir, 'merchant-pkcs1.pem'), vectors.keys.merchant.privateKeyPkcs1Pem);
  writeFileSync(join(dir, 'merchant.b64'), vectors.keys.merchant.privateKeyPkcs8Base64);
  writeFileSync(join(dir, 'merchant-pub.pem'), vectors.keys.merchant.publicKeyPem);
  writeFileSync(join(dir, 'antom-pub.b64'), vectors.keys.antom.publicKeyX509Base64);
  writeFileSync(join(dir, 'body.json'), c.inputs.body);
  writeFileSync(join(dir, 'response.json'), rsp.inputs.body);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('antom-ops sign', () => {
  for (const keyFile of ['merchant-pkcs1.pem', 'merchant.b64']) {
    it(`reproduces the SDK vector with a ${keyFile} key (--json)`, async () => {
      const r = await runCli(['sign', '--private-key', join(dir, keyFile), '--client-id', c.inputs.clientId, '--request-time', c.inputs.requestTime,
        '--path', c.inputs.path, '--body-file', join(dir, 'body.json'), '--json']);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out).toEqual({ contentToSign: c.contentToSign, signature: c.signatureUrlEncoded, signatureHeader: c.signatureHeaderValue });
    });
  }

  it('prints a readable form without --json', async () => {
    const r = await runCli(['sign', '--private-key', join(dir, 'merchant.b64'), '--client-id', c.inputs.clientId, '--request-time', c.inputs.requestTime,
      '--path', c.inputs.path, '--body-file', join(dir, 'body.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(c.signatureHeaderValue);
    expect(r.stdout).toContain('content to sign:');
  });

  it('bad input exits 2 with what to fix', async () => {
    const missing = await runCli(['sign', '--private-key', join(dir, 'merchant.b64'), '--client-id', 'x']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--[a-z-]+ is required/);
    expect(missing.stderr).toMatch(/Usage: antom-ops sign/);
    const wrongKind = await runCli(['sign', '--private-key', join(dir, 'merchant-pub.pem'), '--client-id', 'x', '--request-time', '1', '--path', '/p', '--body-file', join(dir, 'body.json'), '--json']);
    expect(wrongKind.code).toBe(2);
    expect(JSON.parse(wrongKind.stdout).error.code).toBe('KEY_WRONG_KIND');
    const noFile = await runCli(['sign', '--private-key', join(dir, 'nope.pem'), '--client-id', 'x', '--request-time', '1', '--path', '/p', '--body-file', join(dir, 'body.json')]);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/--private-key .* does not exist/);
    const unknownFlag = await runCli(['sign', '--privat-key', 'x']);
    expect(unknownFlag.code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });
});

describe('antom-ops verify', () => {
  const base = () => ['verify', '--public-key', join(dir, 'antom-pub.b64'), '--client-id', rsp.inputs.clientId, '--time', rsp.inputs.responseTime,
    '--path', rsp.inputs.path, '--body-file', join(dir, 'response.json')];

  it('verifies the Antom response vector (header form and bare value)', async () => {
    for (const sig of [rsp.inputs.signatureHeaderValue, rsp.signatureUrlEncoded, rsp.inputs.signatureHeaderValue.replace(/,/g, ', ')]) {
      const r = await runCli([...base(), '--signature', sig, '--json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).valid).toBe(true);
    }
  });

  it('a changed body or time is a negative answer: exit 1 with the reason', async () => {
    writeFileSync(join(dir, 'tampered.json'), rsp.inputs.body.replace('1999', '1990'));
    const r = await runCli(['verify', '--public-key', join(dir, 'antom-pub.b64'), '--client-id', rsp.inputs.clientId, '--time', rsp.inputs.responseTime,
      '--path', rsp.inputs.path, '--body-file', join(dir, 'tampered.json'), '--signature', rsp.inputs.signatureHeaderValue, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(false);
    expect(out.reason).toMatch(/does not match/);
    const wrongTime = await runCli([...base().slice(0, 6), '2024-11-22T08:15:31Z', ...base().slice(7), '--signature', rsp.inputs.signatureHeaderValue]);
    expect(wrongTime.code).toBe(1);
    expect(wrongTime.stdout).toMatch(/valid: +NO/);
  });

  it('a raw (un-encoded) base64 signature is refused the way the SDKs refuse it', async () => {
    const raw = vectors.negativeCases.find((n: { id: string }) => n.id.startsWith('neg-04'));
    const req = vectors.requestSigningCases[0];
    writeFileSync(join(dir, 'req0.json'), req.inputs.body);
    const r = await runCli(['verify', '--public-key', join(dir, 'merchant-pub.pem'), '--client-id', req.inputs.clientId, '--time', req.inputs.requestTime,
      '--path', req.inputs.path, '--body-file', join(dir, 'req0.json'), '--signature', raw.inputs.signaturePassed, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).reason).toMatch(/not URL-encoded/);
  });
});
