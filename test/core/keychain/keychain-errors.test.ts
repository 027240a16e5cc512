/**
 * The keychain failures a user meets on Linux, produced for real (no D-Bus, a bus without a
 * keyring, a keyring not created, a locked keyring) in child processes, and the typed errors
 * they must become. Each child runs fixtures/keychain-probe.ts and prints one JSON line per op.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ConsoleErrorShape } from '../../../src-shared/errors';
import type { KeychainStatus } from '../../../src-shared/contract';
import { KeytarSecretStore } from '../../../src-main/core/keychain/keytar-secret-store';
import { mapKeytarError } from '../../../src-main/core/keychain/keytar-errors';
import { describeWhen, hasCommand, uniqueService } from '../../support/keyring-env';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const probe = join(here, 'fixtures', 'keychain-probe.ts');
const busConfig = join(here, 'fixtures', 'session-bus.conf');
const stateScript = join(here, 'fixtures', 'keyring-state.sh');

type ProbeLine = { op: string; ok: true; value: unknown } | { op: string; ok: false; error: ConsoleErrorShape };

function envWithout(...names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of names) delete env[name];
  return env;
}

async function runProbe(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Map<string, ProbeLine>> {
  const { stdout } = await run(command, args, { cwd: root, env, timeout: 60_000 });
  const lines = stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as ProbeLine);
  return new Map(lines.map((l) => [l.op, l]));
}

function errorOf(results: Map<string, ProbeLine>, op: string): ConsoleErrorShape {
  const line = results.get(op);
  if (!line) throw new Error(`probe printed nothing for ${op}`);
  if (line.ok) throw new Error(`${op} unexpectedly succeeded with ${JSON.stringify(line.value)}`);
  return line.error;
}

function statusOf(results: Map<string, ProbeLine>): KeychainStatus {
  const line = results.get('status');
  if (!line?.ok) throw new Error('status must never throw');
  return line.value as KeychainStatus;
}

const OPS = ['status', 'get', 'set', 'delete', 'list'];

describe('keychain without a D-Bus session', () => {
  it('says there is no D-Bus session and suggests dbus-run-session or a session-only key', async () => {
    const results = await runProbe(process.execPath, ['--import', 'tsx', probe, uniqueService('nobus'), ...OPS], envWithout('DBUS_SESSION_BUS_ADDRESS', 'DISPLAY'));
    for (const op of ['get', 'set', 'delete', 'list']) {
      const error = errorOf(results, op);
      expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
      expect(error.message).toMatch(/No D-Bus session/);
      expect(error.hint).toMatch(/dbus-run-session/);
      expect(error.hint).toMatch(/--session-only/);
    }
    const status = statusOf(results);
    expect(status.available).toBe(false);
    expect(status.backend).toBe('os-keychain');
    expect(status.error?.code).toBe('KEYCHAIN_UNAVAILABLE');
  });

  it('says a stale DBUS_SESSION_BUS_ADDRESS cannot be reached', async () => {
    const env = { ...envWithout('DISPLAY'), DBUS_SESSION_BUS_ADDRESS: `unix:path=/tmp/antom-ops-no-such-bus-${process.pid}` };
    const results = await runProbe(process.execPath, ['--import', 'tsx', probe, uniqueService('stale'), 'get'], env);
    const error = errorOf(results, 'get');
    expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(error.message).toMatch(/DBUS_SESSION_BUS_ADDRESS cannot be reached/);
  });
});

const canBuildSessions = hasCommand('dbus-run-session') && hasCommand('gnome-keyring-daemon') && hasCommand('secret-tool') && hasCommand('dbus-send');

describeWhen(canBuildSessions, 'dbus-run-session, gnome-keyring-daemon, secret-tool or dbus-send is missing (apt-get install -y dbus gnome-keyring libsecret-tools dbus-x11)', 'keychain on a D-Bus session in a bad state', () => {
  it('a bus with no Secret Service: says to install or start gnome-keyring', async () => {
    const results = await runProbe('dbus-run-session', [`--config-file=${busConfig}`, '--', process.execPath, '--import', 'tsx', probe, uniqueService('nokeyring'), ...OPS], process.env);
    for (const op of ['get', 'set', 'list']) {
      const error = errorOf(results, op);
      expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
      expect(error.message).toMatch(/no Secret Service/);
      expect(error.hint).toMatch(/gnome-keyring/);
    }
    expect(statusOf(results).error?.code).toBe('KEYCHAIN_UNAVAILABLE');
  });

  it('a keyring daemon without a login keyring: says to unlock/create it, and never answers "no key"', async () => {
    const results = await runProbe('dbus-run-session', [`--config-file=${busConfig}`, '--', 'bash', stateScript, 'not-created', uniqueService('notcreated'), ...OPS], process.env);
    for (const op of ['get', 'set', 'delete', 'list']) {
      const error = errorOf(results, op);
      expect(error.code).toBe('KEYCHAIN_LOCKED');
      expect(error.hint).toMatch(/gnome-keyring-daemon --unlock/);
    }
    expect(statusOf(results)).toMatchObject({ available: false, error: { code: 'KEYCHAIN_LOCKED' } });
  });

  it('a locked login keyring: KEYCHAIN_LOCKED for every operation instead of a wrong answer or a crash', async () => {
    // Unprotected, keytar answers null from get() and crashes the process in list() here.
    const results = await runProbe('dbus-run-session', [`--config-file=${busConfig}`, '--', 'bash', stateScript, 'locked', uniqueService('locked'), ...OPS], process.env);
    for (const op of ['get', 'set', 'delete', 'list']) {
      expect(errorOf(results, op).code).toBe('KEYCHAIN_LOCKED');
    }
    expect(statusOf(results)).toMatchObject({ available: false, error: { code: 'KEYCHAIN_LOCKED' } });
  });
});

describe('keychain module that cannot load', () => {
  it('reports KEYCHAIN_UNAVAILABLE with the loader reason, and retries the load later', async () => {
    let attempts = 0;
    const store = new KeytarSecretStore({
      service: uniqueService('noaddon'),
      loadKeytar: () => {
        attempts += 1;
        const missing = join(here, 'fixtures', `no-such-keytar-addon-${attempts}.js`);
        return import(/* @vite-ignore */ missing);
      },
    });
    await expect(store.get('profile:x')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/keytar\) could not be loaded: .*no-such-keytar-addon-1/) });
    const status = await store.status();
    expect(status).toMatchObject({ backend: 'os-keychain', available: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    expect(status.error?.hint).toMatch(/libsecret/);
    expect(attempts).toBe(2);
  });

  it('refuses a module that is not keytar', async () => {
    const store = new KeytarSecretStore({ service: uniqueService('notkeytar'), loadKeytar: () => import('node:path') });
    await expect(store.list()).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
  });
});

describe('mapKeytarError', () => {
  it('keeps an unknown failure as KEYCHAIN_FAILED with the original message and what we tried', () => {
    const error = mapKeytarError(new Error('Something odd happened'), 'store a key');
    expect(error.code).toBe('KEYCHAIN_FAILED');
    expect(error.message).toBe('The OS keychain refused to store a key: Something odd happened');
    expect(error.details).toEqual({ operation: 'store a key', cause: 'Something odd happened' });
  });

  it('recognises the lock message with either quote style libsecret uses', () => {
    expect(mapKeytarError(new Error('Object does not exist at path "/org/freedesktop/secrets/collection/login"'), 'x').code).toBe('KEYCHAIN_LOCKED');
    expect(mapKeytarError(new Error('Object does not exist at path “/org/freedesktop/secrets/collection/login”'), 'x').code).toBe('KEYCHAIN_LOCKED');
    expect(mapKeytarError(new Error('Cannot create an item in a locked collection'), 'x').code).toBe('KEYCHAIN_LOCKED');
  });
});
