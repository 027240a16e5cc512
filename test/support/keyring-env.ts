/**
 * What the keychain tests need to know about the machine: whether test/run-tests.sh brought up
 * a real, unlocked Secret Service (ANTOM_KEYRING_READY=1), and helpers to look at it from the
 * outside with `secret-tool` and to run code in a child process with a chosen D-Bus setup.
 *
 * Without a keyring the keychain suites skip and print why; under CI=true they fail instead,
 * because CI must prove the keychain path works.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';

export const keyringReady = process.env.ANTOM_KEYRING_READY === '1';
export const inCI = process.env.CI === 'true';

export const NO_KEYRING_REASON =
  'no real Secret Service: ANTOM_KEYRING_READY is not 1. Run the tests with `npm test` (test/run-tests.sh starts a private gnome-keyring), ' +
  'and install `dbus gnome-keyring libsecret-tools dbus-x11` if it says they are missing.';

export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/**
 * describe() that needs a precondition. When it does not hold: skip with the reason printed,
 * or, in CI, register one failing test carrying the reason.
 */
export function describeWhen(ready: boolean, reason: string, name: string, body: () => void): void {
  if (ready) {
    describe(name, body);
    return;
  }
  if (inCI) {
    describe(name, () => {
      it('has what it needs to run in CI', () => {
        throw new Error(`${name}: cannot run: ${reason}`);
      });
    });
    return;
  }
  console.warn(`[skip] ${name}: ${reason}`);
  describe.skip(name, body);
}

export function describeWithKeyring(name: string, body: () => void): void {
  describeWhen(keyringReady, NO_KEYRING_REASON, name, body);
}

/** A keychain service name no other run or test file shares. */
export function uniqueService(label: string): string {
  return `antom-ops-test-${label}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Accounts that `secret-tool` (an independent libsecret client) sees under a service. */
export function secretToolAccounts(service: string): string[] {
  const result = spawnSync('secret-tool', ['search', '--all', 'service', service], { encoding: 'utf8', timeout: 10_000 });
  if (result.error) throw result.error;
  // secret-tool prints the item on stdout and its attributes on stderr; no match prints nothing.
  const text = `${result.stdout}\n${result.stderr}`;
  return [...text.matchAll(/^attribute\.account = (.*)$/gm)].map((m) => m[1]!).sort();
}

/** The secret `secret-tool` reads for one account, or undefined. */
export function secretToolLookup(service: string, account: string): string | undefined {
  const result = spawnSync('secret-tool', ['lookup', 'service', service, 'account', account], { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 ? result.stdout : undefined;
}
