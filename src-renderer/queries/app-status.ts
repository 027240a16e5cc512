/** React Query hooks for the app's own status (profile, keychain, sandbox, data dir). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Environment } from '../../src-shared/contract';
import { getBridge, unwrap } from '../bridge/client';

export const appStatusKeys = {
  status: ['app', 'status'] as const,
  profiles: ['app', 'profiles'] as const,
};

/** Also called by the first-screen prefetch (queries/first-screen.ts), which shares the query key. */
export async function fetchAppStatus() {
  return unwrap(await getBridge().getAppStatus());
}

function appStatusQuery() {
  return queryOptions({
    queryKey: appStatusKeys.status,
    queryFn: fetchAppStatus,
  });
}

export function useAppStatus() {
  return useQuery(appStatusQuery());
}

interface ProfileMode {
  /** Money-moving dashboards and buttons are hidden (main refuses them anyway). */
  readOnly: boolean;
  /** Captures/refunds need the amount typed, cancels need CANCEL. */
  production: boolean;
  /** The embedded sandbox: the buyer can be simulated. */
  embedded: boolean;
  environment: Environment | undefined;
  profileName: string | undefined;
}

/** What the active profile allows; read-only until the status is known, so nothing flashes. */
export function useProfileMode(): ProfileMode {
  const { data } = useAppStatus();
  const profile = data?.activeProfile;
  return {
    readOnly: profile ? profile.readOnly : true,
    production: profile?.environment === 'production',
    embedded: profile?.environment === 'embedded',
    environment: profile?.environment,
    profileName: profile?.name,
  };
}
