/**
 * The embedded sandbox's integrator tools (faults, clock, test notifications). Faults and the
 * clock are read while the Sessions page shows them; every change refreshes both, and a clock
 * jump or a resent notification also refreshes the payment data (sessions may have expired,
 * the journal may hold a new attempt).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OperationInput } from '../../src-shared/contract';
import { getBridge, unwrap } from '../bridge/client';
import { invalidatePaymentData } from './calls-outcomes';

const sandboxKeys = {
  all: ['sandbox-tools'] as const,
  faults: ['sandbox-tools', 'faults'] as const,
  clock: ['sandbox-tools', 'clock'] as const,
};

export function useSandboxFaults() {
  return useQuery({ queryKey: sandboxKeys.faults, queryFn: async () => unwrap(await getBridge().listSandboxFaults()) });
}

export function useSandboxClock() {
  return useQuery({ queryKey: sandboxKeys.clock, queryFn: async () => unwrap(await getBridge().getSandboxClock()) });
}

function useSandboxMutation<I, O>(run: (input: I) => Promise<O>, touchesPayments: boolean) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => {
      void client.invalidateQueries({ queryKey: sandboxKeys.all });
      if (touchesPayments) invalidatePaymentData(client);
    },
  });
}

export function useAddSandboxFault() {
  return useSandboxMutation(async (input: OperationInput<'setSandboxFaults'>) => unwrap(await getBridge().setSandboxFaults(input)), false);
}

export function useClearSandboxFaults() {
  return useSandboxMutation(async () => unwrap(await getBridge().clearSandboxFaults()), false);
}

export function useAdvanceSandboxClock() {
  return useSandboxMutation(async (input: OperationInput<'advanceSandboxClock'>) => unwrap(await getBridge().advanceSandboxClock(input)), true);
}

export function useSendSandboxTestNotification() {
  return useSandboxMutation(async (input: OperationInput<'sendSandboxTestNotification'>) => unwrap(await getBridge().sendSandboxTestNotification(input)), true);
}
