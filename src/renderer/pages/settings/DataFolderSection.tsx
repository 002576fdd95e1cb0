import { useState } from 'react';
import { useApiContext } from '../../api/ApiContext';
import { useApi } from '../../api/useApi';
import type { SystemInfo } from '../../../shared/contract/system';

/** Where the warehouse lives, its schema version, and "Back up now". */
export function DataFolderSection({ info }: { info: SystemInfo | undefined }) {
  const { api } = useApiContext();
  const backups = useApi('warehouse.backups', (a) => a['warehouse.backups']({}));
  const [message, setMessage] = useState<string | null>(null);
  async function backUp() {
    setMessage('Backing up…');
    try {
      const b = await api['warehouse.backup']({});
      setMessage(`Backed up to ${b.path}`);
      backups.reload();
    } catch (e) {
      setMessage(`Backup failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return (
    <section className="panel" aria-label="Data folder">
      <h2>Data folder</h2>
      <dl className="facts compact">
        <dt>Warehouse</dt>
        <dd>{info?.warehousePath ?? '…'}</dd>
        <dt>Schema version</dt>
        <dd>{info ? `${info.schemaVersion} of ${info.latestSchemaVersion}` : '…'}</dd>
        <dt>Version</dt>
        <dd>{info?.appVersion ?? '…'}</dd>
        <dt>Backups</dt>
        <dd>{backups.data ? `${backups.data.length}${backups.data[0] ? `, latest ${backups.data[0].createdAt}` : ''}` : backups.error ? backups.error.message : '…'}</dd>
      </dl>
      <p>
        <button type="button" onClick={() => void backUp()}>
          Back up now
        </button>{' '}
        {message && (
          <span className="muted small" role="status">
            {message}
          </span>
        )}
      </p>
    </section>
  );
}
