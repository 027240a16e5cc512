/**
 * What makes a new profile valid, written once for every door: the create-profile form shows
 * these problems as you type, the contract's createProfile schema uses the same patterns and
 * limits, and main (profile-input.ts) refuses the first problem as PROFILE_INVALID whichever door
 * the request came through (Electron, preview, CLI).
 *
 * Problems are what cannot work (no base URL for CUSTOM, plain http for production, a sandbox
 * client-id on a production profile); warnings are what is probably a mistake but may be
 * deliberate (a sandbox profile whose client-id lacks SANDBOX_, since the SDKs only switch to the
 * sandbox paths for that prefix). Pure: no zod, no node:, no DOM (URL is a web standard in both).
 */
import type { Environment, Region } from './vocabulary';

export const PROFILE_NAME_MAX = 64;
export const PROFILE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._-]*$/;
export const PROFILE_NAME_MESSAGES = {
  required: 'A profile needs a name.',
  tooLong: `Profile names are at most ${PROFILE_NAME_MAX} characters.`,
  pattern: 'Use letters, digits, spaces, dot, underscore or dash, starting with a letter or digit.',
} as const;

export const CLIENT_ID_MAX = 64;
/** Printable ASCII without spaces: client-id travels in an HTTP header and in the signed content. */
export const CLIENT_ID_PATTERN = /^[\x21-\x7e]+$/;
export const CLIENT_ID_MESSAGES = {
  required: 'The client-id is required.',
  tooLong: `Client-ids are at most ${CLIENT_ID_MAX} characters.`,
  pattern: 'The client-id must be printable ASCII without spaces.',
} as const;

export const KEY_VERSION_PATTERN = /^[0-9]{1,9}$/;
export const KEY_VERSION_MESSAGE = 'A key version is a whole number, usually 1.';

export const BASE_URL_MAX = 2048;
export const NOTIFY_URL_MAX = 1024;
export const NOTIFY_URL_TOO_LONG = `Notify URLs are at most ${NOTIFY_URL_MAX} characters.`;
export const ANTOM_PUBLIC_KEY_MAX = 8192;

interface ProfileDraft {
  name: string;
  environment: Environment;
  region: Region;
  baseUrl?: string | undefined;
  clientId: string;
  keyVersion?: string | undefined;
  antomPublicKey?: string | undefined;
  notifyUrl?: string | undefined;
  readOnly?: boolean | undefined;
}

export type ProfileField = Exclude<keyof ProfileDraft, 'readOnly'>;

interface ProfileProblem {
  field: ProfileField;
  message: string;
  hint: string;
}

interface ProfileCheck {
  /** Empty when the profile can be created. In the order main reports them (the first is thrown). */
  problems: ProfileProblem[];
  warnings: string[];
  /** The CUSTOM base URL as it will be stored (origin + path, no trailing slash), when valid. */
  baseUrl: string | undefined;
}

const CORRECT_FIELD = 'Correct that field and try again.';

/** The URL, or the problem with it. */
function checkUrl(text: string, field: 'baseUrl' | 'notifyUrl'): URL | ProfileProblem {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { field, message: `${field} is not a URL: ${text}`, hint: 'Give a full URL such as https://open-sea-global.alipay.com.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { field, message: `${field} must be an http(s) URL, not ${url.protocol}`, hint: 'Give a URL starting with https://.' };
  }
  return url;
}

function fieldProblems(draft: ProfileDraft): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const add = (field: ProfileField, message: string, hint = CORRECT_FIELD) => problems.push({ field, message, hint });
  if (draft.name === '') add('name', PROFILE_NAME_MESSAGES.required);
  else if (draft.name.length > PROFILE_NAME_MAX) add('name', PROFILE_NAME_MESSAGES.tooLong);
  else if (!PROFILE_NAME_PATTERN.test(draft.name)) add('name', PROFILE_NAME_MESSAGES.pattern);
  if (draft.clientId === '') add('clientId', CLIENT_ID_MESSAGES.required);
  else if (draft.clientId.length > CLIENT_ID_MAX) add('clientId', CLIENT_ID_MESSAGES.tooLong);
  else if (!CLIENT_ID_PATTERN.test(draft.clientId)) add('clientId', CLIENT_ID_MESSAGES.pattern);
  if (draft.keyVersion !== undefined && !KEY_VERSION_PATTERN.test(draft.keyVersion)) add('keyVersion', KEY_VERSION_MESSAGE);
  if (draft.baseUrl !== undefined && draft.baseUrl.length > BASE_URL_MAX) add('baseUrl', `Base URLs are at most ${BASE_URL_MAX} characters.`);
  if (draft.notifyUrl !== undefined && draft.notifyUrl.length > NOTIFY_URL_MAX) add('notifyUrl', NOTIFY_URL_TOO_LONG);
  if (draft.antomPublicKey !== undefined && draft.antomPublicKey.length > ANTOM_PUBLIC_KEY_MAX) add('antomPublicKey', `An Antom public key is at most ${ANTOM_PUBLIC_KEY_MAX} characters.`);
  return problems;
}

export function checkProfile(draft: ProfileDraft): ProfileCheck {
  const problems = fieldProblems(draft);
  const warnings: string[] = [];
  const production = draft.environment === 'production';
  let baseUrl: string | undefined;

  if (draft.region === 'CUSTOM') {
    if (!draft.baseUrl) {
      problems.push({ field: 'baseUrl', message: 'A CUSTOM region needs a base URL.', hint: 'Give a base URL (e.g. https://open-xx-global.alipay.com), or pick SG, NA, EU or US.' });
    } else {
      const url = checkUrl(draft.baseUrl, 'baseUrl');
      if (!(url instanceof URL)) problems.push(url);
      else if (production && url.protocol !== 'https:') problems.push({ field: 'baseUrl', message: 'A production profile must call Antom over https.', hint: 'Use an https:// base URL.' });
      else baseUrl = url.origin + url.pathname.replace(/\/+$/, '');
    }
  } else if (draft.baseUrl !== undefined) {
    problems.push({ field: 'baseUrl', message: `Region ${draft.region} has a fixed gateway; a base URL applies only to CUSTOM.`, hint: 'Drop the base URL, or choose region CUSTOM.' });
  }

  if ((draft.environment === 'embedded') !== (draft.region === 'LOCAL')) {
    problems.push({ field: 'region', message: 'The embedded sandbox runs only in region LOCAL, and LOCAL is only for the embedded sandbox.', hint: 'Use environment embedded with region LOCAL, or a real region (SG, NA, EU, US, CUSTOM).' });
  }

  if (draft.notifyUrl !== undefined) {
    const url = checkUrl(draft.notifyUrl, 'notifyUrl');
    if (!(url instanceof URL)) problems.push(url);
    else {
      if (production && url.protocol !== 'https:') problems.push({ field: 'notifyUrl', message: 'Antom delivers production notifications over https only.', hint: 'Use an https:// notify URL.' });
      if (url.search !== '') warnings.push('The notify URL has a query string; whether Antom signs it is unconfirmed. Register notify URLs without one.');
    }
  }

  const sandboxId = draft.clientId.startsWith('SANDBOX_');
  if (production && sandboxId) {
    problems.push({ field: 'clientId', message: 'A client-id starting with SANDBOX_ belongs to Antom\'s sandbox, not production.', hint: 'Choose environment sandbox for this client-id, or use your live client-id.' });
  }
  if (draft.environment === 'sandbox' && draft.clientId !== '' && !sandboxId) {
    warnings.push(`Antom sandbox client-ids start with SANDBOX_; "${draft.clientId}" does not. Check it in Antom Dashboard (sandbox mode); the SDKs use that prefix to pick the sandbox paths.`);
  }
  return { problems, warnings, baseUrl };
}
