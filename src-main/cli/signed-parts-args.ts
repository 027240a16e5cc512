/**
 * The flags `sign` and `verify` share: what goes into the content to sign besides the time
 * header (which each names after what it is: --request-time to sign, --time to verify).
 */
import type { SignedParts } from '../core/signing/content-to-sign';
import { optionalString, readFileArg, requireString, type ParsedCommandArgs } from './cli-args';

export const SIGNED_PARTS_OPTIONS = {
  'client-id': { type: 'string' },
  path: { type: 'string' },
  'body-file': { type: 'string' },
  method: { type: 'string' },
} as const;

export function signedPartsFromArgs(args: ParsedCommandArgs, timeFlag: 'request-time' | 'time', usage: string): SignedParts {
  return {
    method: optionalString(args, 'method') ?? 'POST',
    path: requireString(args, 'path', usage),
    clientId: requireString(args, 'client-id', usage),
    time: requireString(args, timeFlag, usage),
    // The body file's bytes are used exactly as they are: no trimming, no newline added.
    body: readFileArg(requireString(args, 'body-file', usage), 'body-file'),
  };
}
