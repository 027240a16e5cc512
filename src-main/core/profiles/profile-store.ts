/**
 * profiles.json in the data directory: read, validated, and written atomically (temp file in
 * the same directory, fsync, rename) with mode 0600 so a crash never leaves half a file and
 * other users on the machine cannot read it.
 *
 * A file that cannot be read is never silently replaced: that would forget which keychain items
 * belong to which profile. The error names the file; repair() moves it aside explicitly.
 */
import { open, readFile, rename, rm, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConsoleError } from '../../../src-shared/errors';
import { emptyProfilesFile, profilesFileSchema, type ProfilesFile } from './profile-record';

const PROFILES_FILE_NAME = 'profiles.json';

export class ProfileStore {
  readonly path: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dataDir: string) {
    this.path = join(dataDir, PROFILES_FILE_NAME);
  }

  async read(): Promise<ProfilesFile> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyProfilesFile();
      throw new ConsoleError('DATA_DIR_UNUSABLE', `The profiles file ${this.path} cannot be read.`, 'Check the file\'s permissions, or choose another data directory with --data-dir.', { path: this.path }, { cause: error });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw this.corrupt('it is not valid JSON', error);
    }
    const parsed = profilesFileSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw this.corrupt(`${issue?.path.join('.') || 'the top level'}: ${issue?.message ?? 'unexpected shape'}`, parsed.error);
    }
    return parsed.data;
  }

  async write(file: ProfilesFile): Promise<void> {
    const data = `${JSON.stringify(profilesFileSchema.parse(file), null, 2)}\n`;
    const temp = `${this.path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(data, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, this.path);
      // rename keeps the temp file's 0600, but a umask or an older file must not widen it.
      await chmod(this.path, 0o600);
    } catch (error) {
      await rm(temp, { force: true });
      throw new ConsoleError('DATA_DIR_UNUSABLE', `The profiles file ${this.path} cannot be written.`, 'Check free space and permissions, or choose another data directory with --data-dir.', { path: this.path }, { cause: error });
    }
  }

  /**
   * Read-modify-write, one at a time within this process, so concurrent callers do not undo
   * each other's changes. `change` may throw to abort without writing.
   */
  update<T>(change: (file: ProfilesFile) => Promise<T> | T): Promise<T> {
    const next = this.queue.then(async () => {
      const file = await this.read();
      const result = await change(file);
      await this.write(file);
      return result;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Explicit repair: move an unreadable profiles.json aside (kept, never deleted). */
  async repair(): Promise<{ movedTo: string | undefined }> {
    try {
      await this.read();
      return { movedTo: undefined };
    } catch (error) {
      if (!(error instanceof ConsoleError) || error.code !== 'PROFILES_FILE_CORRUPT') throw error;
    }
    const movedTo = `${this.path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(this.path, movedTo);
    return { movedTo };
  }

  private corrupt(reason: string, cause: unknown): ConsoleError {
    return new ConsoleError(
      'PROFILES_FILE_CORRUPT',
      `The profiles file ${this.path} cannot be used: ${reason}.`,
      `Fix the file by hand, or run \`antom-ops profiles repair\` to move it aside as ${PROFILES_FILE_NAME}.corrupt-<time> and start with no profiles (keys stay in the keychain under profile:<name>).`,
      { path: this.path },
      { cause },
    );
  }
}
