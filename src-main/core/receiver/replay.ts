/**
 * Replay: resend a stored notification to a URL the user chooses (an integrator's local server),
 * either exactly as received or re-signed for the target's path with the embedded sandbox's
 * Antom key. The answer (status, body, latency) is returned so the caller can record it.
 *
 * Why two modes: "as received" reproduces precisely what Antom sent, including its signature,
 * which was made over the ORIGINAL receiver path; a server on another path will (correctly)
 * fail to verify it, and the result says so up front. "Re-signed" makes a notification the
 * target can verify, which only the embedded sandbox may do: the console holds no production
 * Antom private key and must never forge production notifications, so production profiles are
 * refused with a typed error, and so are notifications that were not verified (a forged POST
 * must not become a correctly signed one).
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { KeyObject } from 'node:crypto';
import { ConsoleError, type ConsoleErrorShape } from '../../../src-shared/errors';
import { isAcknowledgement } from '../../../src-shared/acknowledgement';
import { signRequest } from '../signing/sign-request';
import type { NotificationSink } from './notification-sink';

type ReplayMode = 'as-received' | 're-signed';

export interface ReplaySigner {
  clientId: string;
  antomPrivateKey: KeyObject;
  keyVersion?: string;
}

interface ReplayOptions {
  sink: Pick<NotificationSink, 'getNotification'>;
  id: number;
  toUrl: string;
  mode: ReplayMode;
  /** Required for 're-signed': the embedded sandbox's Antom key. */
  signer?: ReplaySigner;
  /** Required for 're-signed': is the notification's profile a sandbox (embedded or Antom sandbox)? */
  isSandboxProfile?: (profile: string | null | undefined) => boolean;
  timeoutMs?: number;
  now?: () => Date;
}

interface ReplayResult {
  notificationId: number;
  mode: ReplayMode;
  toUrl: string;
  /** The path (+query) the signature sent covers. */
  signedPath: string;
  sentAt: string;
  requestHeaders: Record<string, string>;
  /** undefined when no HTTP answer arrived (see error). */
  httpStatus: number | undefined;
  responseBody: string | undefined;
  latencyMs: number;
  /** The target answered with Antom's acknowledgement (resultCode SUCCESS, resultStatus S). */
  acknowledged: boolean;
  /** Things the user should know before reading the answer, e.g. why verification will fail. */
  warnings: string[];
  error: ConsoleErrorShape | undefined;
}

const FORWARDED_HEADERS = ['client-id', 'request-time', 'signature', 'content-type'];
const DEFAULT_TIMEOUT_MS = 10_000;

function parseTarget(toUrl: string): URL {
  let url: URL;
  try {
    url = new URL(toUrl);
  } catch {
    throw new ConsoleError('VALIDATION_FAILED', `"${toUrl}" is not a URL.`, 'Give the full URL of your notification endpoint, e.g. http://127.0.0.1:8080/payNotify.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConsoleError('VALIDATION_FAILED', `Replay only sends over http or https, not ${url.protocol.replace(':', '')}.`, 'Give an http:// or https:// URL.');
  }
  if (url.username || url.password) {
    throw new ConsoleError('VALIDATION_FAILED', 'The replay URL contains a user name or password.', 'Remove the credentials from the URL; notifications carry no credentials.');
  }
  return url;
}

export async function replayNotification(options: ReplayOptions): Promise<ReplayResult> {
  const target = parseTarget(options.toUrl);
  const now = options.now ?? (() => new Date());
  const stored = await options.sink.getNotification(options.id);
  if (!stored) {
    throw new ConsoleError('NOT_FOUND', `There is no stored notification with id ${options.id}.`, 'List notifications (antom-ops notifications list) and use an id from there.', { id: options.id });
  }
  const targetPath = `${target.pathname}${target.search}`;
  const warnings: string[] = [];
  let headers: Record<string, string>;

  if (options.mode === 'as-received') {
    headers = {};
    for (const name of FORWARDED_HEADERS) {
      const value = stored.headers[name];
      if (value !== undefined) headers[name] = value;
    }
    if (targetPath !== stored.receiverPath) {
      warnings.push(`The signature was made for the path "${stored.receiverPath}"; the target path is "${targetPath}", so a verifying server will reject it. Replay re-signed (sandbox profiles), or target the same path.`);
    }
    if (stored.bodyExact === false) {
      warnings.push('The stored body had personal data masked, so it is not the signed bytes; a verifying server will reject it.');
    }
  } else {
    if (!options.signer || !options.isSandboxProfile) {
      throw new ConsoleError('REPLAY_REFUSED', 'Re-signing needs the embedded sandbox\'s Antom key, which was not provided.', 'Start the embedded sandbox, or replay as received.');
    }
    // Re-signing vouches for the body with the sandbox's Antom key. A rejected record holds
    // whatever anyone POSTed (a forgery, a tampered body), so signing it would turn it into a
    // "verified" notification Antom never sent.
    if (stored.verification !== 'verified') {
      throw new ConsoleError(
        'REPLAY_REFUSED',
        `Notification ${options.id} was rejected by the receiver (its signature did not verify), so it cannot be re-signed.`,
        'Replay it as received to reproduce exactly what was sent, or re-sign a notification that was verified.',
        { id: options.id, verification: stored.verification },
      );
    }
    if (!options.isSandboxProfile(stored.profile)) {
      throw new ConsoleError(
        'REPLAY_REFUSED',
        `Notification ${options.id} belongs to ${stored.profile ? `profile "${stored.profile}", which is not a sandbox profile` : 'no known profile'}; only sandbox notifications can be re-signed.`,
        'Replay it as received instead: re-signing would forge a notification Antom never sent.',
        { id: options.id, profile: stored.profile ?? null },
      );
    }
    if (stored.bodyExact === false) {
      warnings.push('The stored body had personal data masked; the re-signed notification carries the masked body.');
    }
    const requestTime = String(now().getTime());
    const signature = signRequest({ path: targetPath, clientId: options.signer.clientId, time: requestTime, body: stored.rawBody }, options.signer.antomPrivateKey, options.signer.keyVersion ?? '1');
    headers = { 'content-type': 'application/json; charset=UTF-8', 'client-id': options.signer.clientId, 'request-time': requestTime, signature: signature.signatureHeader };
  }

  const sentAt = now().toISOString();
  const started = performance.now();
  const base = { notificationId: options.id, mode: options.mode, toUrl: target.toString(), signedPath: options.mode === 'as-received' ? stored.receiverPath : targetPath, sentAt, requestHeaders: headers, warnings };
  try {
    const { status, body } = await post(target, headers, stored.rawBody, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    return { ...base, httpStatus: status, responseBody: body, latencyMs: performance.now() - started, acknowledged: isAcknowledgement(status, body), error: undefined };
  } catch (error) {
    const shape = error instanceof ConsoleError ? error.toShape() : new ConsoleError('NETWORK_ERROR', `Could not reach ${target.origin}: ${(error as Error).message}`, 'Check that your server is running and listening on that address and port.').toShape();
    return { ...base, httpStatus: undefined, responseBody: undefined, latencyMs: performance.now() - started, acknowledged: false, error: shape };
  }
}

function post(url: URL, headers: Record<string, string>, body: Buffer, timeoutMs: number): Promise<{ status: number; body: string }> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'POST', headers: { ...headers, 'content-length': String(body.length) }, agent: false }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    const timer = setTimeout(() => {
      req.destroy(new ConsoleError('TIMEOUT', `${url.origin} did not answer within ${timeoutMs} ms.`, 'Check that your server answers notifications promptly (Antom waits a few seconds at most).'));
    }, timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(body);
  });
}
