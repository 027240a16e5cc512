/**
 * The renderer's one QueryClient, created (and the first screen's requests started, see
 * first-screen.ts) by the first module main.tsx imports, before react-dom is even evaluated.
 */
import { QueryClient } from '@tanstack/react-query';
import { BridgeError } from '../bridge/client';
import { prefetchFirstScreen } from './first-screen';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A typed refusal (bad input, wrong sender, missing profile) will not fix itself on retry.
      retry: (failureCount, error) => !(error instanceof BridgeError) && failureCount < 2,
      refetchOnWindowFocus: true,
      staleTime: 5_000,
    },
  },
});

// Status, first dashboard chunk and its data in parallel, while the rest of the page's script
// (React itself, ~180 KB) is still being evaluated. main.tsx's first render waits for it (a while).
export const firstScreenPrefetched = prefetchFirstScreen(queryClient, window.location.hash);
