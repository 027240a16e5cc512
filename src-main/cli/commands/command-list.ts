import type { CliCommand } from '../command';
import { signCommand } from './sign-command';
import { verifyCommand } from './verify-command';

/** Every top-level command, in the order --help lists them. */
export const COMMANDS: readonly CliCommand[] = [signCommand, verifyCommand];
