/** React Query hooks for the troubleshoot dashboard: explain a pasted log, and the signature lab. */
import { useMutation } from '@tanstack/react-query';
import type { OperationInput } from '../../src-shared/contract';
import { getBridge, unwrap } from '../bridge/client';

export function useExplainLog() {
  return useMutation({
    mutationFn: async (text: string) => unwrap(await getBridge().explainLog({ text })),
  });
}

export function useVerifySignatureLab() {
  return useMutation({
    mutationFn: async (input: OperationInput<'verifySignatureLab'>) => unwrap(await getBridge().verifySignatureLab(input)),
  });
}
