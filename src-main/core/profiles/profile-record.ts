/**
 * What profiles.json holds: profile metadata only. The private key is never a field here; the
 * keychain (or this session's memory) holds it under the account profile:<name>.
 */
import { z } from 'zod';
import { environmentSchema, profileNameSchema, regionSchema } from '../../../src-shared/contract';

const keyStorageSchema = z.enum(['keychain', 'session']);
export type KeyStorage = z.infer<typeof keyStorageSchema>;

const profileRecordSchema = z
  .object({
    name: profileNameSchema,
    environment: environmentSchema,
    region: regionSchema,
    baseUrl: z.string().optional(),
    clientId: z.string().min(1),
    keyVersion: z.string().min(1),
    /** Antom's public key, single-line SPKI base64: verifies responses and notifications. */
    antomPublicKey: z.string().optional(),
    /** The merchant's public key (SPKI base64), derived from the private key on import. */
    merchantPublicKey: z.string().optional(),
    notifyUrl: z.string().optional(),
    readOnly: z.boolean(),
    /** Where the private key was put; absent until a key is imported or generated. */
    keyStorage: keyStorageSchema.optional(),
    createdAt: z.string(),
  })
  .strict();
export type ProfileRecord = z.infer<typeof profileRecordSchema>;

const PROFILES_FILE_VERSION = 1;

export const profilesFileSchema = z
  .object({
    version: z.literal(PROFILES_FILE_VERSION),
    active: z.string().nullable(),
    profiles: z.array(profileRecordSchema),
  })
  .strict();
export type ProfilesFile = z.infer<typeof profilesFileSchema>;

export function emptyProfilesFile(): ProfilesFile {
  return { version: PROFILES_FILE_VERSION, active: null, profiles: [] };
}
