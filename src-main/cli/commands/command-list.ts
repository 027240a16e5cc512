import type { CliCommand } from '../command';
import { signCommand } from './sign-command';
import { verifyCommand } from './verify-command';
import { keysCommand } from './keys-command';
import { profilesCommand } from './profiles-command';
import { callCommand } from './call-command';
import { sandboxCommand } from './sandbox-command';
import { notificationsCommand } from './notifications-command';
import { callsCommand, exportCommand, pruneCommand, timelineCommand } from './journal-commands';
import { dbCommand } from './db-command';

/** Every top-level command, in the order --help lists them. */
export const COMMANDS: readonly CliCommand[] = [signCommand, verifyCommand, keysCommand, profilesCommand, callCommand, sandboxCommand, notificationsCommand, callsCommand, timelineCommand, exportCommand, pruneCommand, dbCommand];
