/**
 * The first screen: the active profile, the keychain and the embedded sandbox, read through the
 * bridge. The dashboards grow from here; `data-state` on <main> is the explicit "app loaded"
 * marker end-to-end tests wait on (loading | ready | error).
 */
import { errorShapeOf } from './bridge/client';
import { ErrorPanel } from './components/error-panel';
import { useAppStatus } from './queries/app-status';
import { EnvironmentPanel } from './status/environment-panel';
import { KeychainPanel } from './status/keychain-panel';
import { ProfilePanel } from './status/profile-panel';

export function App() {
  const status = useAppStatus();
  const state = status.isPending ? 'loading' : status.isError ? 'error' : 'ready';

  return (
    <div className="app">
      <header className="app-header">
        <h1>Antom Ops Console</h1>
        {status.data?.activeProfile ? (
          <span className={`badge env-${status.data.activeProfile.environment}`}>{status.data.activeProfile.name}</span>
        ) : null}
      </header>
      <main data-state={state} aria-busy={state === 'loading'}>
        {status.isPending ? <p className="loading">Loading the console status…</p> : null}
        {status.isError ? (
          <ErrorPanel title="The console status could not be read" error={errorShapeOf(status.error)} onRetry={() => void status.refetch()} />
        ) : null}
        {status.data ? (
          <div className="panels">
            <ProfilePanel profile={status.data.activeProfile} />
            <KeychainPanel keychain={status.data.keychain} />
            <EnvironmentPanel status={status.data} />
          </div>
        ) : null}
      </main>
    </div>
  );
}
