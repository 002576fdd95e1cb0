import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { ThemeChoice } from './theme/ThemeContext';
import { ThemeProvider } from './theme/ThemeContext';
import { ApiProvider, useApiContext } from './api/ApiContext';
import { resolveBridge } from './bridge';
import { App } from './App';
import './theme/app.css';

/** Reads the saved theme once the bridge is up, so the first paint already uses it. */
function ThemedApp() {
  const { api } = useApiContext();
  const [theme, setTheme] = useState<ThemeChoice>('system');
  useEffect(() => {
    api['settings.get']({}).then((s) => setTheme(s.theme)).catch(() => undefined);
  }, [api]);
  return (
    <ThemeProvider initial={theme}>
      <App />
    </ThemeProvider>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ApiProvider bridge={resolveBridge()}>
        <ThemedApp />
      </ApiProvider>
    </StrictMode>,
  );
}
