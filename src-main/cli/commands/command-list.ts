import type { CliCommand } from '../command';
import { signCommand } from './sign-command';
import { verifyCommand } from './verify-command';
import { keysCommand } from './keys-command';
import { profilesCommand } from './profiles-command';
import { callCommand } from './call-command';
import { sandboxCommand } from './sandbox-command';

/** Every top-level command, in the order --help lists them. */
export const COMMANDS: readonly CliCommand[] = [signCommand, verifyCommand, keysCommand, profilesCommand, callCommand, sandboxCommand];
