/**
 * Validation of a new profile, for every door: the contract's createProfile schema (shape and
 * field rules), then the whole-profile rules of src-shared/profile-rules.ts, the same function
 * the create-profile form runs as you type. The first problem is refused as PROFILE_INVALID,
 * naming the field; warnings go back to the caller.
 */
import { operations, type OperationInput } from '../../../src-shared/contract';
import { ConsoleError } from '../../../src-shared/errors';
import { checkProfile } from '../../../src-shared/profile-rules';

export type CreateProfileInput = OperationInput<'createProfile'>;

interface ValidatedProfileInput {
  input: CreateProfileInput & { keyVersion: string; readOnly: boolean };
  warnings: string[];
}

function invalid(message: string, hint: string, field: string): ConsoleError {
  return new ConsoleError('PROFILE_INVALID', message, hint, { field });
}

export function validateCreateProfile(raw: unknown): ValidatedProfileInput {
  const parsed = operations.createProfile.input.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'input';
    throw invalid(`Profile field ${field}: ${issue?.message ?? 'invalid'}`, 'Correct that field and try again.', field);
  }
  const { problems, warnings, baseUrl } = checkProfile(parsed.data);
  const first = problems[0];
  if (first) throw invalid(first.message, first.hint, first.field);
  const input = { ...parsed.data, keyVersion: parsed.data.keyVersion ?? '1', readOnly: parsed.data.readOnly ?? false };
  if (baseUrl !== undefined) input.baseUrl = baseUrl;
  return { input, warnings };
}
