/**
 * Disputes: the journal's list (refreshed on every stored notification, see push-announcer) and
 * the three dispute calls. Accept and defend refresh disputes and payments when they settle.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OperationInput } from '../../src-shared/contract';
import { getBridge, unwrap } from '../bridge/client';
import { invalidatePaymentData } from './calls-outcomes';

export const disputeKeys = {
  all: ['disputes'] as const,
};

/** Shared by the hook and the first-screen prefetch (the Overview's disputes-due tile). */
export function disputesQuery() {
  return queryOptions({
    queryKey: disputeKeys.all,
    queryFn: async () => unwrap(await getBridge().listDisputes({})),
    // Deadlines move with the clock even when nothing arrives.
    refetchInterval: 30_000,
  });
}

export function useDisputes() {
  return useQuery(disputesQuery());
}

function useDisputeCall<I, O>(run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => {
      void client.invalidateQueries({ queryKey: disputeKeys.all });
      invalidatePaymentData(client);
    },
  });
}

export function useAcceptDispute() {
  return useDisputeCall(async (input: OperationInput<'acceptDispute'>) => unwrap(await getBridge().acceptDispute(input)));
}

export function useSupplyDefenseDocument() {
  return useDisputeCall(async (input: OperationInput<'supplyDefenseDocument'>) => unwrap(await getBridge().supplyDefenseDocument(input)));
}

export function useDownloadDisputeEvidence() {
  return useDisputeCall(async (input: OperationInput<'downloadDisputeEvidence'>) => unwrap(await getBridge().downloadDisputeEvidence(input)));
}
