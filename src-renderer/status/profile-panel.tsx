import type { ProfileSummary } from '../../src-shared/contract';
import { FieldList } from '../components/field-list';

const ENVIRONMENT_LABELS: Record<ProfileSummary['environment'], string> = {
  embedded: 'Embedded sandbox (local simulator)',
  sandbox: 'Antom sandbox',
  production: 'Production',
};

const KEY_STORAGE_LABELS: Record<ProfileSummary['keyStorage'], string> = {
  keychain: 'OS keychain',
  session: 'This session only (kept in memory until the console exits)',
  missing: 'No private key yet',
};

export function ProfilePanel({ profile }: { profile: ProfileSummary | undefined }) {
  return (
    <section className="panel" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Active profile</h2>
      {profile ? (
        <>
          <FieldList
            rows={[
              ['Name', profile.name],
              ['Environment', <span className={`badge env-${profile.environment}`}>{ENVIRONMENT_LABELS[profile.environment]}</span>],
              ['Client ID', <code>{profile.clientId}</code>],
              ['Region', profile.region],
              ['Gateway', profile.baseUrl ? <code>{profile.baseUrl}</code> : undefined],
              ['Key version', profile.keyVersion],
              ['Private key', KEY_STORAGE_LABELS[profile.keyStorage]],
              ['Access', profile.readOnly ? 'Read-only (money-moving actions hidden)' : 'Full'],
            ]}
          />
          {profile.keyStorage === 'missing' ? (
            <p className="notice">
              Calls cannot be signed until this profile has a private key. Import one with{' '}
              <code>npx antom-ops keys import</code> or generate one with <code>npx antom-ops keys generate</code>.
            </p>
          ) : null}
        </>
      ) : (
        <p className="empty">
          No profile is active. A fresh install starts on the embedded sandbox profile; create or select one with{' '}
          <code>npx antom-ops profiles</code>, then reload this window.
        </p>
      )}
    </section>
  );
}
