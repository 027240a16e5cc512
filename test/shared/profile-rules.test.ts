/**
 * One profile validation: the create-profile form (profile-form-state.ts) enables "Create" for
 * exactly the profiles main's validation (profile-input.ts, behind every door) accepts, and both
 * name the same field for the same problem. A table of forms goes through both call sites.
 */
import { describe, expect, it } from 'vitest';
import { isConsoleError } from '../../src-shared/errors';
import { validateCreateProfile } from '../../src-main/core/profiles/profile-input';
import { profileFormState, type ProfileFormFields } from '../../src-renderer/dashboards/settings/profile-form-state';

const BLANK: ProfileFormFields = {
  name: 'Shop SG', environment: 'sandbox', region: 'SG', baseUrl: '', clientId: 'SANDBOX_5YEZ2N2ZR0X004568', keyVersion: '', antomPublicKey: '', notifyUrl: '', readOnly: false,
};

/** [what, form fields, the field main refuses (undefined: accepted)] */
const TABLE: Array<[string, Partial<ProfileFormFields>, string | undefined]> = [
  ['a plain sandbox profile', {}, undefined],
  ['a production profile', { environment: 'production', region: 'NA', clientId: '2188120000000001', readOnly: true }, undefined],
  ['the embedded sandbox in LOCAL', { environment: 'embedded', region: 'LOCAL', clientId: 'EMBEDDED_1' }, undefined],
  ['a CUSTOM base URL with a trailing slash', { region: 'CUSTOM', baseUrl: ' https://gw.example/base/ ' }, undefined],
  ['key version 2 and an https notify URL', { keyVersion: '2', notifyUrl: 'https://shop.example/antom/notify' }, undefined],
  ['a client-id with spaces around it', { clientId: '  SANDBOX_1  ' }, undefined],
  ['a sandbox client-id without SANDBOX_ (warning only)', { clientId: '2188120000000001' }, undefined],
  ['an empty name', { name: '' }, 'name'],
  ['a name with a slash', { name: '../etc' }, 'name'],
  ['a name starting with a space', { name: ' Shop' }, 'name'],
  ['a 65-character name', { name: 'N'.repeat(65) }, 'name'],
  ['an empty client-id', { clientId: '   ' }, 'clientId'],
  ['a non-ASCII client-id', { clientId: 'SANDBOX_商户' }, 'clientId'],
  ['a client-id with a space inside', { clientId: 'SANDBOX_1 2' }, 'clientId'],
  ['a client-id over 64 characters', { clientId: `SANDBOX_${'1'.repeat(60)}` }, 'clientId'],
  ['a sandbox client-id on production', { environment: 'production', clientId: 'SANDBOX_1' }, 'clientId'],
  ['key version "v1"', { keyVersion: 'v1' }, 'keyVersion'],
  ['key version " 1"', { keyVersion: ' 1' }, 'keyVersion'],
  ['CUSTOM without a base URL', { region: 'CUSTOM' }, 'baseUrl'],
  ['CUSTOM with an ftp base URL', { region: 'CUSTOM', baseUrl: 'ftp://gw.example' }, 'baseUrl'],
  ['CUSTOM with a base URL that is no URL', { region: 'CUSTOM', baseUrl: 'gw.example' }, 'baseUrl'],
  ['production CUSTOM over http', { environment: 'production', clientId: '2188', region: 'CUSTOM', baseUrl: 'http://gw.example' }, 'baseUrl'],
  ['region LOCAL outside the embedded sandbox', { region: 'LOCAL' }, 'region'],
  ['the embedded sandbox outside LOCAL', { environment: 'embedded', region: 'SG' }, 'region'],
  ['production notifications over http', { environment: 'production', clientId: '2188', notifyUrl: 'http://shop.example/n' }, 'notifyUrl'],
  ['a notify URL that is no URL', { notifyUrl: 'shop.example/n' }, 'notifyUrl'],
  ['a notify URL over 1024 characters', { notifyUrl: `https://shop.example/${'n'.repeat(1020)}` }, 'notifyUrl'],
];

function mainRefuses(input: unknown): string | undefined {
  try {
    validateCreateProfile(input);
    return undefined;
  } catch (error) {
    if (isConsoleError(error) && error.code === 'PROFILE_INVALID') return String((error.details as { field?: unknown } | undefined)?.field);
    throw error;
  }
}

describe('profile validation: the form and main agree', () => {
  it.each(TABLE)('%s', (_what, fields, refusedField) => {
    const form = profileFormState({ ...BLANK, ...fields });
    expect(mainRefuses(form.input)).toBe(refusedField);
    expect(form.ready).toBe(refusedField === undefined);
    // A field with something typed in it shows the problem main would report (an empty box shows nothing yet).
    const typedInto = refusedField === 'region' || String(fields[refusedField as keyof ProfileFormFields] ?? '').trim() !== '';
    if (refusedField !== undefined && typedInto) expect(Object.keys(form.errors)).toContain(refusedField);
  });

  it('the form shows no errors for an empty form, but is not ready', () => {
    const form = profileFormState({ ...BLANK, name: '', clientId: '' });
    expect(form.errors).toEqual({});
    expect(form.ready).toBe(false);
  });

  it('both give the same warnings', () => {
    const form = profileFormState({ ...BLANK, clientId: '2188120000000001', notifyUrl: 'https://shop.example/n?x=1' });
    expect(form.ready).toBe(true);
    expect(validateCreateProfile(form.input).warnings).toEqual(form.warnings);
    expect(form.warnings).toHaveLength(2);
  });

  it('main stores the CUSTOM base URL normalised', () => {
    const form = profileFormState({ ...BLANK, region: 'CUSTOM', baseUrl: 'https://gw.example/base/' });
    expect(validateCreateProfile(form.input).input.baseUrl).toBe('https://gw.example/base');
  });
});
