/**
 * The CLI over the real keychain and a real sandbox process: a fresh data directory gets the
 * embedded profile with keys in the keychain, `sandbox start` publishes its URL, and `call`
 * makes signed calls against it while `sandbox pay` acts as the buyer.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startCli } from '../support/run-cli';
import { describeWithKeyring, secretToolAccounts, uniqueService } from '../support/keyring-env';
import { vectors } from '../support/signature-vectors';

describeWithKeyring('antom-ops against the embedded sandbox with keys in the OS keychain', () => {
  const service = uniqueService('cli');
  const env = { ANTOM_OPS_KEYCHAIN_SERVICE: service };
  let dataDir: string;
  let sandbox: Awaited<ReturnType<typeof startCli>>;
  let baseUrl: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'antom-cli-data-'));
    sandbox = await startCli(['sandbox', 'start', '--data-dir', dataDir, '--json'], env);
    const info = JSON.parse(sandbox.firstLine);
    baseUrl = info.baseUrl;
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info.antomPublicKey).toMatch(/^MIIB/);
  }, 60_000);

  afterAll(async () => {
    expect(await sandbox.stop()).toBe(0);
    // the profile and its two keychain items go away with `profiles delete`
    const del = await runCli(['profiles', 'delete', 'Embedded sandbox', '--data-dir', dataDir], env);
    expect(del.code).toBe(0);
    expect(secretToolAccounts(service)).toEqual([]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a fresh install has the embedded profile active, its keys in the keychain and nowhere on disk', async () => {
    const list = await runCli(['profiles', 'list', '--data-dir', dataDir, '--json'], env);
    expect(list.code).toBe(0);
    const profiles = JSON.parse(list.stdout);
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({ name: 'Embedded sandbox', environment: 'embedded', active: true, keyStorage: 'keychain' });
    expect(secretToolAccounts(service)).toEqual(['profile:Embedded sandbox', 'sandbox-antom:Embedded sandbox']);
    for (const file of readdirSync(dataDir)) {
      if (file.endsWith('.sqlite3') || file.endsWith('-wal') || file.endsWith('-shm')) continue;
      expect(readFileSync(join(dataDir, file), 'utf8')).not.toMatch(/MIIE[A-Za-z0-9+/]{40}/);
    }
  });

  it('session -> buyer pays -> inquiry -> capture, with exit codes for S and F', async () => {
    const body = {
      productCode: 'CASHIER_PAYMENT', paymentRequestId: `CLI-${Date.now()}`,
      order: { referenceOrderId: 'CLI-ORDER-1', orderDescription: 'CLI order' },
      paymentAmount: { currency: 'JPY', value: '3000' }, paymentMethod: { paymentMethodType: 'CARD' },
      paymentRedirectUrl: 'https://merchant.example/return', settlementStrategy: { settlementCurrency: 'JPY' },
      // MANUAL: this test captures itself (Antom's default, AUTOMATIC, would capture at once).
      paymentFactor: { isAuthorization: true, captureMode: 'MANUAL' },
    };
    writeFileSync(join(dataDir, 'session.json'), JSON.stringify(body));
    const session = await runCli(['call', 'createPaymentSession', '--data-dir', dataDir, '--body', `@${join(dataDir, 'session.json')}`, '--json'], env);
    expect(session.code).toBe(0);
    const s = JSON.parse(session.stdout);
    expect(s).toMatchObject({ resultStatus: 'S', resultCode: 'SUCCESS', responseSignature: 'verified' });
    expect(s.request.contentToSign).toContain(`POST /ams/sandbox/api/v1/payments/createPaymentSession\nSANDBOX_`);
    expect(JSON.stringify(s)).not.toMatch(/PRIVATE KEY|MIIE[A-Za-z0-9+/]{40}/);

    const paid = await runCli(['sandbox', 'pay', body.paymentRequestId, '--data-dir', dataDir, '--json'], env);
    expect(paid.code).toBe(0);
    expect(JSON.parse(paid.stdout).paymentStatus).toBe('SUCCESS');

    const inquiry = JSON.parse((await runCli(['call', 'inquiryPayment', '--data-dir', dataDir, '--body', JSON.stringify({ paymentRequestId: body.paymentRequestId }), '--json'], env)).stdout);
    expect(inquiry.response.paymentStatus).toBe('SUCCESS');
    const paymentId = inquiry.response.paymentId;

    const capture = await runCli(['call', 'capture', '--data-dir', dataDir, '--body', JSON.stringify({ paymentId, captureAmount: { currency: 'JPY', value: '3000' } })], env);
    expect(capture.code).toBe(0);
    expect(capture.stdout).toMatch(/result: +S SUCCESS/);

    const exceed = await runCli(['call', 'capture', '--data-dir', dataDir, '--body', JSON.stringify({ paymentId, captureAmount: { currency: 'JPY', value: '1' } }), '--json'], env);
    expect(exceed.code).toBe(1);
    expect(JSON.parse(exceed.stdout).resultCode).toBe('CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT');

    const bad = await runCli(['call', 'capture', '--data-dir', dataDir, '--body', JSON.stringify({ paymentId, captureAmount: { currency: 'JPY', value: '10.5' } }), '--json'], env);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error.code).toBe('VALIDATION_FAILED');
  });

  it('profiles and keys: import in any form, refuse a mismatched key, store nothing on refusal', async () => {
    writeFileSync(join(dataDir, 'antom.pub'), vectors.keys.antom.publicKeyX509Base64);
    writeFileSync(join(dataDir, 'merchant.pem'), vectors.keys.merchant.privateKeyPkcs1Pem);
    writeFileSync(join(dataDir, 'other.pem'), vectors.keys.antom.privateKeyPkcs8Pem);
    const created = await runCli(['profiles', 'create', '--name', 'Prod SG', '--environment', 'production', '--region', 'SG', '--client-id', '2025051912345678',
      '--antom-public-key', join(dataDir, 'antom.pub'), '--data-dir', dataDir, '--json'], env);
    expect(created.code).toBe(0);
    const imported = await runCli(['keys', 'import', '--profile', 'Prod SG', '--private-key', join(dataDir, 'merchant.pem'), '--data-dir', dataDir, '--json'], env);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout).merchantPublicKey).toBe(vectors.keys.merchant.publicKeyX509Base64);
    expect(secretToolAccounts(service)).toContain('profile:Prod SG');

    const mismatch = await runCli(['keys', 'import', '--profile', 'Prod SG', '--private-key', join(dataDir, 'other.pem'), '--data-dir', dataDir], env);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toMatch(/does not match/);

    const pub = await runCli(['keys', 'public', '--profile', 'Prod SG', '--pem', '--data-dir', dataDir], env);
    expect(pub.stdout).toBe(`${vectors.keys.merchant.publicKeyPem}\n`);

    const deleted = await runCli(['profiles', 'delete', 'Prod SG', '--data-dir', dataDir], env);
    expect(deleted.code).toBe(0);
    expect(secretToolAccounts(service)).not.toContain('profile:Prod SG');
    const unknown = await runCli(['profiles', 'show', 'Prod SG', '--data-dir', dataDir], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no profile named/i);
  });
});
