import { useMemo } from 'react';
import type { Settings } from '../../../shared/contract/settings';
import { useApiContext } from '../../api/ApiContext';
import { useApi } from '../../api/useApi';
import { timeZoneChoices } from '../../lib/time-zones';
import { usePreferences } from '../../preferences/PreferencesContext';
import { useTheme } from '../../theme/ThemeContext';
import { DataFolderSection } from './DataFolderSection';
import { LocalApiSection } from './LocalApiSection';
import { WatchedFoldersSection } from './WatchedFoldersSection';

export default function SettingsPage() {
  const { api } = useApiContext();
  const { setTheme } = useTheme();
  const preferences = usePreferences();
  const settings = useApi('settings', (a) => a['settings.get']({}));
  const info = useApi('system.info', (a) => a['system.info']({}));
  const zones = useMemo(() => timeZoneChoices(settings.data?.timeZone ?? 'UTC'), [settings.data?.timeZone]);

  async function update(patch: Partial<Settings>) {
    const next = await api['settings.update'](patch);
    setTheme(next.theme);
    settings.reload();
    preferences.reload();
  }

  if (!settings.data) return <p className="muted">Loading settings…</p>;
  const s = settings.data;
  return (
    <div className="page" data-page="settings">
      <header className="page-header">
        <h1>Settings</h1>
      </header>
      <section className="panel settings" aria-label="Display">
        <h2>Display</h2>
        <label className="field">
          <span>Theme</span>
          <select value={s.theme} onChange={(e) => void update({ theme: e.target.value as Settings['theme'] })}>
            <option value="system">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <label className="field">
          <span>Currency display</span>
          <select value={s.currencyDisplay} onChange={(e) => void update({ currencyDisplay: e.target.value as Settings['currencyDisplay'] })}>
            <option value="symbol">Symbol (£1,234)</option>
            <option value="code">Code (GBP 1,234)</option>
          </select>
        </label>
      </section>
      <section className="panel settings" aria-label="Dates and times">
        <h2>Dates and times</h2>
        <label className="field">
          <span>Week starts on</span>
          <select value={s.weekStart} onChange={(e) => void update({ weekStart: e.target.value as Settings['weekStart'] })}>
            <option value="monday">Monday</option>
            <option value="sunday">Sunday</option>
          </select>
        </label>
        <p className="muted small">
          An order&apos;s day is the date its timestamp was written with, in the shop&apos;s own time. The zone below is the import
          wizard&apos;s default for CSVs whose times carry no offset; it gives those times their instant.
        </p>
        <label className="field">
          <span>Times without an offset are in</span>
          <select value={s.timeZone} onChange={(e) => void update({ timeZone: e.target.value })}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </label>
      </section>
      <DataFolderSection info={info.data} />
      <LocalApiSection />
      <WatchedFoldersSection folders={s.watchedFolders} onChange={(watchedFolders) => void update({ watchedFolders })} />
    </div>
  );
}
