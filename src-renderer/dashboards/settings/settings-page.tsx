/**
 * Settings: profiles (switch, read-only, delete, create), keys (import, generate, Antom's public
 * key), keychain status, the notification receiver, the journal and the shared journal it may be attached to.
 */
import { errorShapeOf } from '../../bridge/client';
import { DashboardPage } from '../../components/dashboard-page';
import { ErrorPanel } from '../../components/error-panel';
import { Loading } from '../../components/loading';
import { useAppStatus } from '../../queries/app-status';
import { useProfiles } from '../../queries/profiles';
import { CreateProfileForm } from './create-profile-form';
import { KeysPanel } from './keys-panel';
import { ProfilesTable } from './profiles-table';
import { JournalPanel, KeychainStatusPanel, ReceiverPanel } from './status-panels';
import { SharedJournalPanel } from './shared-journal-panel';
import '../../components/log-layout.css';
import './settings.css';

export default function SettingsPage() {
  const status = useAppStatus();
  const profiles = useProfiles();
  return (
    <DashboardPage title="Settings" purpose="Profiles, keys, keychain, notification receiver, read-only mode" className="settings-page">
      <ProfilesTable />
      {profiles.data && profiles.data.length > 0 ? <KeysPanel profiles={profiles.data} /> : null}
      <CreateProfileForm />
      {status.isPending ? <Loading what="Reading the console status…" /> : null}
      {status.isError ? <ErrorPanel title="The console status could not be read" error={errorShapeOf(status.error)} onRetry={() => void status.refetch()} /> : null}
      {status.data ? (
        <div className="grid-2">
          <KeychainStatusPanel keychain={status.data.keychain} />
          <ReceiverPanel status={status.data} />
        </div>
      ) : null}
      <JournalPanel />
      <SharedJournalPanel />
    </DashboardPage>
  );
}
