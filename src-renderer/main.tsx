import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import { BridgeError } from './bridge/client';
import { prefetchFirstScreen } from './queries/first-screen';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A typed refusal (bad input, wrong sender, missing profile) will not fix itself on retry.
      retry: (failureCount, error) => !(error instanceof BridgeError) && failureCount < 2,
      refetchOnWindowFocus: true,
      staleTime: 5_000,
    },
  },
});

// Status, first dashboard chunk and its data in parallel, before the first render.
prefetchFirstScreen(queryClient, window.location.hash);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
