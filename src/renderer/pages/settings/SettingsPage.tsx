import type { Settings } from '../../../shared/contract/settings';
import { useApiContext } from '../../api/ApiContext';
import { useApi } from '../../api/useApi';
import { useTheme } from '../../theme/ThemeContext';

export default function SettingsPage() {
  const { api } = useApiContext();
  const { setTheme } = useTheme();
  const settings = useApi('settings', (a) => a['settings.get']({}));
  const info = useApi('system.info', (a) => a['system.info']({}));

  async function update(patch: Partial<Settings>) {
    const next = await api['settings.update'](patch);
    setTheme(next.theme);
    settings.reload();
  }

  if (!settings.data) return <p className="muted">Loading settings…</p>;
  const s = settings.data;
  return (
    <section className="panel settings" aria-label="Settings">
      <h2>Settings</h2>
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
      <label className="field">
        <span>Week starts on</span>
        <select value={s.weekStart} onChange={(e) => void update({ weekStart: e.target.value as Settings['weekStart'] })}>
          <option value="monday">Monday</option>
          <option value="sunday">Sunday</option>
        </select>
      </label>
      <dl className="facts">
        <dt>Data folder</dt>
        <dd>{info.data?.warehousePath ?? '…'}</dd>
        <dt>Schema version</dt>
        <dd>{info.data ? `${info.data.schemaVersion} of ${info.data.latestSchemaVersion}` : '…'}</dd>
        <dt>Version</dt>
        <dd>{info.data?.appVersion ?? '…'}</dd>
      </dl>
    </section>
  );
}
