// Hydrates the server's HTML: reads the embedded state, loads the page's chunk if it has one,
// and attaches React to the markup that is already on screen.
import { hydrateRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { cachedModule, resolveModule } from './app/load-page.ts';
import type { PageState } from './app/state.ts';
import { routes } from './routes.ts';
import './styles.css';

async function start() {
  const stateElement = document.getElementById('talad-state');
  const root = document.getElementById('root');
  if (!stateElement || !root) return;
  const state = JSON.parse(stateElement.textContent || '{}') as PageState;
  const route = routes.find((r) => r.name === state.route);
  const module = route ? await resolveModule(route) : cachedModule(state.route);
  if (!module) return;
  hydrateRoot(root, <App initial={state} module={module} />);
}

void start();
