/**
 * A console and the CLI on one data directory at the same time. The console runs where the
 * keychain cannot be used, so the embedded sandbox's keys live only in its memory; CLI commands
 * that sound read-only must not replace those keys (that used to rewrite profiles.json and make
 * every signed call of the running console fail with RESPONSE_SIGNATURE_INVALID).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli';
import { uniqueService } from '../support/keyring-env';
import { cardSessionBody } from '../core/handlers/handler-kit';
import { createCore, type Core } from '../../src-main/core/compose';
import { dispatchOperation } from '../../src-main/core/dispatch-operation';
import { KeytarSecretStore } from '../../src-main/core/keychain/keytar-secret-store';
import type { CallOutcome } from '../../src-shared/call-outcome';

/** The CLI's environment: no keychain can be reached, like the console's. */
const noKeychain = { DBUS_SESSION_BUS_ADDRESS: `unix:path=/nonexistent/antom-ops-no-bus-${process.pid}`, ANTOM_OPS_KEYCHAIN_SERVICE: uniqueService('concurrent') };

let dataDir: string;
let consoleCore: Core;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'antom-concurrent-'));
  const missingAddon = join(import.meta.dirname, 'no-such-keytar-addon.js');
  consoleCore = await createCore({
    dataDir,
    // A keychain that cannot be loaded: the embedded keys fall back to this process's memory.
    secrets: new KeytarSecretStore({ service: uniqueService('console'), loadKeytar: () => import(/* @vite-ignore */ missingAddon) }),
    startEmbeddedSandbox: true,
    sandboxTimeScale: 600,
    clientOptions: { sleep: async () => undefined },
  });
}, 60_000);

afterAll(async () => {
  await consoleCore?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a running console and CLI commands on one data directory', () => {
  it('CLI commands leave the console\'s session-only sandbox keys alone, and its signed calls still verify', async () => {
    const embedded = (await consoleCore.profiles.list()).find((p) => p.environment === 'embedded');
    expect(embedded).toMatchObject({ keyStorage: 'session', active: true });
    const profilesFile = join(dataDir, 'profiles.json');
    const before = readFileSync(profilesFile, 'utf8');

    const [profiles, keys, sandboxStart] = await Promise.all([
      runCli(['profiles', 'list', '--data-dir', dataDir, '--json'], noKeychain),
      runCli(['keys', 'list', '--data-dir', dataDir, '--json'], noKeychain),
      runCli(['sandbox', 'start', '--data-dir', dataDir, '--json'], noKeychain),
    ]);
    expect(profiles.code, profiles.stderr).toBe(0);
    // Seen from another process, the console's in-memory keys are simply not there: reported, not replaced.
    expect(JSON.parse(profiles.stdout)).toMatchObject([{ name: embedded!.name, merchantPublicKey: embedded!.merchantPublicKey, antomPublicKey: embedded!.antomPublicKey, keyStorage: 'missing' }]);
    expect(keys.code, keys.stderr).toBe(0);
    expect(sandboxStart.code).toBe(2);
    expect(JSON.parse(sandboxStart.stdout).error.message).toMatch(/already runs at http:\/\/127\.0\.0\.1:\d+/);
    expect(readFileSync(profilesFile, 'utf8')).toBe(before);

    // The console's signed calls still verify; the CLI can still act as the buyer on its sandbox.
    const session = await dispatchOperation(consoleCore.handlers, 'createPaymentSession', { body: cardSessionBody('2500') });
    const outcome = session.ok ? (session.value as CallOutcome<unknown>) : undefined;
    expect(outcome?.responseSignature).toBe('verified');
    const paymentRequestId = outcome?.requestIds.paymentRequestId ?? '';
    const paid = await runCli(['sandbox', 'pay', paymentRequestId, '--data-dir', dataDir, '--json'], noKeychain);
    expect(paid.code, paid.stderr).toBe(0);
    expect(JSON.parse(paid.stdout)).toMatchObject({ paymentRequestId, paymentStatus: 'SUCCESS' });
    const inquiry = await dispatchOperation(consoleCore.handlers, 'inquiryPayment', { paymentRequestId });
    expect(inquiry.ok && inquiry.value).toMatchObject({ resultStatus: 'S', responseSignature: 'verified' });
    expect(readFileSync(profilesFile, 'utf8')).toBe(before);
  }, 120_000);
});
