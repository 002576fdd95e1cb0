import { useEffect, useRef, useState } from 'react';
import { useApiContext } from '../../api/ApiContext';
import { useJob } from '../../api/useJob';
import { JobProgress } from '../../components/JobProgress';

/** Mirrors the generator's presets (src/main/backend/generate/options.ts) for the labels only. */
const PRESETS = [
  { id: 'small', label: 'Small', hint: '4,000 customers · 300 products · 1 year · ~50k order lines' },
  { id: 'medium', label: 'Medium', hint: '20,000 customers · 800 products · 2 years · ~300k lines' },
  { id: 'large', label: 'Large', hint: '50,000 customers · 1,500 products · 2 years · ~1M lines' },
] as const;

/** "Generate a demo store": preset and seed, then the `demo.create` job with progress and Cancel. */
export function DemoStoreDialog({ isOpen, onClose }: { isOpen: boolean; onClose(): void }) {
  const { api } = useApiContext();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [preset, setPreset] = useState<(typeof PRESETS)[number]['id']>('small');
  const [seed, setSeed] = useState(42);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { job, cancel, isActive } = useJob(jobId);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  async function start() {
    setError(null);
    try {
      const { jobId: id } = await api['jobs.start']({ kind: 'demo.create', params: { preset, seed } });
      setJobId(id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <dialog ref={dialogRef} className="modal" aria-label="Generate a demo store" onClose={onClose} onCancel={(e) => isActive && e.preventDefault()}>
      <h2>Generate a demo store</h2>
      <p className="muted">A realistic shop with orders, customers, returns, reviews and stock, generated from a seed so the same seed gives the same store.</p>
      <fieldset disabled={isActive} style={{ border: 0, padding: 0 }}>
        <legend className="sr-only">Size</legend>
        {PRESETS.map((p) => (
          <label key={p.id} className="check" style={{ display: 'flex', margin: '8px 0' }}>
            <input type="radio" name="preset" value={p.id} checked={preset === p.id} onChange={() => setPreset(p.id)} />
            <span>
              <strong>{p.label}</strong> <span className="muted small">{p.hint}</span>
            </span>
          </label>
        ))}
        <label className="field">
          <span>Seed</span>
          <input type="number" min={0} value={seed} onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))} />
        </label>
      </fieldset>
      {error && (
        <p className="error-state" role="alert">
          {error}
        </p>
      )}
      <JobProgress job={job} onCancel={() => void cancel()} label="Generating" />
      <div className="modal-actions">
        <button type="button" onClick={onClose} disabled={isActive}>
          {job?.status === 'succeeded' ? 'Close' : 'Cancel'}
        </button>
        <button type="button" className="primary" onClick={() => void start()} disabled={isActive}>
          {job?.status === 'succeeded' ? 'Generate again' : 'Generate'}
        </button>
      </div>
    </dialog>
  );
}
