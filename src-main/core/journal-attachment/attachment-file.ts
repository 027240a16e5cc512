/**
 * journal-attachment.json in the data directory: which shared journal Settings attached the
 * console to. It holds the database URL WITHOUT its password (the password is in the OS
 * keychain: journal-credentials.ts), the role the check found, and when. Written atomically
 * (temp file, fsync, rename), 0600 like profiles.json.
 */
import { randomBytes } from 'node:crypto';
import { chmod, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ConsoleError } from '../../../src-shared/errors';

const ATTACHMENT_FILE_NAME = 'journal-attachment.json';

const attachmentSchema = z.object({
  /** postgres:// URL without a password. */
  url: z.string().regex(/^postgres(ql)?:\/\//i),
  role: z.string(),
  attachedAt: z.string(),
}).strict();

type JournalAttachmentRecord = z.infer<typeof attachmentSchema>;

function attachmentFilePath(dataDir: string): string {
  return join(dataDir, ATTACHMENT_FILE_NAME);
}

export async function readAttachment(dataDir: string): Promise<JournalAttachmentRecord | undefined> {
  const path = attachmentFilePath(dataDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConsoleError('DATA_DIR_UNUSABLE', `The journal settings file ${path} cannot be read.`, 'Check the file\'s permissions; or delete it to use the embedded journal again.', { path }, { cause: error });
  }
  try {
    return attachmentSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new ConsoleError('DATA_DIR_UNUSABLE', `The journal settings file ${path} is damaged.`, 'Delete it (the console then uses the embedded journal) and attach the shared journal again in Settings.', { path }, { cause: error });
  }
}

export async function writeAttachment(dataDir: string, record: JournalAttachmentRecord): Promise<void> {
  const path = attachmentFilePath(dataDir);
  const data = `${JSON.stringify(attachmentSchema.parse(record), null, 2)}\n`;
  const temp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    await chmod(path, 0o600);
  } catch (error) {
    await rm(temp, { force: true });
    throw new ConsoleError('DATA_DIR_UNUSABLE', `The journal settings file ${path} cannot be written.`, 'Check free space and permissions of the data directory.', { path }, { cause: error });
  }
}

export async function removeAttachment(dataDir: string): Promise<void> {
  await rm(attachmentFilePath(dataDir), { force: true });
}
