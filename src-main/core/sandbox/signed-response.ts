/**
 * Writing an Antom answer: the body is serialised once and the signature is made over exactly
 * those bytes and the path as requested, as Antom's gateway does (API-FACTS a.5).
 */
import type { ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { signRequest } from '../signing/sign-request';
import { isoSeconds } from './sandbox-clock';
import type { AntomAnswer } from './antom-answer';

export type SignatureMode = 'normal' | 'missing' | 'otherKey' | 'changedBody';

export interface ResponseSigning {
  antomKey: KeyObject;
  /** Lazily made second key for the wrongSignature/otherKey fault. */
  otherKey: () => Promise<KeyObject>;
  now: () => number;
}

export async function writeAntomAnswer(
  res: ServerResponse,
  answer: AntomAnswer,
  ctx: { pathAsRequested: string; clientId: string | undefined },
  signing: ResponseSigning,
  mode: SignatureMode = 'normal',
): Promise<string> {
  const body = JSON.stringify(answer.body);
  const bytes = Buffer.from(body, 'utf8');
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': String(bytes.length),
  };
  if (ctx.clientId !== undefined) headers['client-id'] = ctx.clientId;
  if (answer.signed && mode !== 'missing') {
    const responseTime = isoSeconds(signing.now());
    const key = mode === 'otherKey' ? await signing.otherKey() : signing.antomKey;
    // changedBody: signed over bytes that differ from those sent (one trailing space).
    const signedBody = mode === 'changedBody' ? Buffer.concat([bytes, Buffer.from(' ')]) : bytes;
    const signed = signRequest({ path: ctx.pathAsRequested, clientId: ctx.clientId ?? '', time: responseTime, body: signedBody }, key);
    headers['response-time'] = responseTime;
    headers.signature = signed.signatureHeader;
  }
  res.writeHead(answer.httpStatus, headers);
  res.end(bytes);
  return body;
}
