/**
 * What every handler module is given: the core's services, nothing else. Handlers are plain
 * functions over this context so each domain lives in its own small module and tests can build
 * the whole table from a real core.
 */
import type { AntomClient } from '../client';
import type { SecretStore } from '../keychain/secret-store';
import type { ProfileService } from '../profiles/profile-service';
import type { Journal } from '../journal/journal';
import type { RunningSandbox } from '../sandbox/start-sandbox';
import type { NotificationReceiver } from '../receiver/notification-receiver';
import type { JournalAttachments } from '../journal-attachment/journal-attachments';

export type Door = 'electron' | 'preview' | 'cli';

/**
 * What one door asks of the handler table for its calls, without changing anything persisted:
 * the CLI's `--profile NAME` acts for that profile for one invocation while profiles.json keeps
 * its active profile, and its calls are journaled with trigger 'cli'.
 */
export interface DispatchScope {
  /** Act for this profile instead of the persisted active one. */
  profile?: string;
  /** Who started the calls, as the journal records it. Default 'user'. */
  trigger?: 'user' | 'cli';
}

export interface HandlerContext {
  dataDir: string;
  version: string;
  door: Door;
  profiles: ProfileService;
  journal: Journal;
  /** Which journal is in use; attach / detach a shared one (Settings). */
  journals: JournalAttachments;
  secrets: SecretStore;
  /** The embedded sandbox running in this process, if any. */
  sandbox: RunningSandbox | undefined;
  receiver: NotificationReceiver | undefined;
  /** The embedded sandbox's URL: this process's, or another process's from the runtime file. */
  sandboxBaseUrl(): string | undefined;
  /** The embedded sandbox's Antom public key (SPKI base64) when one is known. */
  sandboxAntomPublicKey(): string | undefined;
  clientFor(profileName?: string): Promise<AntomClient>;
  log(line: string): void;
  /** This table's scope (see DispatchScope); the doors' shared table has none. */
  scope: DispatchScope;
}
