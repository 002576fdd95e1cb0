import { useState } from 'react';
import type { PickedFile } from '../../../shared/bridge';
import { useApi } from '../../api/useApi';
import { HistoryPanel } from './HistoryPanel';
import { QualityPanel } from './QualityPanel';
import { QuarantinePanel } from './QuarantinePanel';
import { DemoStoreDialog } from './DemoStoreDialog';
import { FilePicker } from './FilePicker';
import { ImportWizard } from './ImportWizard';
import { ReportsPanel } from './ReportsPanel';

const TABS = [
  { id: 'import', label: 'Import' },
  { id: 'history', label: 'History' },
  { id: 'quality', label: 'Data quality' },
  { id: 'quarantine', label: 'Quarantine' },
  { id: 'reports', label: 'Reports & exports' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** Onboarding and the desktop menu link here as #/data?demo, #/data?import or #/data?report. */
function intentFromHash(): 'demo' | 'import' | 'report' | null {
  const hash = window.location.hash;
  return hash.includes('?demo') ? 'demo' : hash.includes('?import') ? 'import' : hash.includes('?report') ? 'report' : null;
}

export default function DataPage() {
  const info = useApi('system.info', (api) => api['system.info']({}));
  const [tab, setTab] = useState<TabId>(() => (intentFromHash() === 'report' ? 'reports' : 'import'));
  const [files, setFiles] = useState<PickedFile[] | null>(null);
  const [isDemoOpen, setIsDemoOpen] = useState(() => intentFromHash() === 'demo');
  const kinds = info.data?.jobKinds ?? [];
  const canGenerate = kinds.includes('demo.create');
  const canImport = kinds.includes('import.files');

  return (
    <div className="page" data-page="data">
      <header className="page-header">
        <div>
          <h1>Data</h1>
          <p className="muted small">Bring in your shop’s exports, check what loaded and fix what did not.</p>
        </div>
        <button type="button" onClick={() => setIsDemoOpen(true)} disabled={!canGenerate} title={canGenerate ? undefined : 'The demo generator job is not in this build yet'}>
          Generate a demo store…
        </button>
      </header>
      <div className="tabs" role="tablist" aria-label="Data sections">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" id={`tab-${t.id}`} aria-selected={tab === t.id} aria-controls={`panel-${t.id}`} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'import' &&
          (files ? (
            <ImportWizard files={files} canImport={canImport} onReset={() => setFiles(null)} />
          ) : (
            <section className="panel" aria-label="Import files">
              <h2>Import files</h2>
              <FilePicker onPicked={setFiles} />
              {!canImport && <p className="muted small">The import job is not in this build yet: files can be inspected and previewed but not loaded.</p>}
            </section>
          ))}
        {tab === 'history' && <HistoryPanel />}
        {tab === 'quality' && <QualityPanel />}
        {tab === 'quarantine' && <QuarantinePanel />}
        {tab === 'reports' && <ReportsPanel />}
      </div>
      <DemoStoreDialog isOpen={isDemoOpen} onClose={() => setIsDemoOpen(false)} />
    </div>
  );
}
