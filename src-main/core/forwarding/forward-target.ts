/**
 * The relay's target (`--forward-to URL`): the merchant's backend endpoint that used to be
 * Antom's notify URL. Checked once at start-up, so a typo fails the command instead of filling
 * the outbox with sends that can never succeed.
 */
import { ConsoleError } from '../../../src-shared/errors';

export function parseForwardTarget(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConsoleError('VALIDATION_FAILED', `--forward-to "${value}" is not a URL.`, 'Give the full URL of your backend\'s notification endpoint, e.g. http://127.0.0.1:8080/antom/notify.', { field: 'forward-to' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConsoleError('VALIDATION_FAILED', `--forward-to must be an http or https URL, not ${url.protocol.replace(':', '')}.`, 'Give an http:// or https:// URL.', { field: 'forward-to' });
  }
  if (url.username || url.password) {
    throw new ConsoleError('VALIDATION_FAILED', '--forward-to contains a user name or password.', 'Remove the credentials: they would be stored with every forward. Protect the backend by network instead, or verify Antom\'s signature there.', { field: 'forward-to' });
  }
  if (url.hash) {
    throw new ConsoleError('VALIDATION_FAILED', '--forward-to contains a #fragment.', 'Give the URL without a fragment.', { field: 'forward-to' });
  }
  return url.toString();
}
