/** React Query hooks for the app's own status (profile, keychain, sandbox, data dir). */
import { useQuery } from '@tanstack/react-query';
import { getBridge, unwrap } from '../bridge/client';

export const appStatusKeys = {
  status: ['app', 'status'] as const,
  profiles: ['app', 'profiles'] as const,
};

export function useAppStatus() {
  return useQuery({
    queryKey: appStatusKeys.status,
    queryFn: async () => unwrap(await getBridge().getAppStatus()),
  });
}
