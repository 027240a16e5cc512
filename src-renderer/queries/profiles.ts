/**
 * React Query hooks for profiles and their keys. Every change refreshes the profile list and the
 * app status (the header shows the active profile and whether it is read-only).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OperationInput } from '../../src-shared/contract';
import { getBridge, unwrap } from '../bridge/client';
import { appStatusKeys } from './app-status';

const profileKeys = {
  list: appStatusKeys.profiles,
};

export function useProfiles() {
  return useQuery({
    queryKey: profileKeys.list,
    queryFn: async () => unwrap(await getBridge().listProfiles()),
  });
}

function useProfileMutation<I, O>(run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      // The active profile decides what every dashboard shows (read-only, production): refresh all.
      await Promise.all([
        client.invalidateQueries({ queryKey: profileKeys.list }),
        client.invalidateQueries({ queryKey: appStatusKeys.status }),
      ]);
    },
  });
}

export function useCreateProfile() {
  return useProfileMutation(async (input: OperationInput<'createProfile'>) => unwrap(await getBridge().createProfile(input)));
}

export function useDeleteProfile() {
  return useProfileMutation(async (name: string) => unwrap(await getBridge().deleteProfile({ name })));
}

export function useSetActiveProfile() {
  return useProfileMutation(async (name: string) => unwrap(await getBridge().setActiveProfile({ name })));
}

export function useSetProfileReadOnly() {
  return useProfileMutation(async (input: OperationInput<'setProfileReadOnly'>) => unwrap(await getBridge().setProfileReadOnly(input)));
}

/** The key text goes to main and straight to the keychain; nothing about it is kept here. */
export function useImportPrivateKey() {
  return useProfileMutation(async (input: OperationInput<'importPrivateKey'>) => unwrap(await getBridge().importPrivateKey(input)));
}

export function useGenerateKeyPair() {
  return useProfileMutation(async (input: OperationInput<'generateKeyPair'>) => unwrap(await getBridge().generateKeyPair(input)));
}

export function useSetAntomPublicKey() {
  return useProfileMutation(async (input: OperationInput<'setAntomPublicKey'>) => unwrap(await getBridge().setAntomPublicKey(input)));
}
