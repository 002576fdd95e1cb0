import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type ThemeChoice = 'light' | 'dark' | 'system';

interface ThemeValue {
  theme: ThemeChoice;
  resolvedTheme: 'light' | 'dark';
  setTheme(theme: ThemeChoice): void;
}

const ThemeContext = createContext<ThemeValue>({ theme: 'system', resolvedTheme: 'light', setTheme: () => undefined });

function systemTheme(): 'light' | 'dark' {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The theme is a data attribute on <html>; CSS variables do the rest. */
export function ThemeProvider({ initial, children }: { initial: ThemeChoice; children: ReactNode }) {
  const [theme, setTheme] = useState<ThemeChoice>(initial);
  const [system, setSystem] = useState<'light' | 'dark'>(systemTheme);
  useEffect(() => {
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    const onChange = () => setSystem(systemTheme());
    query?.addEventListener('change', onChange);
    return () => query?.removeEventListener('change', onChange);
  }, []);
  useEffect(() => setTheme(initial), [initial]);
  const resolvedTheme = theme === 'system' ? system : theme;
  useEffect(() => {
    document.documentElement.dataset.theme = resolvedTheme;
  }, [resolvedTheme]);
  const value = useMemo(() => ({ theme, resolvedTheme, setTheme }), [theme, resolvedTheme]);
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

export function useTheme(): ThemeValue {
  return useContext(ThemeContext);
}
