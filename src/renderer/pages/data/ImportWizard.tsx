import { useEffect, useState } from 'react';
import type { PickedFile } from '../../../shared/bridge';
import type { ColumnMapping, DryRunResult, FileDetection, FilePreview } from '../../../shared/contract/formats';
import { AppError } from '../../../shared/result';
import { useApiContext } from '../../api/ApiContext';
import { useEngineCall } from '../../api/useEngine';
import { useJob } from '../../api/useJob';
import { JobProgress } from '../../components/JobProgress';
import { usePreferences } from '../../preferences/PreferencesContext';
import { ErrorState } from '../../components/StateViews';
import { MappingEditor } from './MappingEditor';
import { PreviewTable } from './PreviewTable';
import { ImportOutcome } from './ImportOutcome';

type Step = 'detect' | 'map' | 'preview' | 'dryrun' | 'import';
const STEPS: { id: Step; label: string }[] = [
  { id: 'detect', label: '1 Detect' },
  { id: 'map', label: '2 Map' },
  { id: 'preview', label: '3 Preview' },
  { id: 'dryrun', label: '4 Dry run' },
  { id: 'import', label: '5 Import' },
];

interface Inspection {
  file: PickedFile;
  detection: FileDetection;
  preview: FilePreview;
}

const needsMapping = (d: FileDetection) => d.format === 'mapped' || d.format === 'unknown';

/**
 * Detect → map (only for files no known format fits) → preview → dry run → import. Each step
 * shows what the engine found, so nothing loads that the user has not seen.
 */
export function ImportWizard({ files, canImport, onReset }: { files: PickedFile[]; canImport: boolean; onReset(): void }) {
  const call = useEngineCall();
  const { api } = useApiContext();
  const { settings } = usePreferences();
  const [step, setStep] = useState<Step>('detect');
  const [inspections, setInspections] = useState<Inspection[] | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [preview, setPreview] = useState<FilePreview | null>(null);
  const [dryRun, setDryRun] = useState<DryRunResult | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const { job, cancel, isActive } = useJob(jobId);

  const mappedFile = inspections?.find((i) => needsMapping(i.detection)) ?? null;

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    setIsBusy(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(e instanceof AppError ? e : new AppError('INTERNAL', String(e)));
      return undefined;
    } finally {
      setIsBusy(false);
    }
  }

  useEffect(() => {
    void run(async () => {
      const results = await Promise.all(files.map(async (file) => ({ file, ...(await call('formats.inspect', { path: file.path })) })));
      setInspections(results);
      const toMap = results.find((r) => needsMapping(r.detection));
      // Times without an offset default to the zone chosen in Settings.
      const timeZone = toMap?.detection.proposedMapping?.timeZone ?? settings.timeZone;
      if (toMap?.detection.proposedMapping) setMapping({ ...toMap.detection.proposedMapping, timeZone });
      else if (toMap) setMapping({ entity: toMap.detection.proposedEntity ?? 'flat_order_lines', columns: {}, timeZone });
    });
    // Inspect once per picked set.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [files]);

  const mappingArg = mappedFile && mapping ? { mapping } : {};

  async function goPreview() {
    const target = mappedFile ?? inspections?.[0];
    if (!target) return;
    const result = await run(() => call('formats.preview', { path: target.file.path, ...mappingArg }));
    if (result) {
      setPreview(result);
      setStep('preview');
    }
  }

  async function goDryRun() {
    const result = await run(() => call('formats.dryRun', { paths: files.map((f) => f.path), ...mappingArg }));
    if (result) {
      setDryRun(result);
      setStep('dryrun');
    }
  }

  async function startImport() {
    const result = await run(() => api['jobs.start']({ kind: 'import.files', params: { paths: files.map((f) => f.path), ...mappingArg } }));
    if (result) {
      setJobId(result.jobId);
      setStep('import');
    }
  }

  const refusal = dryRun?.files.find((f) => f.refusal)?.refusal ?? preview?.refusal ?? null;

  return (
    <section className="panel" aria-label="Import wizard">
      <header className="card-header">
        <h2>Import {files.length === 1 ? files[0]?.name : `${files.length} files`}</h2>
        <button type="button" className="ghost" onClick={onReset} disabled={isActive}>
          Start over
        </button>
      </header>
      <ol className="steps" aria-label="Import steps">
        {STEPS.filter((s) => s.id !== 'map' || mappedFile).map((s) => (
          <li key={s.id} className={s.id === step ? 'is-current' : undefined} aria-current={s.id === step ? 'step' : undefined}>
            {s.label}
          </li>
        ))}
      </ol>
      {error && <ErrorState error={error} />}
      {isBusy && <p className="muted" role="status">Reading…</p>}

      {step === 'detect' && inspections && (
        <>
          <table className="simple-table" aria-label="Detected formats">
            <thead>
              <tr>
                <th>File</th>
                <th>Format</th>
                <th>Encoding</th>
                <th>Delimiter</th>
                <th>Rows sampled</th>
                <th>Notes</th>
              </tr>
            </thead>
            <tbody>
              {inspections.map(({ file, detection: d }) => (
                <tr key={file.path}>
                  <td>{file.name}</td>
                  <td data-testid="detected-format">{d.format}</td>
                  <td>{d.encoding}</td>
                  <td>{d.delimiter === '\t' ? 'tab' : d.delimiter}</td>
                  <td>{d.sampledRows}</td>
                  <td className="small is-prose">{d.openQuestions.length + d.warnings.length === 0 ? '—' : [...d.openQuestions, ...d.warnings].map((note) => <div key={note}>{note}</div>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="modal-actions">
            {mappedFile ? (
              <button type="button" className="primary" onClick={() => setStep('map')}>
                Map columns
              </button>
            ) : (
              <button type="button" className="primary" onClick={() => void goPreview()} disabled={isBusy}>
                Preview
              </button>
            )}
          </div>
        </>
      )}

      {step === 'map' && mappedFile && mapping && (
        <>
          <MappingEditor detection={mappedFile.detection} mapping={mapping} onChange={setMapping} />
          <div className="modal-actions">
            <button type="button" onClick={() => setStep('detect')}>
              Back
            </button>
            <button type="button" className="primary" onClick={() => void goPreview()} disabled={isBusy}>
              Preview
            </button>
          </div>
        </>
      )}

      {step === 'preview' && preview && (
        <>
          {preview.refusal ? <p className="error-state">{preview.refusal}</p> : <PreviewTable preview={preview} />}
          <div className="modal-actions">
            <button type="button" onClick={() => setStep(mappedFile ? 'map' : 'detect')}>
              Back
            </button>
            <button type="button" className="primary" onClick={() => void goDryRun()} disabled={isBusy || Boolean(preview.refusal)}>
              Dry run
            </button>
          </div>
        </>
      )}

      {step === 'dryrun' && dryRun && (
        <>
          <table className="simple-table" aria-label="Dry run">
            <thead>
              <tr>
                <th>File</th>
                <th>Rows read</th>
                <th>Would load</th>
                <th>Duplicates</th>
                <th>Already in warehouse</th>
                <th>Quarantined</th>
              </tr>
            </thead>
            <tbody>
              {dryRun.files.map((f) => (
                <tr key={f.file}>
                  <td>{f.file.split(/[\\/]/).pop()}</td>
                  <td>{f.rowsRead}</td>
                  <td>{Object.entries(f.wouldLoad).map(([k, v]) => `${v} ${k}`).join(', ') || '—'}</td>
                  <td>{f.duplicates}</td>
                  <td>{f.alreadyInWarehouse}</td>
                  <td>{f.quarantined ? <span className="badge warn">{f.quarantined}</span> : 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {dryRun.files.some((f) => f.quarantineReasons.length) && (
            <ul className="plain-list small">
              {dryRun.files.flatMap((f) =>
                f.quarantineReasons.map((r) => (
                  <li key={`${f.file}-${r.reason}`}>
                    {r.count}× {r.reason} (e.g. line {r.example.line}
                    {r.example.column ? `, column “${r.example.column}”` : ''})
                  </li>
                )),
              )}
            </ul>
          )}
          {refusal && <p className="error-state">{refusal}</p>}
          <div className="modal-actions">
            <button type="button" onClick={() => setStep('preview')}>
              Back
            </button>
            <button type="button" className="primary" onClick={() => void startImport()} disabled={isBusy || !canImport || Boolean(refusal)} title={canImport ? undefined : 'The import job is not in this build yet'}>
              Import
            </button>
          </div>
        </>
      )}

      {step === 'import' && (
        <>
          <JobProgress job={job} onCancel={() => void cancel()} label="Importing" />
          {job?.status === 'succeeded' && <ImportOutcome result={job.result} />}
        </>
      )}
    </section>
  );
}
