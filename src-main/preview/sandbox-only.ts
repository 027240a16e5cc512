/**
 * The browser preview is for sandboxes only: a loopback page with a token is a weaker door than
 * the desktop window, so it never touches real money or production keys. The same handlers
 * run; this wrapper refuses, before they do, anything that would act on a production profile.
 *
 * What stays open while a production profile is active: the status (so the page can say why)
 * and switching to a sandbox profile (so the user can get out without the desktop app).
 */
import type { HandlerTable, OperationName, ProfileSummary } from '../../src-shared/contract';
import { ConsoleError } from '../../src-shared/errors';
import type { ProfileService } from '../core/profiles/profile-service';

const ALLOWED_WHILE_PRODUCTION_ACTIVE: ReadonlySet<OperationName> = new Set(['getAppStatus', 'listProfiles', 'setActiveProfile']);

function refused(message: string, details: Record<string, unknown>): ConsoleError {
  return new ConsoleError('PREVIEW_SANDBOX_ONLY', message, 'The browser preview works with sandbox profiles only; use the desktop app (npm start) for production.', details);
}

/** The profile an operation names explicitly, if any. */
function namedProfile(name: OperationName, input: Record<string, unknown>): string | undefined {
  switch (name) {
    case 'deleteProfile':
    case 'setActiveProfile':
    case 'setProfileReadOnly':
      return typeof input.name === 'string' ? input.name : undefined;
    case 'importPrivateKey':
    case 'generateKeyPair':
    case 'setAntomPublicKey':
    case 'verifySignatureLab':
      return typeof input.profile === 'string' ? input.profile : undefined;
    default:
      return undefined;
  }
}

async function assertSandboxOnly(profiles: ProfileService, name: OperationName, input: Record<string, unknown>): Promise<void> {
  if (name === 'createProfile' && input.environment === 'production') {
    throw refused('The browser preview does not create production profiles.', { operation: name });
  }
  const all = await profiles.list();
  const target = namedProfile(name, input);
  const named: ProfileSummary | undefined = target === undefined ? undefined : all.find((p) => p.name === target);
  if (named?.environment === 'production') {
    throw refused(`Profile "${named.name}" is a production profile; the browser preview does not use it.`, { operation: name, profile: named.name });
  }
  const active = all.find((p) => p.active);
  if (active?.environment === 'production' && !ALLOWED_WHILE_PRODUCTION_ACTIVE.has(name)) {
    throw refused(`The active profile "${active.name}" is a production profile; the browser preview refuses to run ${name} on it.`, { operation: name, profile: active.name });
  }
}

/** The same handler table, each handler behind the sandbox-only check. */
export function sandboxOnlyHandlers(handlers: HandlerTable, profiles: ProfileService): HandlerTable {
  const guarded: Record<string, (input: never) => Promise<unknown>> = {};
  for (const name of Object.keys(handlers) as OperationName[]) {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    guarded[name] = async (input: never) => {
      await assertSandboxOnly(profiles, name, (input ?? {}) as Record<string, unknown>);
      return handler(input);
    };
  }
  return guarded as unknown as HandlerTable;
}
