/**
 * Turn what keytar/libsecret (and the macOS / Windows backends) throw into typed errors that
 * say why the keychain cannot be used and what to do. The Linux messages are the ones measured
 * in /work/shared/TOOLCHAIN.md; libsecret quotes paths with typographic quotes, so the patterns
 * do not depend on the quote characters.
 */
import { ConsoleError } from '../../../src-shared/errors';

const SESSION_ONLY_HINT = 'or import the key with --session-only (kept in memory until the app exits)';

export function keychainUnavailableModule(reason: string): ConsoleError {
  return new ConsoleError(
    'KEYCHAIN_UNAVAILABLE',
    `The OS keychain module (keytar) could not be loaded: ${reason}`,
    `On Linux install libsecret (apt-get install libsecret-1-0) and reinstall the app's dependencies, ${SESSION_ONLY_HINT}.`,
  );
}

/** Map one keytar failure. `operation` names what we tried (never the secret). */
export function mapKeytarError(error: unknown, operation: string): ConsoleError {
  if (error instanceof ConsoleError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const details = { operation, cause: message };

  if (/Cannot autolaunch D-Bus without X11 \$DISPLAY/i.test(message)) {
    return new ConsoleError(
      'KEYCHAIN_UNAVAILABLE',
      'No D-Bus session is running, so the OS keychain (Secret Service) cannot be reached.',
      `Run the console inside a desktop session, or wrap the command in \`dbus-run-session\` with gnome-keyring started; ${SESSION_ONLY_HINT}.`,
      details,
      { cause: error },
    );
  }
  if (/^Could not connect:/i.test(message)) {
    return new ConsoleError(
      'KEYCHAIN_UNAVAILABLE',
      'The D-Bus session named in DBUS_SESSION_BUS_ADDRESS cannot be reached, so the OS keychain cannot be used.',
      `Start the console from a live desktop session (or unset a stale DBUS_SESSION_BUS_ADDRESS); ${SESSION_ONLY_HINT}.`,
      details,
      { cause: error },
    );
  }
  if (/org\.freedesktop\.secrets was not provided by any \.service files/i.test(message)) {
    return new ConsoleError(
      'KEYCHAIN_UNAVAILABLE',
      'A D-Bus session is running, but no Secret Service (keyring) is installed or running in it.',
      `Install and start gnome-keyring (apt-get install gnome-keyring) or enable KWallet's Secret Service; ${SESSION_ONLY_HINT}.`,
      details,
      { cause: error },
    );
  }
  if (/Object does not exist at path .*\/collection\/login/i.test(message) || /locked collection/i.test(message)) {
    return new ConsoleError(
      'KEYCHAIN_LOCKED',
      'The login keyring is locked or has not been created yet, so keys cannot be read or stored.',
      `Unlock the login keyring (e.g. log in to the desktop, or run \`gnome-keyring-daemon --unlock\` and type the password) and retry; ${SESSION_ONLY_HINT}.`,
      details,
      { cause: error },
    );
  }
  if (/user canceled|User interaction is not allowed|errSecInteractionNotAllowed/i.test(message)) {
    return new ConsoleError(
      'KEYCHAIN_LOCKED',
      'The keychain asked to be unlocked and the request was cancelled or not allowed.',
      `Unlock the keychain and allow the console to use it, then retry; ${SESSION_ONLY_HINT}.`,
      details,
      { cause: error },
    );
  }
  return new ConsoleError(
    'KEYCHAIN_FAILED',
    `The OS keychain refused to ${operation}: ${message}`,
    `Check that the keychain is unlocked and working (e.g. open it in your OS's keychain app) and retry; ${SESSION_ONLY_HINT}.`,
    details,
    { cause: error },
  );
}
