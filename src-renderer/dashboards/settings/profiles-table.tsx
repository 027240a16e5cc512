/**
 * Every profile with its environment and key status; switch the active one, toggle read-only
 * (support agents), delete with the name typed to confirm.
 */
import { useState } from 'react';
import type { ProfileSummary } from '../../../src-shared/contract';
import { errorShapeOf } from '../../bridge/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { Loading } from '../../components/loading';
import { useDeleteProfile, useProfiles, useSetActiveProfile, useSetProfileReadOnly } from '../../queries/profiles';

const ENVIRONMENT_WORDS: Record<ProfileSummary['environment'], string> = {
  embedded: 'Embedded sandbox',
  sandbox: 'Antom sandbox',
  production: 'Production',
};

const KEY_WORDS: Record<ProfileSummary['keyStorage'], string> = {
  keychain: 'In the OS keychain',
  session: 'This session only',
  missing: 'Missing: import or generate one',
};

export function ProfilesTable() {
  const profiles = useProfiles();
  const setActive = useSetActiveProfile();
  const setReadOnly = useSetProfileReadOnly();
  const remove = useDeleteProfile();
  const [deleting, setDeleting] = useState<string | undefined>(undefined);
  const mutationError = setActive.error ?? setReadOnly.error ?? remove.error;

  return (
    <section className="panel" aria-labelledby="profiles-heading">
      <h3 id="profiles-heading">Profiles</h3>
      <p className="muted small">
        A profile is one Antom account in one environment: its client-id, Antom's public key and your private key (kept in the OS keychain, never in a file). Calls use the active profile.
      </p>
      {profiles.isPending ? <Loading what="Loading profiles…" /> : null}
      {profiles.isError ? <ErrorPanel title="The profiles could not be read" error={errorShapeOf(profiles.error)} onRetry={() => void profiles.refetch()} /> : null}
      {profiles.data && profiles.data.length === 0 ? <EmptyState title="No profiles yet">Create one below, starting with the embedded sandbox to try the console safely.</EmptyState> : null}
      {profiles.data && profiles.data.length > 0 ? (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">Profiles</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Environment</th>
                <th scope="col">Region</th>
                <th scope="col">client-id</th>
                <th scope="col">Private key</th>
                <th scope="col">Antom public key</th>
                <th scope="col">Read-only</th>
                <th scope="col">Active</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {profiles.data.map((p) => (
                <tr key={p.name} aria-current={p.active ? 'true' : undefined}>
                  <th scope="row">{p.name}</th>
                  <td><span className={`badge env-${p.environment}`}>{ENVIRONMENT_WORDS[p.environment]}</span></td>
                  <td>{p.region}{p.baseUrl ? <div className="small muted"><code>{p.baseUrl}</code></div> : null}</td>
                  <td><code>{p.clientId}</code></td>
                  <td className={p.keyStorage === 'missing' ? 'warn-text' : undefined}>{KEY_WORDS[p.keyStorage]}</td>
                  <td>{p.antomPublicKey ? 'Set' : <span className="warn-text">Missing: responses cannot be verified</span>}</td>
                  <td>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        // Shows the requested state while main applies it, so the box answers the click at once.
                        checked={setReadOnly.isPending && setReadOnly.variables?.name === p.name ? setReadOnly.variables.readOnly : p.readOnly}
                        disabled={setReadOnly.isPending}
                        aria-label={`Read-only: ${p.name}`}
                        onChange={(e) => setReadOnly.mutate({ name: p.name, readOnly: e.target.checked })}
                      />
                      {(setReadOnly.isPending && setReadOnly.variables?.name === p.name ? setReadOnly.variables.readOnly : p.readOnly) ? 'Read-only' : 'Can move money'}
                    </label>
                  </td>
                  <td>
                    {p.active ? (
                      <span className="badge ok">Active</span>
                    ) : (
                      <button type="button" aria-label={`Make ${p.name} active`} disabled={setActive.isPending} onClick={() => setActive.mutate(p.name)}>Make active</button>
                    )}
                  </td>
                  <td>
                    <button type="button" className="danger-outline" aria-label={`Delete profile ${p.name}`} onClick={() => setDeleting(p.name)}>Delete</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="small">
        <strong>Read-only mode</strong> is for support agents: they can look up payments, read notifications and troubleshoot, while
        sessions, captures, cancels and refunds are hidden in the console and refused by the main process too.
      </p>
      {mutationError ? <ErrorPanel title="The profile could not be changed" error={errorShapeOf(mutationError)} /> : null}
      <ConfirmDialog
        open={deleting !== undefined}
        title={`Delete profile ${deleting ?? ''}?`}
        confirmLabel="Delete profile"
        danger
        busy={remove.isPending}
        requireTyping={deleting ? { expected: deleting, label: `Type ${deleting} to confirm` } : undefined}
        onCancel={() => setDeleting(undefined)}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting, { onSettled: () => setDeleting(undefined) });
        }}
      >
        <p>The profile and its private key (in the keychain) are removed. Its calls and notifications stay in the journal. This cannot be undone: keep a copy of the key if you need it again.</p>
      </ConfirmDialog>
    </section>
  );
}
