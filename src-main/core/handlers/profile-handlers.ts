/**
 * Status, profiles, keys and journal settings: thin mappings onto ProfileService and the journal.
 * Private keys only travel in (import) and stay in main; what comes back is public.
 */
import type { AppStatus, HandlerTable, JournalInfo, ProfileSummary } from '../../../src-shared/contract';
import { toErrorShape } from '../../../src-shared/errors';
import type { HandlerContext } from './handler-context';
import { assertJournalAllows } from './journal-role-guards';
import type { JournalAccess } from '../../../src-shared/journal-access';

type ProfileHandlers = Pick<HandlerTable,
  'getAppStatus' | 'listProfiles' | 'createProfile' | 'deleteProfile' | 'setActiveProfile' | 'setProfileReadOnly' |
  'importPrivateKey' | 'generateKeyPair' | 'setAntomPublicKey' | 'getJournalInfo' | 'setRetentionDays' | 'pruneJournal'>;

/** The embedded profile's base URL is the sandbox's URL in this run, not a stored one. */
function withRuntimeUrl(ctx: HandlerContext, profile: ProfileSummary): ProfileSummary {
  return profile.environment === 'embedded' ? { ...profile, baseUrl: ctx.sandboxBaseUrl() } : profile;
}

/**
 * Read-only follows from the connection too: a login that cannot record money-moving calls sees
 * the active profile as read-only (the flag the page already hides money actions by), without
 * changing what profiles.json says.
 */
function withJournalLimits(profile: ProfileSummary, access: JournalAccess | undefined): ProfileSummary {
  return access && !access.capabilities.recordMoneyCalls ? { ...profile, readOnly: true } : profile;
}

/** The status screen renders even when the shared journal cannot be asked; it says so elsewhere. */
async function accessOrUndefined(ctx: HandlerContext): Promise<JournalAccess | undefined> {
  try {
    return await ctx.journal.capabilities();
  } catch (error) {
    ctx.log(`status: journal capabilities unknown: ${toErrorShape(error).message}`);
    return undefined;
  }
}

async function journalInfo(ctx: HandlerContext): Promise<JournalInfo> {
  // `file` is where the journal is, as the journal describes itself (a path, or a URL without its password).
  return { ...(await ctx.journal.settings()), file: ctx.journal.describe(), fileBytes: await ctx.journal.sizeBytes(), counts: await ctx.journal.counts() };
}

export function profileHandlers(ctx: HandlerContext): ProfileHandlers {
  return {
    async getAppStatus(): Promise<AppStatus> {
      const keychain = await ctx.secrets.status();
      let active: ProfileSummary | undefined;
      try {
        active = await ctx.profiles.getActive();
      } catch (error) {
        // The status screen must render even when profiles.json is unreadable: it is where the user learns why.
        ctx.log(`status: active profile unreadable: ${toErrorShape(error).message}`);
      }
      const sandboxUrl = ctx.sandboxBaseUrl();
      const journalAccess = await accessOrUndefined(ctx);
      return {
        version: ctx.version,
        dataDir: ctx.dataDir,
        activeProfile: active ? withJournalLimits(withRuntimeUrl(ctx, active), journalAccess) : undefined,
        keychain,
        sandbox: { running: sandboxUrl !== undefined, baseUrl: sandboxUrl },
        receiver: { running: ctx.receiver !== undefined, url: ctx.receiver?.url, rejectedNotStored: ctx.receiver?.rejectedNotStored() ?? 0 },
        door: ctx.door,
        ...(journalAccess ? { journalAccess } : {}),
      };
    },
    async listProfiles() {
      return (await ctx.profiles.list()).map((p) => withRuntimeUrl(ctx, p));
    },
    async createProfile(input) {
      const { profile, warnings } = await ctx.profiles.create(input);
      return { profile: withRuntimeUrl(ctx, profile), warnings };
    },
    async deleteProfile({ name }) {
      await ctx.profiles.delete(name);
      return { deleted: name };
    },
    async setActiveProfile({ name }) {
      return withRuntimeUrl(ctx, await ctx.profiles.setActive(name));
    },
    async setProfileReadOnly({ name, readOnly }) {
      return withRuntimeUrl(ctx, await ctx.profiles.setReadOnly(name, readOnly));
    },
    async importPrivateKey({ profile, keyText, sessionOnly, replaceExisting }) {
      return ctx.profiles.importPrivateKey(profile, keyText, { ...(sessionOnly !== undefined ? { sessionOnly } : {}), ...(replaceExisting !== undefined ? { replaceExisting } : {}) });
    },
    async generateKeyPair({ profile, sessionOnly }) {
      return ctx.profiles.generateKeyPair(profile, sessionOnly !== undefined ? { sessionOnly } : {});
    },
    async setAntomPublicKey({ profile, keyText }) {
      return withRuntimeUrl(ctx, await ctx.profiles.setAntomPublicKey(profile, keyText));
    },
    async getJournalInfo() {
      return journalInfo(ctx);
    },
    async setRetentionDays({ days }) {
      await assertJournalAllows(ctx, 'setRetentionDays');
      await ctx.journal.setRetentionDays(days);
      return journalInfo(ctx);
    },
    async pruneJournal({ olderThanDays }) {
      await assertJournalAllows(ctx, 'pruneJournal');
      return ctx.journal.prune(olderThanDays !== undefined ? { olderThanDays } : {});
    },
  };
}
