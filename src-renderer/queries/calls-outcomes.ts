/**
 * The signed Antom calls a person starts: each is a mutation returning a CallOutcome, and each
 * refreshes the payment queries when it settles (success or not: an unknown outcome may still
 * have changed the payment).
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { OperationInput } from '../../src-shared/contract';
import { getBridge, unwrap } from '../bridge/client';
import { overviewKeys } from './overview';
import { paymentKeys } from './payments';
import { searchKeys } from './search';

export function invalidatePaymentData(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: paymentKeys.all });
  void client.invalidateQueries({ queryKey: overviewKeys.all });
  void client.invalidateQueries({ queryKey: searchKeys.all });
}

function useCallMutation<I, O>(run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => invalidatePaymentData(client) });
}

export function useCreatePaymentSession() {
  return useCallMutation(async (input: OperationInput<'createPaymentSession'>) => unwrap(await getBridge().createPaymentSession(input)));
}

export function useInquiryPayment() {
  return useCallMutation(async (input: OperationInput<'inquiryPayment'>) => unwrap(await getBridge().inquiryPayment({ ...input, trigger: 'user' })));
}

export function useCapture() {
  return useCallMutation(async (input: OperationInput<'capture'>) => unwrap(await getBridge().capture(input)));
}

export function useCancelPayment() {
  return useCallMutation(async (input: OperationInput<'cancel'>) => unwrap(await getBridge().cancel(input)));
}

export function useRefund() {
  return useCallMutation(async (input: OperationInput<'refund'>) => unwrap(await getBridge().refund(input)));
}

export function useInquiryRefund() {
  return useCallMutation(async (input: OperationInput<'inquiryRefund'>) => unwrap(await getBridge().inquiryRefund(input)));
}

export function useSandboxBuyerAction() {
  return useCallMutation(async (input: OperationInput<'sandboxBuyerAction'>) => unwrap(await getBridge().sandboxBuyerAction(input)));
}
