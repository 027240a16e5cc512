/**
 * The CLI is a door onto the console's handler table, proven through the real bin with keys in
 * the OS keychain and signed fake Antom gateways on loopback (production behind TLS, since a
 * production profile must use https):
 * - a read-only profile is refused every money movement, and nothing reaches Antom; inquiries work;
 * - production money movements need the amount (or CANCEL) on the command line;
 * - `--profile` acts for one invocation and leaves the persisted active profile alone;
 * - the CLI and the console write the same journal record for the same operation.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { runCli, type CliResult } from '../support/run-cli';
import { describeWithKeyring, uniqueService } from '../support/keyring-env';
import { vectors } from '../support/signature-vectors';
import { FakeAntomServer } from '../support/fake-antom-server';
import { cardSessionBody } from '../core/handlers/handler-kit';
import { createCore, type Core } from '../../src-main/core/compose';
import { dispatchOperation } from '../../src-main/core/dispatch-operation';
import type { CallDetail } from '../../src-shared/journal-views';

const SANDBOX_CLIENT_ID = 'SANDBOX_5X00000000000000';
const LIVE_CLIENT_ID = '2025051912345678';

/** A TLS front for a plain-HTTP fake gateway, with a throwaway self-signed certificate for 127.0.0.1. */
function tlsFront(target: string, dir: string): { server: TlsServer; certFile: string; listen(): Promise<string> } {
  const keyFile = join(dir, 'tls-key.pem');
  const certFile = join(dir, 'tls-cert.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.stderr}`);
  const port = Number(new URL(target).port);
  const server = createTlsServer({ key: readFileSync(keyFile), cert: readFileSync(certFile) }, (socket) => {
    const upstream = connect(port, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  return {
    server,
    certFile,
    listen: () => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`https://127.0.0.1:${(server.address() as AddressInfo).port}`))),
  };
}

describeWithKeyring('antom-ops call goes through the console\'s handler table and guards', () => {
  const service = uniqueService('door');
  let dataDir: string;
  let core: Core;
  let sandboxGateway: FakeAntomServer;
  let liveGateway: FakeAntomServer;
  let tls: ReturnType<typeof tlsFront>;
  let env: NodeJS.ProcessEnv;
  const cli = (...args: string[]): Promise<CliResult> => runCli([...args, '--data-dir', dataDir], env);
  /** What the console answers for the same operation (dispatchOperation over its handler table). */
  const consoleDoes = (name: string, input: unknown) => dispatchOperation(core.handlers, name, input);
  /**
   * One after another, never in parallel: keytar's findCredentials crashes the process (libsecret
   * "secret_value_get_text: assertion 'value' failed") when another process deletes its keychain
   * probe item mid-listing, and every profile lookup lists the keychain.
   */
  const inTurn = async <T extends Array<() => Promise<CliResult>>>(...runs: T): Promise<{ [K in keyof T]: CliResult }> => {
    const results: CliResult[] = [];
    for (const run of runs) results.push(await run());
    return results as { [K in keyof T]: CliResult };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'antom-cli-door-'));
    sandboxGateway = await new FakeAntomServer(SANDBOX_CLIENT_ID).listen();
    liveGateway = await new FakeAntomServer(LIVE_CLIENT_ID).listen();
    tls = tlsFront(liveGateway.baseUrl, dataDir);
    const liveUrl = await tls.listen();
    env = { ANTOM_OPS_KEYCHAIN_SERVICE: service, NODE_EXTRA_CA_CERTS: tls.certFile };
    writeFileSync(join(dataDir, 'antom.pub'), vectors.keys.antom.publicKeyPem);
    writeFileSync(join(dataDir, 'merchant.pem'), vectors.keys.merchant.privateKeyPkcs8Pem);

    // The console, on the same data directory and keychain items; its active profile stays the embedded one.
    core = await createCore({ dataDir, secretServiceName: service });
    for (const profile of [
      { name: 'Shop', environment: 'sandbox', region: 'CUSTOM', baseUrl: sandboxGateway.baseUrl, clientId: SANDBOX_CLIENT_ID },
      { name: 'Prod', environment: 'production', region: 'CUSTOM', baseUrl: liveUrl, clientId: LIVE_CLIENT_ID },
    ]) {
      expect((await consoleDoes('createProfile', { ...profile, antomPublicKey: vectors.keys.antom.publicKeyPem })).ok).toBe(true);
      expect((await consoleDoes('importPrivateKey', { profile: profile.name, keyText: vectors.keys.merchant.privateKeyPkcs8Pem })).ok).toBe(true);
    }

    // The read-only profile made as the new user made it: from the command line.
    const created = await cli('profiles', 'create', '--name', 'RO', '--environment', 'sandbox', '--region', 'CUSTOM', '--base-url', sandboxGateway.baseUrl,
      '--client-id', SANDBOX_CLIENT_ID, '--antom-public-key', join(dataDir, 'antom.pub'), '--read-only', '--json');
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout).profile).toMatchObject({ name: 'RO', readOnly: true });
    const imported = await cli('keys', 'import', '--profile', 'RO', '--private-key', join(dataDir, 'merchant.pem'));
    expect(imported.code, imported.stderr).toBe(0);
  }, 120_000);

  afterAll(async () => {
    for (const name of ['RO', 'Shop', 'Prod', 'Embedded sandbox']) await core?.profiles.delete(name).catch(() => undefined);
    await core?.close();
    await new Promise<void>((resolve) => (tls ? tls.server.close(() => resolve()) : resolve()));
    await sandboxGateway?.close();
    await liveGateway?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses capture, refund, cancel and createPaymentSession for a read-only profile, sending nothing; inquiries work', async () => {
    const results = await inTurn(
      () => cli('call', 'capture', '--profile', 'RO', '--body', JSON.stringify({ paymentId: 'P-RO', captureAmount: { currency: 'USD', value: '1000' } })),
      () => cli('call', 'refund', '--profile', 'RO', '--body', JSON.stringify({ paymentId: 'P-RO', refundAmount: { currency: 'USD', value: '100' } })),
      () => cli('call', 'cancel', '--profile', 'RO', '--body', JSON.stringify({ paymentId: 'P-RO' })),
      () => cli('call', 'createPaymentSession', '--profile', 'RO', '--body', JSON.stringify(cardSessionBody('1000'))),
    );
    for (const [i, api] of (['capture', 'refund', 'cancel', 'createPaymentSession'] as const).entries()) {
      expect(results[i]!.code, `${api}: ${results[i]!.stderr}`).toBe(2);
      expect(results[i]!.stderr).toContain(`error: Profile "RO" is read-only, so ${api} is not allowed.`);
    }
    expect(sandboxGateway.requests).toHaveLength(0);
    expect((await core.journal.listCalls({ profile: 'RO' }, {})).items).toHaveLength(0);
    // Acting as the sandbox buyer goes through the same guard.
    const buyer = await cli('sandbox', 'pay', 'REQ-RO-1', '--profile', 'RO');
    expect(buyer.code).toBe(2);
    expect(buyer.stderr).toContain('error: Profile "RO" is read-only, so sandboxBuyerAction is not allowed.');

    // The very message the console shows when RO is its active profile.
    expect((await consoleDoes('setActiveProfile', { name: 'RO' })).ok).toBe(true);
    const consoleRefusal = await consoleDoes('capture', { paymentId: 'P-RO', amount: { currency: 'USD', value: '1000' } });
    expect((await consoleDoes('setActiveProfile', { name: 'Embedded sandbox' })).ok).toBe(true);
    expect(consoleRefusal.ok).toBe(false);
    if (!consoleRefusal.ok) expect(results[0]!.stderr).toContain(`error: ${consoleRefusal.error.message}\n  what to do: ${consoleRefusal.error.hint}`);
    expect(sandboxGateway.requests).toHaveLength(0);

    const inquiry = await cli('call', 'inquiryPayment', '--profile', 'RO', '--body', JSON.stringify({ paymentRequestId: 'REQ-RO-1' }), '--json');
    expect(inquiry.code, inquiry.stderr).toBe(0);
    expect(JSON.parse(inquiry.stdout)).toMatchObject({ resultStatus: 'S', responseSignature: 'verified' });
    expect(sandboxGateway.requests.map((r) => [r.api, r.signatureValid])).toEqual([['inquiryPayment', true]]);
    expect((await core.journal.listCalls({ profile: 'RO' }, {})).items.map((c) => [c.api, c.trigger])).toEqual([['inquiryPayment', 'cli']]);

    // --profile chose RO for those invocations only.
    const listed = JSON.parse((await cli('profiles', 'list', '--json')).stdout) as Array<{ name: string; active: boolean }>;
    expect(listed.filter((p) => p.active).map((p) => p.name)).toEqual(['Embedded sandbox']);
  }, 120_000);

  it('needs the amount (or CANCEL) on the command line before a production profile moves money', async () => {
    const capture = JSON.stringify({ paymentId: 'P-LIVE', captureAmount: { currency: 'USD', value: '1234' }, captureRequestId: 'CAP-LIVE-1' });
    const [unconfirmed, mistyped, uncancelled, misplaced, uncarried] = await inTurn(
      () => cli('call', 'capture', '--profile', 'Prod', '--body', capture),
      () => cli('call', 'capture', '--profile', 'Prod', '--body', capture, '--confirm-amount', 'USD 12.00'),
      () => cli('call', 'cancel', '--profile', 'Prod', '--body', JSON.stringify({ paymentId: 'P-LIVE' })),
      () => cli('call', 'inquiryPayment', '--profile', 'Prod', '--body', JSON.stringify({ paymentId: 'P-LIVE' }), '--confirm-amount', 'USD 12.34'),
      () => cli('call', 'refund', '--profile', 'Prod', '--body', JSON.stringify({ paymentId: 'P-LIVE', refundAmount: { currency: 'USD', value: '100' }, refundNotifyUrl: 'https://shop.example/n' }), '--confirm-amount', '1.00'),
    );
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('Profile "Prod" is a production profile: this moves real money, so the amount must be confirmed.');
    expect(unconfirmed.stderr).toContain('--confirm-amount "12.34"');
    expect(mistyped.code).toBe(2);
    expect(mistyped.stderr).toContain('The confirmation "USD 12.00" does not match the amount USD 12.34.');
    expect(uncancelled.code).toBe(2);
    expect(uncancelled.stderr).toMatch(/production profile: cancelling a real payment must be confirmed[\s\S]*--confirm CANCEL/);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain('--confirm-amount does not apply to inquiryPayment.');
    expect(uncarried.code).toBe(2);
    expect(uncarried.stderr).toContain('refund through the console cannot carry "refundNotifyUrl" from --body');
    expect(liveGateway.requests).toHaveLength(0);

    const confirmed = await inTurn(
      () => cli('call', 'capture', '--profile', 'Prod', '--body', capture, '--confirm-amount', 'USD 12.34', '--json'),
      () => cli('call', 'cancel', '--profile', 'Prod', '--body', JSON.stringify({ paymentId: 'P-LIVE-2' }), '--confirm', 'CANCEL', '--json'),
      () => cli('call', 'refund', '--profile', 'Prod', '--body', JSON.stringify({ paymentId: 'P-LIVE', refundAmount: { currency: 'USD', value: '100' } }), '--confirm-amount', '1.00', '--json'),
    );
    for (const result of confirmed) {
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ resultStatus: 'S', responseSignature: 'verified' });
    }
    expect(liveGateway.requests.map((r) => r.api).sort()).toEqual(['cancel', 'capture', 'refund']);
    expect(liveGateway.requests.every((r) => r.signatureValid && r.headers['client-id'] === LIVE_CLIENT_ID)).toBe(true);
  }, 120_000);

  it('writes the same journal record for a capture from the CLI as from the console', async () => {
    expect((await consoleDoes('setActiveProfile', { name: 'Shop' })).ok).toBe(true);
    const fromConsole = await consoleDoes('capture', { paymentId: 'P-SAME', amount: { currency: 'USD', value: '500' }, captureRequestId: 'CAP-SAME-CONSOLE' });
    expect((await consoleDoes('setActiveProfile', { name: 'Embedded sandbox' })).ok).toBe(true);
    expect(fromConsole.ok).toBe(true);
    const fromCli = await cli('call', 'capture', '--profile', 'Shop', '--body', JSON.stringify({ paymentId: 'P-SAME', captureAmount: { currency: 'USD', value: '500' }, captureRequestId: 'CAP-SAME-CLI' }));
    expect(fromCli.code, fromCli.stderr).toBe(0);

    const records = await Promise.all((await core.journal.listCalls({ profile: 'Shop', api: 'capture' }, {})).items.map(async (c) => (await core.journal.getCall(c.id))!));
    const byTrigger = Object.fromEntries(records.map((r) => [r.trigger, r]));
    expect(Object.keys(byTrigger).sort()).toEqual(['cli', 'user']);

    /** The record minus what differs by nature: times, generated and Antom-issued IDs, and the door's own trigger. */
    const comparable = (r: CallDetail) => {
      const { id: _id, attemptId: _a, callId: _c, startedAt: _s, latencyMs: _l, requestTime: _t, requestSignatureHeader: _h, trigger: _tr,
        captureRequestId: _cr, captureId: _ci, actor: _actor, requestBody, responseBody, responseHeaders, ...rest } = r;
      const without = (text: string | null, keys: string[]) => {
        const json = JSON.parse(text ?? 'null') as Record<string, unknown>;
        for (const key of keys) delete json[key];
        return json;
      };
      const headers = { ...(responseHeaders ?? {}) };
      delete headers.signature;
      delete headers['content-length'];
      delete headers.date;
      return { ...rest, requestBody: without(requestBody, ['captureRequestId']), responseBody: without(responseBody, ['captureRequestId', 'captureId']), responseHeaders: headers };
    };
    expect(comparable(byTrigger.cli!)).toEqual(comparable(byTrigger.user!));
    // The same person on the same machine; only the door differs (the audit trail says which).
    expect(byTrigger.cli!.actor).toEqual({ ...byTrigger.user!.actor, door: 'cli' });
    expect(byTrigger.user!.actor?.door).toBe('console');
    expect(comparable(byTrigger.cli!)).toMatchObject({ api: 'capture', profile: 'Shop', resultStatus: 'S', responseSignature: 'verified', paymentId: 'P-SAME' });
  }, 120_000);
});
