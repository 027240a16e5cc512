import type { RefObject } from 'react';
import type { AppStatus, Environment } from '../../src-shared/contract';
import { useJournalConnection } from '../queries/journal-connection';
import { describeJournalLogin } from '../../src-shared/journal-access';
import { GlobalSearch, type GlobalSearchHandle } from './global-search';

const ENVIRONMENT_WORDS: Record<Environment, string> = { embedded: 'embedded sandbox', sandbox: 'Antom sandbox', production: 'PRODUCTION' };

/** "Embedded sandbox" rather than "Embedded sandbox · embedded sandbox" when the name already says it. */
function badgeText(name: string, environment: string): string {
  return name.toLowerCase() === environment.toLowerCase() ? name : `${name} · ${environment}`;
}

/** Why money actions are hidden: the profile's own flag, or the shared journal's login (db roles). */
function readOnlyReason(status: AppStatus | undefined): string {
  const access = status?.journalAccess;
  if (access && !access.capabilities.recordMoneyCalls) return `Connected to the shared journal as ${describeJournalLogin(access)}, which cannot record money-moving calls: they are hidden and refused`;
  return 'Money-moving actions are hidden and refused for this profile';
}

export function AppHeader({ status, searchRef }: { status: AppStatus | undefined; searchRef: RefObject<GlobalSearchHandle | null> }) {
  const profile = status?.activeProfile;
  const journal = useJournalConnection().data;
  return (
    <header className="app-header">
      <h1>Antom Ops Console</h1>
      {profile ? (
        <span className="profile-badges">
          <span className={`badge env-${profile.environment}`} title={`Active profile (${ENVIRONMENT_WORDS[profile.environment]}), client-id ${profile.clientId}`} data-testid="active-profile">
            {badgeText(profile.name, ENVIRONMENT_WORDS[profile.environment])}
          </span>
          {profile.readOnly ? <span className="badge read-only" title={readOnlyReason(status)}>Read-only</span> : null}
        </span>
      ) : status ? (
        <span className="badge" title="Create or pick a profile in Settings">No active profile</span>
      ) : null}
      {journal ? (
        <span className={`badge journal-badge${journal.engine === 'postgres' ? '' : ' muted-badge'}`} data-testid="journal-in-use"
          title={journal.attachError ? `The shared journal could not be opened: ${journal.attachError.message}` : `Journal: ${journal.label} (${journal.where})`}>
          Journal: {journal.label}{journal.attachError ? ' (shared journal unavailable)' : ''}
        </span>
      ) : null}
      {status?.door === 'preview' ? <span className="badge muted-badge" title="Browser preview: sandbox profiles only">Preview</span> : null}
      <GlobalSearch ref={searchRef} />
    </header>
  );
}
