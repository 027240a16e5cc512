/**
 * Validation of a new profile. Hard errors for what cannot work (no base URL for CUSTOM, plain
 * http for production, a sandbox client-id on a production profile); warnings for what is
 * probably a mistake but may be deliberate (a sandbox profile whose client-id lacks SANDBOX_,
 * since the SDKs only switch to the sandbox path for that prefix).
 */
import { z } from 'zod';
import { environmentSchema, profileNameSchema, regionSchema } from '../../../src-shared/contract';
import { ConsoleError } from '../../../src-shared/errors';

const asciiPrintable = /^[\x21-\x7e]+$/;

export const createProfileInputSchema = z
  .object({
    name: profileNameSchema,
    environment: environmentSchema,
    region: regionSchema,
    baseUrl: z.string().optional(),
    clientId: z.string().min(1, 'The client-id is required.').max(64, 'Client-ids are at most 64 characters.').regex(asciiPrintable, 'The client-id must be printable ASCII without spaces.'),
    keyVersion: z.string().regex(/^[0-9]{1,9}$/, 'keyVersion is a whole number such as 1.').optional(),
    antomPublicKey: z.string().optional(),
    notifyUrl: z.string().max(1024, 'Notify URLs are at most 1024 characters.').optional(),
    readOnly: z.boolean().optional(),
  })
  .strict();
export type CreateProfileInput = z.infer<typeof createProfileInputSchema>;

export interface ValidatedProfileInput {
  input: CreateProfileInput & { keyVersion: string; readOnly: boolean };
  warnings: string[];
}

function invalid(message: string, hint: string, field: string): ConsoleError {
  return new ConsoleError('PROFILE_INVALID', message, hint, { field });
}

function parseUrl(text: string, field: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(`${field} is not a URL: ${text}`, 'Give a full URL such as https://open-sea-global.alipay.com.', field);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(`${field} must be an http(s) URL, not ${url.protocol}`, 'Give a URL starting with https://.', field);
  }
  return url;
}

export function validateCreateProfile(raw: unknown): ValidatedProfileInput {
  const parsed = createProfileInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'input';
    throw invalid(`Profile field ${field}: ${issue?.message ?? 'invalid'}`, 'Correct that field and try again.', field);
  }
  const input = { ...parsed.data, keyVersion: parsed.data.keyVersion ?? '1', readOnly: parsed.data.readOnly ?? false };
  const warnings: string[] = [];
  const production = input.environment === 'production';

  if (input.region === 'CUSTOM') {
    if (!input.baseUrl) throw invalid('A CUSTOM region needs a base URL.', 'Give --base-url (e.g. https://open-xx-global.alipay.com), or pick SG, NA, EU or US.', 'baseUrl');
    const url = parseUrl(input.baseUrl, 'baseUrl');
    if (production && url.protocol !== 'https:') throw invalid('A production profile must call Antom over https.', 'Use an https:// base URL.', 'baseUrl');
    input.baseUrl = url.origin + url.pathname.replace(/\/+$/, '');
  } else if (input.baseUrl !== undefined) {
    throw invalid(`Region ${input.region} has a fixed gateway; a base URL applies only to CUSTOM.`, 'Drop the base URL, or choose region CUSTOM.', 'baseUrl');
  }

  if ((input.environment === 'embedded') !== (input.region === 'LOCAL')) {
    throw invalid('The embedded sandbox runs only in region LOCAL, and LOCAL is only for the embedded sandbox.', 'Use environment embedded with region LOCAL, or a real region (SG, NA, EU, US, CUSTOM).', 'region');
  }

  if (input.notifyUrl !== undefined) {
    const url = parseUrl(input.notifyUrl, 'notifyUrl');
    if (production && url.protocol !== 'https:') throw invalid('Antom delivers production notifications over https only.', 'Use an https:// notify URL.', 'notifyUrl');
    if (url.search !== '') warnings.push('The notify URL has a query string; whether Antom signs it is unconfirmed. Register notify URLs without one.');
  }

  const sandboxId = input.clientId.startsWith('SANDBOX_');
  if (production && sandboxId) {
    throw invalid('A client-id starting with SANDBOX_ belongs to Antom\'s sandbox, not production.', 'Choose environment sandbox for this client-id, or use your live client-id.', 'clientId');
  }
  if (input.environment === 'sandbox' && !sandboxId) {
    warnings.push(`Antom sandbox client-ids start with SANDBOX_; "${input.clientId}" does not. Check it in Antom Dashboard (sandbox mode).`);
  }
  return { input, warnings };
}
