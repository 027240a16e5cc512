/**
 * The contract between the rooms: one entry per operation, each with the zod schema every door
 * (Electron IPC, browser preview, CLI) validates input against before a handler runs, and the
 * output type the handler returns. No operation returns key material: the merchant public key
 * is the most any door can get.
 */
import { z } from 'zod';
import type { ConsoleErrorShape } from './errors';

export const environmentSchema = z.enum(['embedded', 'sandbox', 'production']);
export type Environment = z.infer<typeof environmentSchema>;

export const regionSchema = z.enum(['SG', 'NA', 'EU', 'US', 'CUSTOM', 'LOCAL']);
export type Region = z.infer<typeof regionSchema>;

export const profileNameSchema = z
  .string()
  .min(1, 'A profile needs a name.')
  .max(64, 'Profile names are at most 64 characters.')
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, 'Use letters, digits, spaces, dot, underscore or dash, starting with a letter or digit.');

/** Profile metadata: everything but the private key, which only the keychain holds. */
export interface ProfileSummary {
  name: string;
  environment: Environment;
  region: Region;
  /** Gateway base URL; for the embedded sandbox, the URL it listens on in this run (if started). */
  baseUrl: string | undefined;
  clientId: string;
  keyVersion: string;
  antomPublicKey: string | undefined;
  merchantPublicKey: string | undefined;
  notifyUrl: string | undefined;
  readOnly: boolean;
  /** Where the private key lives: the OS keychain, this session's memory only, or nowhere yet. */
  keyStorage: 'keychain' | 'session' | 'missing';
  active: boolean;
}

export interface KeychainStatus {
  backend: 'os-keychain' | 'session-memory';
  available: boolean;
  /** Human-readable description of the backend, e.g. "Secret Service (gnome-keyring) via keytar". */
  description: string;
  /** When unavailable: the typed error that says why and what to do. */
  error: ConsoleErrorShape | undefined;
}

export interface AppStatus {
  version: string;
  dataDir: string;
  activeProfile: ProfileSummary | undefined;
  keychain: KeychainStatus;
  sandbox: { running: boolean; baseUrl: string | undefined };
}

export const operations = {
  getAppStatus: { input: z.object({}).strict() },
  listProfiles: { input: z.object({}).strict() },
} as const;

export interface OperationOutputs {
  getAppStatus: AppStatus;
  listProfiles: ProfileSummary[];
}

export type OperationName = keyof typeof operations;
export type OperationInput<N extends OperationName> = z.infer<(typeof operations)[N]['input']>;
export type OperationOutput<N extends OperationName> = OperationOutputs[N];

export type OperationResult<T> = { ok: true; value: T } | { ok: false; error: ConsoleErrorShape };

/** What the composition root returns and every door calls. Handlers receive validated input. */
export type HandlerTable = { [N in OperationName]: (input: OperationInput<N>) => Promise<OperationOutput<N>> };
