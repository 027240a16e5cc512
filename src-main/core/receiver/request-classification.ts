/**
 * Request classification and verification: what one POST to the receiver is, decided before
 * anything is stored. verify (verify-notification.ts) -> parse (parse-notification.ts) -> the
 * journal record to store and the answer to send once it is stored.
 *
 * Only a verified notification gets Antom's acknowledgement (of any type: one the console cannot
 * read is stored as UNKNOWN, acknowledged all the same); everything else gets a non-success
 * answer (notification-answers.ts) so Antom resends.
 *
 * Behind a path-rewriting proxy (signedPath): the signature covers the public path Antom posted
 * to, so the requested path's part after the receiver's base path is put after signedPath, and
 * that public path is verified over and recorded (receiverPath). If the proxy did not rewrite,
 * the wrong-path diagnosis finds the path as requested among its candidates.
 *
 * It also keeps the "keys proven per client-id" memory that rule 2 of the wrong-key/body-changed
 * diagnosis needs (verify-notification.ts): state for the life of one receiver.
 */
import type { KeyObject } from 'node:crypto';
import type { ReceivedNotification, RejectReason } from '../journal/journal-types';
import { ACKNOWLEDGEMENT, rejectionAnswer, type Answer } from './notification-answers';
import { parseNotificationBody } from './parse-notification';
import { verifyNotification, type ResolveVerifier } from './verify-notification';

/** One POST as the HTTP layer hands it over. */
export interface IncomingPost {
  /** Path (+query) as requested. */
  requestPath: string;
  remoteAddress: string | undefined;
  /** Lower-case names, repeated headers joined with ", ". */
  headers: Record<string, string>;
  rawBody: Buffer;
}

interface Classified {
  record: ReceivedNotification;
  answer: Answer;
}

interface ClassifierOptions {
  /** The receiver's own base path (a wrong-path diagnosis tries it). */
  basePath: string;
  /** The public base path Antom signs, when a proxy rewrites it to basePath (normalised like basePath). */
  signedPath?: string | undefined;
  resolveVerifier: ResolveVerifier;
  /** Extra paths a wrong-path diagnosis should try (e.g. other receivers' notify paths). */
  alternatePaths: readonly string[];
  now: () => Date;
}

interface RequestClassifier {
  /** Verify and parse a complete POST. */
  classify(post: IncomingPost): Classified;
  /** A POST as it arrived, before verification and parsing fill in what it is (rejected until proven). */
  unclassifiedRecord(post: IncomingPost): ReceivedNotification;
}

/**
 * The path Antom signed for a request that reached us on `requestPath`: the base path replaced by
 * the public one (`/antom/notify/eu?x` with base /antom/notify and public /pub/notify is
 * `/pub/notify/eu?x`). Both bases are normalised: start with '/', no trailing '/' unless '/'.
 */
export function publicPathFor(requestPath: string, basePath: string, signedPath: string): string {
  let rest = basePath === '/' ? requestPath : requestPath.slice(basePath.length);
  if (basePath === '/' && (rest === '/' || rest.startsWith('/?'))) rest = rest.slice(1);
  const joined = (signedPath === '/' ? '' : signedPath) + rest;
  return joined === '' || joined.startsWith('?') ? `/${joined}` : joined;
}

export function createRequestClassifier(options: ClassifierOptions): RequestClassifier {
  const { signedPath } = options;
  const signedPathFor = (requestPath: string): string => (signedPath === undefined ? requestPath : publicPathFor(requestPath, options.basePath, signedPath));
  // Rule 2 of the wrong-key/body-changed diagnosis: keys that verified something, per client-id.
  // Keys are compared by their SPKI bytes, so a resolver that re-parses the key each time still works.
  const fingerprints = new WeakMap<KeyObject, string>();
  const fingerprint = (key: KeyObject): string => {
    let fp = fingerprints.get(key);
    if (fp === undefined) {
      fp = key.export({ format: 'der', type: 'spki' }).toString('base64');
      fingerprints.set(key, fp);
    }
    return fp;
  };
  const provenKeys = new Map<string, Set<string>>();
  const keyProvenFor = (clientId: string, key: KeyObject) => provenKeys.get(clientId)?.has(fingerprint(key)) ?? false;
  const rememberProven = (clientId: string, key: KeyObject) => {
    let keys = provenKeys.get(clientId);
    if (!keys) provenKeys.set(clientId, (keys = new Set()));
    keys.add(fingerprint(key));
  };

  function unclassifiedRecord(post: IncomingPost): ReceivedNotification {
    return {
      receivedAt: options.now().toISOString(),
      receiverPath: signedPathFor(post.requestPath),
      remoteAddress: post.remoteAddress,
      headers: post.headers,
      rawBody: post.rawBody,
      profile: undefined,
      verification: 'rejected',
      rejectReason: undefined,
      rejectDetail: undefined,
      contentVerified: undefined,
      notifyType: 'UNKNOWN',
      dedupKey: undefined,
      ids: {},
      resultStatus: undefined,
      resultCode: undefined,
      status: undefined,
      amountValue: undefined,
      amountCurrency: undefined,
    };
  }

  function classify(post: IncomingPost): Classified {
    const { headers, rawBody } = post;
    const base = unclassifiedRecord(post);
    const verdict = verifyNotification({
      requestPath: base.receiverPath,
      basePath: signedPath ?? options.basePath,
      headers,
      rawBody,
      resolveVerifier: options.resolveVerifier,
      // Behind a proxy the path as requested is one more candidate: a proxy that did not rewrite.
      alternatePaths: signedPath === undefined ? options.alternatePaths : [...options.alternatePaths, post.requestPath, options.basePath],
      keyProvenFor,
    });
    const reject = (record: ReceivedNotification, reason: RejectReason, detail: string): Classified => ({
      record: { ...record, verification: 'rejected', rejectReason: reason, rejectDetail: detail },
      answer: rejectionAnswer(reason, detail),
    });
    if (!verdict.verified) {
      // Still parse what we can: a rejected record that shows its paymentId is far easier to act on.
      const parsed = parseNotificationBody(rawBody);
      const fields = parsed.ok ? parsed.notification : parsed.partial;
      return reject(
        { ...base, profile: verdict.profile, contentVerified: verdict.contentVerified, ids: fields.ids ?? {}, notifyType: parsed.ok ? parsed.notification.notifyType : 'UNKNOWN', resultStatus: fields.resultStatus, resultCode: fields.resultCode, status: fields.status, amountValue: fields.amountValue, amountCurrency: fields.amountCurrency },
        verdict.reason,
        verdict.detail,
      );
    }
    rememberProven(verdict.clientId, verdict.key);
    const signed = { ...base, profile: verdict.profile, contentVerified: verdict.contentVerified };
    const parsed = parseNotificationBody(rawBody);
    if (!parsed.ok) {
      return reject({ ...signed, ids: parsed.partial.ids ?? {}, resultStatus: parsed.partial.resultStatus, resultCode: parsed.partial.resultCode }, parsed.reason, parsed.detail);
    }
    const n = parsed.notification;
    return {
      record: { ...signed, verification: 'verified', notifyType: n.notifyType, dedupKey: n.dedupKey, ids: n.ids, resultStatus: n.resultStatus, resultCode: n.resultCode, status: n.status, amountValue: n.amountValue, amountCurrency: n.amountCurrency, unrecognised: n.unrecognised },
      answer: ACKNOWLEDGEMENT,
    };
  }

  return { classify, unclassifiedRecord };
}
