/**
 * The composition root: builds every core service from config and returns the handler table
 * that all three doors (Electron IPC, browser preview, CLI) call. Plain Node; never imports
 * electron, so tests, the CLI and the preview run exactly what the app runs.
 */
import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HandlerTable, ProfileSummary } from '../../src-shared/contract';
import { ConsoleError } from '../../src-shared/errors';
import { resolveDataDir } from './data-dir';
import { KeytarSecretStore } from './keychain/keytar-secret-store';
import { SessionSecretStore } from './keychain/session-secret-store';
import { DEFAULT_KEYCHAIN_SERVICE, type SecretStore } from './keychain/secret-store';
import { ProfileService } from './profiles/profile-service';
import { parsePublicKey } from './keys/parse-keys';
import { AntomClient, gatewayBaseUrl, journalSessionLookup, type AntomClientOptions, type ClientProfile } from './client';
import type { Journal } from './journal/journal';
import { openJournal } from './journal/open-journal';
import { createJournalSwitch } from './journal/journal-switch';
import { JournalAttachments, type JournalInUse } from './journal-attachment/journal-attachments';
import { startSandbox, type RunningSandbox } from './sandbox/start-sandbox';
import { startNotificationReceiver, type NotificationReceiver } from './receiver/notification-receiver';
import type { Verifier } from './receiver/verify-notification';
import { clearSandboxRuntime, readSandboxRuntime, writeSandboxRuntime } from './embedded-sandbox-runtime';
import type { CallRecorder } from './client/call-record';
import { buildHandlerTable } from './handlers/handler-table';
import type { DispatchScope, Door, HandlerContext } from './handlers/handler-context';
import { PushHub } from './push-hub';
import { regionSignForRegion } from '../../src-shared/antom/payment-session-data-encode';
import { auditDoorOf, localActor } from './audit/local-actor';

export interface CoreConfig {
  dataDir?: string;
  /** A shared PostgreSQL journal (postgres:// URL) instead of the data directory's SQLite file. */
  databaseUrl?: string;
  /** The app's version; the Electron shell passes app.getVersion() (a bundle cannot find package.json). */
  version?: string;
  /** Keychain service name; tests pass a unique one. */
  secretServiceName?: string;
  /** Replace the OS keychain (tests of the locked/absent keychain paths pass a failing store). */
  secrets?: SecretStore;
  /** Create the embedded sandbox profile with fresh keys on a fresh install. Default true. */
  ensureDefaultProfile?: boolean;
  /** Run the embedded sandbox in this process (the app and the browser preview do). */
  startEmbeddedSandbox?: boolean;
  /**
   * This process will run the embedded sandbox (default: startEmbeddedSandbox), so it may
   * replace that profile's keys when they are gone (session-only keys of an earlier run). Any
   * other process (a one-shot CLI command) never replaces them: the running console may hold
   * them in its memory, and new keys would break every signed call it makes.
   */
  ownsEmbeddedSandbox?: boolean;
  sandboxPort?: number;
  sandboxTimeScale?: number;
  /** Run the notification receiver in this process; the embedded sandbox notifies it by default. */
  startReceiver?: boolean;
  receiverPort?: number;
  receiverPath?: string;
  /** Client tuning (tests shorten backoff). */
  clientOptions?: Pick<AntomClientOptions, 'retry' | 'sleep'>;
  timeoutMs?: number;
  log?: (line: string) => void;
  /** Which door serves this core (getAppStatus reports it). Default 'electron'. */
  door?: Door;
  /**
   * Push what OTHER receivers and consoles write to a shared (PostgreSQL) journal, as
   * notificationStored / callRecorded events. Default: on, except for the CLI door.
   */
  liveUpdates?: boolean;
  /**
   * Open the shared journal Settings attached (journal-attachment/) when no databaseUrl is given.
   * Default: on, except for the CLI door (its commands name --database / ANTOM_OPS_DATABASE_URL).
   */
  useJournalAttachment?: boolean;
}

export interface Core {
  dataDir: string;
  profiles: ProfileService;
  journal: Journal;
  sandbox: RunningSandbox | undefined;
  receiver: NotificationReceiver | undefined;
  /** A signed client for a profile (the active one by default), recording into the journal. */
  clientFor(profileName?: string, trigger?: 'user' | 'cli' | 'poller'): Promise<AntomClient>;
  /** The gateway origin a profile's calls go to right now. */
  baseUrlFor(profile: ProfileSummary): string;
  handlers: HandlerTable;
  /** The same handlers over a per-dispatch scope (the CLI's --profile and trigger 'cli'); nothing persisted changes. */
  handlersFor(scope: DispatchScope): HandlerTable;
  /** Push events (notificationStored, callRecorded) for the doors to forward to the page. */
  push: PushHub;
  /** Which journal is in use, and attaching / detaching a shared one (Settings). */
  journals: JournalAttachments;
  close(): Promise<void>;
}

function packageVersion(): string {
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    return (JSON.parse(readFileSync(join(here, '../../package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export async function createCore(config: CoreConfig = {}): Promise<Core> {
  const dataDir = resolveDataDir(config.dataDir);
  const log = config.log ?? (() => undefined);
  // ANTOM_OPS_KEYCHAIN_SERVICE lets tests (and a second install) keep their items apart from the real ones.
  const service = config.secretServiceName ?? process.env.ANTOM_OPS_KEYCHAIN_SERVICE ?? DEFAULT_KEYCHAIN_SERVICE;
  const secrets: SecretStore = config.secrets ?? new KeytarSecretStore({ service });
  const sessionSecrets = new SessionSecretStore();
  const profiles = new ProfileService({ dataDir, secrets, sessionSecrets });
  const onRecordError = (error: unknown): void => log(`journal: a call could not be recorded: ${String(error)}`);
  const door = config.door ?? 'electron';
  const push = new PushHub((error) => log(`push: a listener failed: ${String(error)}`));
  const journals = new JournalAttachments({ dataDir, secrets, onRecordError, log });
  let initial: JournalInUse;
  if (config.databaseUrl) {
    initial = { journal: await openJournal({ engine: 'postgres', url: config.databaseUrl, onRecordError }), source: 'startup' };
  } else {
    initial = await journals.openAtStart({ useAttachment: config.useJournalAttachment ?? door !== 'cli' });
  }
  // The journal in use can be swapped (Settings: attach / detach) under everything that holds it.
  const journalSwitch = await createJournalSwitch(initial.journal, {
    log,
    ...((config.liveUpdates ?? door !== 'cli') ? {
      live: {
        // Another receiver stored a notification, or another console recorded a call: the page refreshes as for its own.
        onChange: (change) => (change.kind === 'notificationStored' ? push.emit('notificationStored', change.payload) : push.emit('callRecorded', change.payload)),
        onError: (error) => log(`journal: live updates: ${String(error)}`),
      },
    } : {}),
  });
  journals.bind(journalSwitch, initial);
  const journal = journalSwitch.journal;
  const actor = localActor(auditDoorOf(config.door ?? 'electron'));
  // Every attempt goes to the journal first, then the page hears about it.
  const recorder: CallRecorder = {
    async record(call) {
      await journal.recorder().record(call);
      push.emit('callRecorded', { api: call.api, paymentId: call.ids.paymentId ?? null, paymentRequestId: call.ids.paymentRequestId ?? null, resultStatus: call.resultStatus ?? null });
    },
  };

  let sandbox: RunningSandbox | undefined;
  let receiver: NotificationReceiver | undefined;
  const closers: Array<() => Promise<void> | void> = [() => journalSwitch.close()];

  try {
    const ownsSandbox = config.ownsEmbeddedSandbox ?? config.startEmbeddedSandbox === true;
    // Even a process that means to run the sandbox leaves the keys alone while another live
    // process (a console, `antom-ops sandbox start`) runs this data directory's sandbox.
    const otherOwner = readSandboxRuntime(dataDir);
    const mayReplaceKeys = ownsSandbox && (otherOwner === undefined || otherOwner.pid === process.pid);
    const embedded = config.ensureDefaultProfile === false ? undefined : await profiles.ensureDefaultEmbeddedProfile({ replaceMissingKeys: mayReplaceKeys });

    if (config.startReceiver) {
      receiver = await startNotificationReceiver({
        port: config.receiverPort ?? 0,
        ...(config.receiverPath ? { path: config.receiverPath } : {}),
        sink: journal,
        resolveVerifier: await verifierResolver(profiles),
        onError: (error) => log(`receiver: ${String(error)}`),
        // Called after the notification is committed, so a page that re-reads finds it.
        onStored: (ref, n) => push.emit('notificationStored', {
          id: ref.id, notifyType: n.notifyType, verification: n.verification, paymentId: n.ids.paymentId ?? null,
          paymentRequestId: n.ids.paymentRequestId ?? null, duplicate: ref.duplicateOf !== undefined,
        }),
      });
      closers.unshift(() => receiver?.close());
    }

    if (config.startEmbeddedSandbox && embedded) {
      const antomKey = await profiles.loadSandboxAntomKey(embedded.name);
      const embeddedProfiles = (await profiles.list()).filter((p) => p.environment === 'embedded' && p.merchantPublicKey);
      sandbox = await startSandbox({
        port: config.sandboxPort ?? 0,
        antomPrivateKeyPkcs8Base64: antomKey,
        // The region sign in each merchant's paymentSessionData follows its profile's gateway region.
        merchants: embeddedProfiles.map((p) => ({ clientId: p.clientId, merchantPublicKeyBase64: p.merchantPublicKey!, regionSign: regionSignForRegion(p.region) })),
        timeScale: config.sandboxTimeScale ?? 1,
        ...(receiver ? { defaultNotifyUrl: receiver.url } : {}),
        log,
      });
      writeSandboxRuntime(dataDir, { pid: process.pid, baseUrl: sandbox.baseUrl, antomPublicKey: sandbox.antomPublicKeyBase64, profile: embedded.name, startedAt: new Date().toISOString() });
      const running = sandbox;
      closers.unshift(async () => {
        clearSandboxRuntime(dataDir);
        await running.close();
      });
    }
  } catch (error) {
    for (const close of closers) await close();
    throw error;
  }

  function baseUrlFor(profile: ProfileSummary): string {
    if (profile.environment === 'embedded') {
      const url = sandbox?.baseUrl ?? readSandboxRuntime(dataDir)?.baseUrl;
      if (!url) {
        throw new ConsoleError('NOT_FOUND', 'The embedded Antom sandbox is not running.', 'Open the console (npm start / npm run preview), or start it in another terminal with `antom-ops sandbox start`.');
      }
      return url;
    }
    return gatewayBaseUrl(profile.region, profile.baseUrl);
  }

  async function clientFor(profileName?: string): Promise<AntomClient> {
    const summary = profileName ? await profiles.get(profileName) : await profiles.getActive();
    if (!summary) {
      throw new ConsoleError('PROFILE_NOT_FOUND', 'No profile is active.', 'Create one with `antom-ops profiles create`, or pick one with `antom-ops profiles use NAME`.');
    }
    const privateKey = await profiles.loadPrivateKey(summary.name);
    const antomPublicKey: KeyObject | undefined = summary.antomPublicKey ? parsePublicKey(summary.antomPublicKey).keyObject : undefined;
    const clientProfile: ClientProfile = {
      name: summary.name,
      environment: summary.environment,
      baseUrl: baseUrlFor(summary),
      clientId: summary.clientId,
      keyVersion: summary.keyVersion,
      privateKey,
      antomPublicKey,
      ...(config.timeoutMs ? { timeoutMs: config.timeoutMs } : {}),
    };
    // Every call carries who sent it; money-moving ones are on record before they are sent (in the
    // journal in use now: Settings can switch it, so the trail is taken per client, not once).
    return new AntomClient(clientProfile, {
      recorder, ledger: journal.requestIdLedger(), sessions: journalSessionLookup(journal), actor, intents: journal.auditTrail(), ...config.clientOptions,
    });
  }

  const version = config.version ?? packageVersion();
  const context: HandlerContext = {
    dataDir,
    version,
    door,
    profiles,
    journal,
    journals,
    secrets,
    sandbox,
    receiver,
    sandboxBaseUrl: () => sandbox?.baseUrl ?? readSandboxRuntime(dataDir)?.baseUrl,
    sandboxAntomPublicKey: () => sandbox?.antomPublicKeyBase64 ?? readSandboxRuntime(dataDir)?.antomPublicKey,
    clientFor,
    log,
    scope: {},
  };
  const handlers = buildHandlerTable(context);

  return {
    dataDir,
    profiles,
    journal,
    sandbox,
    receiver,
    clientFor,
    baseUrlFor,
    handlers,
    handlersFor: (scope) => buildHandlerTable({ ...context, scope }),
    push,
    journals,
    async close() {
      for (const close of closers) await close();
    },
  };
}

/**
 * The receiver picks the Antom public key by the notification's client-id. Profiles are read
 * once and refreshed on a miss, so a profile added while the receiver runs is found too.
 */
async function verifierResolver(profiles: ProfileService): Promise<(clientId: string) => Verifier | undefined> {
  let byClientId = new Map<string, Verifier>();
  let refreshing: Promise<void> | undefined;
  const refresh = async () => {
    const next = new Map<string, Verifier>();
    for (const p of await profiles.list()) {
      if (!p.antomPublicKey) continue;
      try {
        next.set(p.clientId, { profile: p.name, antomPublicKey: parsePublicKey(p.antomPublicKey).keyObject });
      } catch {
        // a profile with an unusable key cannot verify anything; its notifications are rejected as unknown-client-id
      }
    }
    byClientId = next;
  };
  await refresh();
  return (clientId: string) => {
    const hit = byClientId.get(clientId);
    if (!hit && !refreshing) {
      refreshing = refresh().finally(() => { refreshing = undefined; });
    }
    return hit;
  };
}
