import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Settings } from '../../shared/contract/settings';
import { DEFAULT_SETTINGS } from '../../shared/contract/settings';
import { useApi } from '../api/useApi';
import { formatMoney, type CurrencyDisplay } from '../lib/format';

interface PreferencesValue {
  settings: Settings;
  reload(): void;
  currencyDisplay: CurrencyDisplay;
}

const PreferencesContext = createContext<PreferencesValue>({ settings: DEFAULT_SETTINGS, reload: () => undefined, currencyDisplay: 'symbol' });

/** The user's display settings, read once for the window and re-read after Settings saves. */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const state = useApi('settings.get', (api) => api['settings.get']({}));
  const settings = state.data ?? DEFAULT_SETTINGS;
  const value = useMemo(() => ({ settings, reload: state.reload, currencyDisplay: settings.currencyDisplay }), [settings, state.reload]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): PreferencesValue {
  return useContext(PreferencesContext);
}

/** A money formatter bound to one result's currency and the user's display setting. */
export function useMoney(currency: string | null | undefined, isCompact = false): (value: number | null) => string {
  const { currencyDisplay } = usePreferences();
  return useCallback((value: number | null) => formatMoney(value, currency ?? null, currencyDisplay, isCompact), [currency, currencyDisplay, isCompact]);
}
