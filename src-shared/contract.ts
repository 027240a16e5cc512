/**
 * The contract between the rooms: one entry per operation, each with the zod schema every door
 * (Electron IPC, browser preview, CLI) validates input against before a handler runs, and the
 * output type the handler returns. No operation returns key material: the merchant public key
 * is the most any door can get. Private keys only ever travel IN (import), never out.
 */
import { z } from 'zod';
import type { ConsoleErrorShape } from './errors';
import type { CallOutcome } from './call-outcome';
import type {
  CallDetail, CallSummary, FindByIdResult, JournalSettings, MismatchFlag, NotificationDetailView, NotificationReplayRecord, NotificationSummary,
  Page, PaymentTimeline, PruneResult,
} from './journal-views';
import type { CodeMention } from './knowledge';
import {
  ANTOM_PUBLIC_KEY_MAX, BASE_URL_MAX, CLIENT_ID_MAX, CLIENT_ID_MESSAGES, CLIENT_ID_PATTERN, KEY_VERSION_MESSAGE, KEY_VERSION_PATTERN, NOTIFY_URL_MAX,
  NOTIFY_URL_TOO_LONG, PROFILE_NAME_MAX, PROFILE_NAME_MESSAGES, PROFILE_NAME_PATTERN,
} from './profile-rules';
import { CANCEL_CONFIRMATION } from './typed-confirmation';
import {
  ANTOM_APIS, CALL_TRIGGERS, ENVIRONMENTS, NOTIFICATION_VERIFICATIONS, NOTIFY_TYPES, REGIONS, REJECT_REASONS, RESPONSE_SIGNATURE_LABELS, RESULT_STATUS_FILTERS,
  type Environment, type NotificationVerification, type Region,
} from './vocabulary';
import type { DisputeView } from './dispute-views';
import type { ForwardStatusView } from './journal-views';
import type { JournalAccess } from './journal-access';
import { DISPUTE_EVIDENCE_MAX_CHARS, DISPUTE_EVIDENCE_TYPES } from './antom/wire-types';
import { PAYMENT_SORTS, paymentListFilterSchema, paymentListPageSchema, type PaymentListPage } from './payments-list';
import { AUDIT_DOORS, AUDIT_OUTCOMES, AUDITED_OPERATIONS, type AuditEntry } from './audit-views';
import {
  advanceSandboxClockSchema, sandboxFaultInputSchema, sendSandboxTestNotificationSchema, type SandboxClockView, type SandboxFaultView, type SandboxTestNotificationResult,
} from './sandbox-tools';

export const environmentSchema = z.enum(ENVIRONMENTS);
export type { Environment };

export const regionSchema = z.enum(REGIONS);
export type { Region };

export const profileNameSchema = z
  .string()
  .min(1, PROFILE_NAME_MESSAGES.required)
  .max(PROFILE_NAME_MAX, PROFILE_NAME_MESSAGES.tooLong)
  .regex(PROFILE_NAME_PATTERN, PROFILE_NAME_MESSAGES.pattern);

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
  /** rejectedNotStored: rejected POSTs answered but not stored (the receiver's budget for unverified senders was spent). */
  receiver: { running: boolean; url: string | undefined; rejectedNotStored?: number };
  /** Which door the page is behind: the Electron app, or the loopback browser preview (sandbox profiles only); 'cli' for antom-ops. */
  door: 'electron' | 'preview' | 'cli';
  /**
   * What the journal connection allows (a support login on a shared journal cannot record
   * money-moving calls); activeProfile.readOnly is already true when it cannot. Absent when the
   * journal could not be asked.
   */
  journalAccess?: JournalAccess;
}

// ---------------------------------------------------------------------------------------------
// Shared input pieces
// ---------------------------------------------------------------------------------------------

/** A result code the sandbox will answer with: Antom's codes are upper-case words joined by underscores. */
export const antomResultCode = z.string().max(64).regex(/^[A-Z][A-Z0-9_]*$/, 'must be an Antom result code: capital letters, digits and underscores, e.g. USER_BALANCE_NOT_ENOUGH');
const requestId = z.string().min(1).max(64).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');
const antomId = z.string().min(1).max(64);
const wireAmountSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 code'),
  value: z.string().regex(/^[1-9][0-9]{0,15}$/, 'must be a positive whole number of minor units'),
}).strict();
const isoTime = z.string().datetime({ offset: true });
const pageSchema = z.object({
  limit: z.number().int().min(1).max(500).optional(),
  cursor: z.string().max(200).optional(),
  offset: z.number().int().min(0).optional(),
}).strict();
const timeRange = { since: isoTime.optional(), until: isoTime.optional() };

const notifyTypeSchema = z.enum(NOTIFY_TYPES);
const rejectReasonSchema = z.enum(REJECT_REASONS);
const apiNameSchema = z.enum(ANTOM_APIS);

export const notificationFilterSchema = z.object({
  ...timeRange,
  notifyType: z.union([notifyTypeSchema, z.array(notifyTypeSchema)]).optional(),
  verification: z.enum(NOTIFICATION_VERIFICATIONS).optional(),
  rejectReason: z.union([rejectReasonSchema, z.array(rejectReasonSchema)]).optional(),
  acknowledged: z.boolean().optional(),
  resultCode: z.string().max(64).optional(),
  status: z.string().max(32).optional(),
  profile: z.string().max(64).optional(),
  anyId: z.string().max(64).optional(),
  text: z.string().max(200).optional(),
}).strict();

export const callFilterSchema = z.object({
  ...timeRange,
  api: z.union([apiNameSchema, z.array(apiNameSchema)]).optional(),
  resultStatus: z.enum(RESULT_STATUS_FILTERS).optional(),
  resultCode: z.string().max(64).optional(),
  responseSignature: z.enum(RESPONSE_SIGNATURE_LABELS).optional(),
  profile: z.string().max(64).optional(),
  trigger: z.enum(CALL_TRIGGERS).optional(),
  callId: z.string().max(64).optional(),
  anyId: z.string().max(64).optional(),
  text: z.string().max(200).optional(),
}).strict();

/** The Audit view's filters (src-shared/audit-views.ts AuditFilter). person: "user@host", or a user name alone. */
const auditFilterSchema = z.object({
  ...timeRange,
  person: z.string().max(300).optional(),
  operation: z.union([z.enum(AUDITED_OPERATIONS), z.array(z.enum(AUDITED_OPERATIONS))]).optional(),
  profile: z.string().max(64).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  door: z.enum(AUDIT_DOORS).optional(),
  anyId: z.string().max(64).optional(),
}).strict();

/**
 * Production profiles: a money-moving call must carry the amount the operator typed to confirm
 * it, in display units ("12.34"); main compares it with the amount sent. Ignored elsewhere.
 */
const typedConfirmation = z.string().max(32).optional();

// ---------------------------------------------------------------------------------------------
// Outputs that are not journal views
// ---------------------------------------------------------------------------------------------

export interface SandboxPaymentView {
  paymentId: string;
  paymentRequestId: string;
  paymentStatus: string;
  state: string;
  resultCode: string;
  amount: { currency: string; value: string };
  isAuthorization: boolean;
  capturedValue: string;
  refundedValue: string;
}

export interface AwaitingCapture {
  paymentId: string;
  paymentRequestId: string | null;
  profile: string | null;
  authorised: { currency: string; value: string; display: string };
  captured: { currency: string; value: string; display: string };
  uncaptured: { currency: string; value: string; display: string };
  authExpiryTime: string | null;
  lastSeenAt: string;
}

interface OverviewCurrencyMoney {
  currency: string;
  payments: number;
  /** Gross: everything Antom authorised (SUCCESS), including what was later cancelled. */
  authorised: { currency: string; value: string; display: string };
  captured: { currency: string; value: string; display: string };
  refunded: { currency: string; value: string; display: string };
  /** Authorised, then cancelled or expired without capture. */
  released: { currency: string; value: string; display: string };
  chargedBack: { currency: string; value: string; display: string };
  /** captured - refunded - chargedBack. */
  net: { currency: string; value: string; display: string };
}

export interface OverviewStats {
  since: string;
  until: string;
  /** Payments with activity in the range, by their derived state (summarisePayment: CANCELLED, PAID, CAPTURED, ...). */
  paymentsByStatus: Array<{ status: string; count: number }>;
  /** Money of those payments per currency, from the same derived summaries. Values are minor units. */
  moneyByCurrency: OverviewCurrencyMoney[];
  /** Captured authorisations / all authorisations in the range (0..1), null when there are none. */
  captureRate: number | null;
  authorisations: number;
  capturedAuthorisations: number;
  latency: Array<{ bucketStart: string; p50: number; p95: number; calls: number }>;
  topResultCodes: Array<{ resultCode: string; resultStatus: string; count: number }>;
  notifications: { verified: number; rejected: number; duplicates: number };
  callsTotal: number;
}

/** A replay as recorded on the notification, plus what the user should know about it. */
export interface ReplayResult extends Omit<NotificationReplayRecord, 'id'> {
  /** The notification that was replayed. */
  id: number;
  /** e.g. "the signature was made for /antom/notify; the target path differs, so it will not verify". */
  notes: string[];
}

export interface ExportFile {
  filename: string;
  mimeType: 'text/csv' | 'application/json';
  content: string;
  rows: number;
}

export interface ExplainLogResult {
  codes: CodeMention[];
  /** IDs found in the text that the journal knows, with the payments they belong to. */
  ids: Array<{ id: string; payments: Array<{ paymentRequestId: string | null; paymentId: string | null }> }>;
}

export interface SignatureLabResult {
  valid: boolean;
  contentToSign: string;
  reason: string | undefined;
  /** Checks of the usual mistakes, each with whether it explains the failure. */
  diagnosis: Array<{ check: string; finding: string; likelyCause: boolean }>;
}

export interface JournalInfo extends JournalSettings {
  file: string;
  fileBytes: number;
  counts: { calls: number; notifications: number; attempts: number };
}

/** Which journal the console uses (the header and Settings show it). Never carries a password. */
export interface JournalConnection {
  engine: 'sqlite' | 'postgres';
  /** How it was chosen: the embedded default, Settings (can be detached), or a database URL given at start. */
  source: 'embedded' | 'settings' | 'startup';
  /** For the header: "embedded (SQLite)" or "shared — host/db as role". */
  label: string;
  /** The SQLite file, or the database URL without its password. */
  where: string;
  host: string | undefined;
  database: string | undefined;
  role: string | undefined;
  /** Settings names a shared journal that could not be opened at start: why. The console runs on the embedded file meanwhile. */
  attachError: ConsoleErrorShape | undefined;
}

// ---------------------------------------------------------------------------------------------
// The operations
// ---------------------------------------------------------------------------------------------

const empty = z.object({}).strict();

export const operations = {
  // status, profiles, keys, settings
  getAppStatus: { input: empty },
  listProfiles: { input: empty },
  createProfile: {
    // The field rules of src-shared/profile-rules.ts; main then checks the whole profile with checkProfile().
    input: z.object({
      name: profileNameSchema, environment: environmentSchema, region: regionSchema, baseUrl: z.string().max(BASE_URL_MAX).optional(),
      clientId: z.string().min(1, CLIENT_ID_MESSAGES.required).max(CLIENT_ID_MAX, CLIENT_ID_MESSAGES.tooLong).regex(CLIENT_ID_PATTERN, CLIENT_ID_MESSAGES.pattern),
      keyVersion: z.string().regex(KEY_VERSION_PATTERN, KEY_VERSION_MESSAGE).optional(), antomPublicKey: z.string().max(ANTOM_PUBLIC_KEY_MAX).optional(),
      notifyUrl: z.string().max(NOTIFY_URL_MAX, NOTIFY_URL_TOO_LONG).optional(), readOnly: z.boolean().optional(),
    }).strict(),
  },
  deleteProfile: { input: z.object({ name: profileNameSchema }).strict() },
  setActiveProfile: { input: z.object({ name: profileNameSchema }).strict() },
  setProfileReadOnly: { input: z.object({ name: profileNameSchema, readOnly: z.boolean() }).strict() },
  /** The key text goes into main and straight to the keychain; it never comes back. */
  importPrivateKey: { input: z.object({ profile: profileNameSchema, keyText: z.string().min(1).max(16384), sessionOnly: z.boolean().optional(), replaceExisting: z.boolean().optional() }).strict() },
  generateKeyPair: { input: z.object({ profile: profileNameSchema, sessionOnly: z.boolean().optional() }).strict() },
  setAntomPublicKey: { input: z.object({ profile: profileNameSchema, keyText: z.string().min(1).max(8192) }).strict() },
  getJournalInfo: { input: empty },
  setRetentionDays: { input: z.object({ days: z.number().int().min(1).max(3650) }).strict() },
  pruneJournal: { input: z.object({ olderThanDays: z.number().int().min(1).max(3650).optional() }).strict() },
  getJournalConnection: { input: empty },
  /** The password goes into main and straight to the keychain (in the URL or apart); it never comes back. */
  attachJournal: {
    input: z.object({
      url: z.string().trim().min(1, 'is required').max(2048).regex(/^postgres(ql)?:\/\//i, 'must be a postgres:// or postgresql:// URL'),
      password: z.string().max(1024).optional(),
    }).strict(),
  },
  detachJournal: { input: empty },

  // signed Antom calls (the active profile)
  createPaymentSession: { input: z.object({ body: z.record(z.string(), z.unknown()) }).strict() },
  inquiryPayment: { input: z.object({ paymentRequestId: requestId.optional(), paymentId: antomId.optional(), trigger: z.enum(['user', 'poller']).optional() }).strict() },
  capture: { input: z.object({ paymentId: antomId, amount: wireAmountSchema, captureRequestId: requestId.optional(), isLastCapture: z.boolean().optional(), confirmation: typedConfirmation }).strict() },
  cancel: { input: z.object({ paymentId: antomId.optional(), paymentRequestId: requestId.optional(), confirmation: z.literal(CANCEL_CONFIRMATION).optional() }).strict() },
  refund: { input: z.object({ paymentId: antomId, amount: wireAmountSchema, refundRequestId: requestId.optional(), refundReason: z.string().max(256).optional(), confirmation: typedConfirmation }).strict() },
  inquiryRefund: { input: z.object({ refundRequestId: requestId.optional(), refundId: antomId.optional() }).strict() },
  // disputes (Antom reference: acceptDispute, supplyDefenseDocument, downloadDisputeEvidence)
  /** Production: confirmation must be the disputeId, typed by the operator. */
  acceptDispute: { input: z.object({ disputeId: antomId, confirmation: z.string().max(64).optional() }).strict() },
  /** disputeEvidence: the document in Base64, at most 1,000,000 characters (Antom's limit). */
  supplyDefenseDocument: {
    input: z.object({
      disputeId: antomId,
      disputeEvidence: z.string().min(1).max(DISPUTE_EVIDENCE_MAX_CHARS, 'must be at most 1,000,000 Base64 characters (about 750 KB of document)').regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be Base64'),
      confirmation: z.string().max(64).optional(),
    }).strict(),
  },
  downloadDisputeEvidence: { input: z.object({ disputeId: antomId, disputeEvidenceType: z.enum(DISPUTE_EVIDENCE_TYPES) }).strict() },
  /** Disputes from the journal: open ones first, soonest defense deadline first. */
  listDisputes: { input: empty },
  /** Embedded sandbox only: act as the buyer. */
  sandboxBuyerAction: { input: z.object({ id: z.string().min(1).max(64), outcome: z.enum(['success', 'fail', 'processing', 'cancel', 'expire']), resultCode: antomResultCode.optional() }).strict() },
  // embedded sandbox tools for integrators (issue 9 §4); refused on any other profile
  listSandboxFaults: { input: empty },
  /** Add one fault (or, with replace, make it the only one). */
  setSandboxFaults: { input: z.object({ fault: sandboxFaultInputSchema, replace: z.boolean().optional() }).strict() },
  clearSandboxFaults: { input: empty },
  getSandboxClock: { input: empty },
  advanceSandboxClock: { input: advanceSandboxClockSchema },
  /** Have the sandbox send one payment's notification of this type again, signed, to its notify URL. */
  sendSandboxTestNotification: { input: sendSandboxTestNotificationSchema },

  // the journal
  listNotifications: { input: z.object({ filter: notificationFilterSchema.optional(), page: pageSchema.optional() }).strict() },
  getNotification: { input: z.object({ id: z.number().int().positive() }).strict() },
  replayNotification: { input: z.object({ id: z.number().int().positive(), toUrl: z.string().url().max(2048), mode: z.enum(['as-received', 're-signed']) }).strict() },
  /** The relay (--forward-to): send again, from now, a forward the merchant's backend has not accepted. A write: refused for read-only profiles. */
  resendForward: { input: z.object({ id: z.number().int().positive() }).strict() },
  exportNotifications: { input: z.object({ filter: notificationFilterSchema.optional(), format: z.enum(['csv', 'json']) }).strict() },
  listCalls: { input: z.object({ filter: callFilterSchema.optional(), page: pageSchema.optional() }).strict() },
  getCall: { input: z.object({ id: z.number().int().positive() }).strict() },
  exportCalls: { input: z.object({ filter: callFilterSchema.optional(), format: z.enum(['csv', 'json']) }).strict() },
  getTimeline: { input: z.object({ id: z.string().min(1).max(64) }).strict() },
  /** The Payments list (issue 9 §1): keyset pages of payment summaries. */
  listPayments: { input: z.object({ filter: paymentListFilterSchema.optional(), sort: z.enum(PAYMENT_SORTS).optional(), page: paymentListPageSchema.optional() }).strict() },
  exportPayments: { input: z.object({ filter: paymentListFilterSchema.optional(), sort: z.enum(PAYMENT_SORTS).optional(), format: z.enum(['csv', 'json']) }).strict() },
  findById: { input: z.object({ id: z.string().min(1).max(64) }).strict() },
  listAwaitingCapture: { input: empty },
  listMismatches: { input: z.object({ ...timeRange }).strict() },
  getOverview: { input: z.object({ since: isoTime, until: isoTime, buckets: z.number().int().min(1).max(200).optional() }).strict() },
  // the audit trail: who sent what, intents of money-moving calls and their outcomes
  listAudit: { input: z.object({ filter: auditFilterSchema.optional(), page: pageSchema.optional() }).strict() },
  exportAudit: { input: z.object({ filter: auditFilterSchema.optional(), format: z.enum(['csv', 'json']) }).strict() },

  // troubleshooting
  explainLog: { input: z.object({ text: z.string().min(1).max(100_000) }).strict() },
  verifySignatureLab: {
    input: z.object({
      profile: profileNameSchema.optional(),
      /** A public key to check against instead of the profile's Antom public key. */
      publicKey: z.string().max(8192).optional(),
      method: z.string().max(10).optional(),
      path: z.string().min(1).max(2048),
      clientId: z.string().min(1).max(64),
      time: z.string().min(1).max(64),
      body: z.string().max(1_000_000),
      signature: z.string().min(1).max(4096),
    }).strict(),
  },
} as const;

interface OperationOutputs {
  getAppStatus: AppStatus;
  listProfiles: ProfileSummary[];
  createProfile: { profile: ProfileSummary; warnings: string[] };
  deleteProfile: { deleted: string };
  setActiveProfile: ProfileSummary;
  setProfileReadOnly: ProfileSummary;
  importPrivateKey: { merchantPublicKey: string };
  generateKeyPair: { merchantPublicKey: string; merchantPublicKeyPem: string };
  setAntomPublicKey: ProfileSummary;
  getJournalInfo: JournalInfo;
  setRetentionDays: JournalInfo;
  pruneJournal: PruneResult;
  getJournalConnection: JournalConnection;
  attachJournal: JournalConnection;
  detachJournal: JournalConnection;
  createPaymentSession: CallOutcome<unknown>;
  inquiryPayment: CallOutcome<unknown>;
  capture: CallOutcome<unknown>;
  cancel: CallOutcome<unknown>;
  refund: CallOutcome<unknown>;
  inquiryRefund: CallOutcome<unknown>;
  sandboxBuyerAction: SandboxPaymentView;
  listSandboxFaults: SandboxFaultView[];
  setSandboxFaults: SandboxFaultView[];
  clearSandboxFaults: SandboxFaultView[];
  getSandboxClock: SandboxClockView;
  advanceSandboxClock: SandboxClockView;
  sendSandboxTestNotification: SandboxTestNotificationResult;
  acceptDispute: CallOutcome<unknown>;
  supplyDefenseDocument: CallOutcome<unknown>;
  downloadDisputeEvidence: CallOutcome<unknown>;
  listDisputes: DisputeView[];
  listNotifications: Page<NotificationSummary>;
  getNotification: NotificationDetailView;
  replayNotification: ReplayResult;
  resendForward: ForwardStatusView[];
  exportNotifications: ExportFile;
  listCalls: Page<CallSummary>;
  getCall: CallDetail;
  exportCalls: ExportFile;
  getTimeline: PaymentTimeline | null;
  listPayments: PaymentListPage;
  exportPayments: ExportFile;
  findById: FindByIdResult;
  listAwaitingCapture: AwaitingCapture[];
  listMismatches: MismatchFlag[];
  getOverview: OverviewStats;
  listAudit: Page<AuditEntry>;
  exportAudit: ExportFile;
  explainLog: ExplainLogResult;
  verifySignatureLab: SignatureLabResult;
}

/** Operations that move money or act for the buyer: hidden and refused for read-only profiles. */
export const MONEY_MOVING_OPERATIONS = ['createPaymentSession', 'capture', 'cancel', 'refund', 'sandboxBuyerAction', 'acceptDispute', 'supplyDefenseDocument'] as const satisfies readonly OperationName[];

export type OperationName = keyof typeof operations;
export type OperationInput<N extends OperationName> = z.infer<(typeof operations)[N]['input']>;
export type OperationOutput<N extends OperationName> = OperationOutputs[N];

export type OperationResult<T> = { ok: true; value: T } | { ok: false; error: ConsoleErrorShape };

/** What the composition root returns and every door calls. Handlers receive validated input. */
export type HandlerTable = { [N in OperationName]: (input: OperationInput<N>) => Promise<OperationOutput<N>> };

/** Events main pushes to the page (IPC in Electron, server-sent events in the preview). */
export interface PushPayloads {
  notificationStored: { id: number; notifyType: string; verification: NotificationVerification; paymentId: string | null; paymentRequestId: string | null; duplicate: boolean };
  callRecorded: { api: string; paymentId: string | null; paymentRequestId: string | null; resultStatus: string | null };
}
