/**
 * Which journal the console uses, and Settings' attach / detach of a shared PostgreSQL journal
 * for the whole console (issue 7 §2).
 *
 * Where each part lives:
 * - the URL without its password: journal-attachment.json in the data directory;
 * - the password: the OS keychain (the console's SecretStore, its own item
 *   "journal:<host>/<database>"), never a file, a log line or the renderer;
 * - the open journal: the JournalSwitch (journal/journal-switch.ts), swapped in place so the
 *   receiver, the sandbox and the doors keep running.
 *
 * Attaching checks first (connect, schema version: shared-journal-check.ts) and saves nothing
 * unless the journal opened. Detaching goes back to the data directory's SQLite file and deletes
 * the keychain item. At start, a saved attachment that cannot be opened (server down, keychain
 * locked) leaves the console on the embedded file and says why (attachError), rather than not
 * starting at all.
 *
 * Scope: the whole console. A per-profile journal would need several journals open at once
 * (one receiver storing into whichever the notification's client-id belongs to, timelines
 * reading across them), which is a different design; not done here.
 */
import type { JournalConnection } from '../../../src-shared/contract';
import { ConsoleError, toErrorShape } from '../../../src-shared/errors';
import type { CallRecord } from '../client/call-record';
import type { SecretStore } from '../keychain/secret-store';
import type { Journal } from '../journal/journal';
import type { JournalSwitch } from '../journal/journal-switch';
import { openJournal } from '../journal/open-journal';
import { readAttachment, removeAttachment, writeAttachment } from './attachment-file';
import { checkSharedJournal, hostAndDatabase, journalSecretAccount, sharedJournalTarget, type SharedJournalTarget } from './shared-journal-check';

/** A journal opened at start, with how it was chosen. */
export interface JournalInUse {
  journal: Journal;
  source: JournalConnection['source'];
  role?: string | undefined;
  attachError?: ConsoleError | undefined;
}

interface JournalAttachmentsOptions {
  dataDir: string;
  secrets: SecretStore;
  onRecordError?: (error: unknown, call: CallRecord) => void;
  log?: (line: string) => void;
}

export class JournalAttachments {
  private switch: JournalSwitch | undefined;
  private inUse: Omit<JournalInUse, 'journal'> = { source: 'embedded' };
  /** Attach / detach one at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: JournalAttachmentsOptions) {}

  private openEmbedded(): Promise<Journal> {
    return openJournal({ dataDir: this.options.dataDir, ...(this.options.onRecordError ? { onRecordError: this.options.onRecordError } : {}) });
  }

  private async openShared(target: SharedJournalTarget): Promise<{ journal: Journal; role: string }> {
    const { role } = await checkSharedJournal(target);
    const journal = await openJournal({ engine: 'postgres', url: target.connectUrl, ...(this.options.onRecordError ? { onRecordError: this.options.onRecordError } : {}) });
    return { journal, role };
  }

  /** The journal to start with: the attached shared one when asked and possible, else the embedded file. */
  async openAtStart(options: { useAttachment: boolean }): Promise<JournalInUse> {
    if (options.useAttachment) {
      let saved;
      try {
        saved = await readAttachment(this.options.dataDir);
        if (saved) {
          const account = journalSecretAccount(hostAndDatabase(saved.url));
          const password = await this.options.secrets.get(account);
          const { journal, role } = await this.openShared(sharedJournalTarget(saved.url, password));
          return { journal, source: 'settings', role };
        }
      } catch (error) {
        const attachError = error instanceof ConsoleError
          ? error
          : new ConsoleError('INTERNAL', `The shared journal could not be opened: ${String(error)}.`, 'Open Settings to attach it again, or detach it.');
        this.options.log?.(`journal: the shared journal from Settings could not be opened; using the embedded journal: ${attachError.message}`);
        return { journal: await this.openEmbedded(), source: 'embedded', attachError };
      }
    }
    return { journal: await this.openEmbedded(), source: 'embedded' };
  }

  /** Called once by the composition root with the switch holding the journal in use. */
  bind(journalSwitch: JournalSwitch, initial: JournalInUse): void {
    this.switch = journalSwitch;
    this.inUse = { source: initial.source, role: initial.role, attachError: initial.attachError };
  }

  private journalSwitch(): JournalSwitch {
    if (!this.switch) throw new ConsoleError('INTERNAL', 'The journal is not open yet.', 'Try again in a moment.');
    return this.switch;
  }

  /** What the header and Settings show. Never a password. */
  connection(): JournalConnection {
    const journal = this.journalSwitch().current();
    const attachError = this.inUse.attachError ? toErrorShape(this.inUse.attachError) : undefined;
    if (journal.engine === 'sqlite') {
      return { engine: 'sqlite', source: 'embedded', label: 'embedded (SQLite)', where: journal.describe(), host: undefined, database: undefined, role: undefined, attachError };
    }
    const where = journal.describe();
    const { host, database } = hostAndDatabase(where);
    const role = this.inUse.role ?? (decodeURIComponent(new URL(where).username) || process.env.PGUSER || 'unknown role');
    return { engine: 'postgres', source: this.inUse.source, label: `shared — ${host}/${database} as ${role}`, where, host, database, role, attachError };
  }

  /** Check, open, keep the password in the keychain and the URL in the data directory, then switch. */
  attach(input: { url: string; password?: string | undefined }): Promise<JournalConnection> {
    return this.serialised(async () => {
      const target = sharedJournalTarget(input.url, input.password);
      const { journal, role } = await this.openShared(target);
      try {
        const previous = await readAttachment(this.options.dataDir);
        const account = journalSecretAccount(target);
        if (target.password !== undefined) await this.options.secrets.set(account, target.password);
        else await this.options.secrets.delete(account);
        if (previous) {
          const previousAccount = journalSecretAccount(hostAndDatabase(previous.url));
          if (previousAccount !== account) await this.forgetPassword(previousAccount);
        }
        await writeAttachment(this.options.dataDir, { url: target.publicUrl, role, attachedAt: new Date().toISOString() });
      } catch (error) {
        await journal.close().catch(() => undefined);
        throw error;
      }
      await this.journalSwitch().replace(journal);
      this.inUse = { source: 'settings', role };
      this.options.log?.(`journal: attached the shared journal ${target.publicUrl} as ${role}`);
      return this.connection();
    });
  }

  /** Back to the data directory's SQLite file; the saved URL and the keychain item are removed. */
  detach(): Promise<JournalConnection> {
    return this.serialised(async () => {
      const saved = await readAttachment(this.options.dataDir).catch(() => undefined);
      const onEmbedded = this.journalSwitch().current().engine === 'sqlite';
      if (!onEmbedded) await this.journalSwitch().replace(await this.openEmbedded());
      await removeAttachment(this.options.dataDir);
      if (saved) await this.forgetPassword(journalSecretAccount(hostAndDatabase(saved.url)));
      this.inUse = { source: 'embedded' };
      this.options.log?.('journal: detached; using the embedded journal');
      return this.connection();
    });
  }

  private async forgetPassword(account: string): Promise<void> {
    try {
      await this.options.secrets.delete(account);
    } catch (error) {
      // The attachment is gone either way; a stale item only matters to the keychain's owner.
      this.options.log?.(`journal: could not delete the keychain item ${account}: ${String(error)}`);
    }
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
