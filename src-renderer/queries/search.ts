/** Global search: any ID (request, payment, capture, refund, reference order) through findById. */
import { useQuery } from '@tanstack/react-query';
import { getBridge, unwrap } from '../bridge/client';

export const searchKeys = {
  all: ['search'] as const,
  find: (id: string) => ['search', 'find', id] as const,
};

export function useFindById(id: string | undefined) {
  return useQuery({
    queryKey: searchKeys.find(id ?? ''),
    queryFn: async () => unwrap(await getBridge().findById({ id: id ?? '' })),
    enabled: Boolean(id),
  });
}
