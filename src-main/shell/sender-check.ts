/**
 * Who may call an operation over IPC: the top frame of a page on the app's own origin. A
 * subframe, a page the window was tricked into loading, or a frame already gone is refused.
 * Pure module, tested under plain Node.
 */
import type { ConsoleErrorShape } from '../../src-shared/errors';
import { isAppUrl } from './app-location';

interface SenderInfo {
  url: string | undefined;
  isMainFrame: boolean;
}

export function isTrustedSender(sender: SenderInfo, appOrigin: string): boolean {
  return sender.isMainFrame && isAppUrl(sender.url, appOrigin);
}

/** undefined when the sender is trusted, otherwise the error returned to it. */
export function senderRefusal(sender: SenderInfo, appOrigin: string): ConsoleErrorShape | undefined {
  if (isTrustedSender(sender, appOrigin)) return undefined;
  return {
    code: 'SENDER_NOT_ALLOWED',
    message: 'This request did not come from the console page, so it was refused.',
    hint: 'Use the console window itself; if you see this there, restart the console.',
    details: { origin: sender.url ? safeOrigin(sender.url) : 'unknown' },
  };
}

function safeOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'unparseable';
  }
}
