/**
 * What the create-profile form would send, and what main would say about it: the input built
 * from the boxes (trimmed, CUSTOM-only base URL) checked with the same rules main applies
 * (src-shared/profile-rules.ts). No React and no window here, so one test can run a table of
 * forms through this and through main's validation side by side.
 */
import type { Environment, OperationInput, Region } from '../../../src-shared/contract';
import { checkProfile, type ProfileField } from '../../../src-shared/profile-rules';

export interface ProfileFormFields {
  name: string;
  environment: Environment;
  region: Region;
  baseUrl: string;
  clientId: string;
  keyVersion: string;
  antomPublicKey: string;
  notifyUrl: string;
  readOnly: boolean;
}

interface ProfileFormState {
  input: OperationInput<'createProfile'>;
  /** True exactly when main would create the profile (name clashes and key parsing aside). */
  ready: boolean;
  /** Per field, the first problem, once something was typed into it: an empty form is not an error. */
  errors: Partial<Record<ProfileField, string>>;
  warnings: string[];
}

export function profileFormState(f: ProfileFormFields): ProfileFormState {
  const input: OperationInput<'createProfile'> = {
    name: f.name, environment: f.environment, region: f.region, clientId: f.clientId.trim(), readOnly: f.readOnly,
    ...(f.region === 'CUSTOM' && f.baseUrl.trim() ? { baseUrl: f.baseUrl.trim() } : {}),
    ...(f.keyVersion ? { keyVersion: f.keyVersion } : {}),
    ...(f.antomPublicKey.trim() ? { antomPublicKey: f.antomPublicKey.trim() } : {}),
    ...(f.notifyUrl.trim() ? { notifyUrl: f.notifyUrl.trim() } : {}),
  };
  const check = checkProfile(input);
  const typed: Record<ProfileField, boolean> = {
    name: f.name !== '', environment: true, region: true, baseUrl: f.baseUrl.trim() !== '', clientId: f.clientId.trim() !== '',
    keyVersion: f.keyVersion !== '', antomPublicKey: f.antomPublicKey.trim() !== '', notifyUrl: f.notifyUrl.trim() !== '',
  };
  const errors: Partial<Record<ProfileField, string>> = {};
  for (const problem of check.problems) {
    if (typed[problem.field] && errors[problem.field] === undefined) errors[problem.field] = problem.message;
  }
  return { input, ready: check.problems.length === 0, errors, warnings: check.warnings };
}
