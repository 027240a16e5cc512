// First import on purpose: modules run in import order, so the first screen's requests leave
// before react-dom below is evaluated (on a loaded machine that took a few hundred ms).
import { firstScreenPrefetched, queryClient } from './queries/query-client';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import './styles.css';

/**
 * How long the first render waits for the first screen (status, dashboard code, its data; see
 * queries/first-screen.ts). Those requests left before React DOM was evaluated and are usually in
 * soon after: drawing at once laid out a "Loading…" screen only to replace it (the UI bench saw
 * 100-250 ms between the two on this machine, each a full render and layout). A slower answer
 * gets the loading screen after this long, as before.
 */
const FIRST_RENDER_WAIT_MS = 250;

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

function renderApp(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}

void Promise.race([firstScreenPrefetched, new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]).then(() => renderApp(container));
