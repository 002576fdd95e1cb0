import { useState, type DragEvent } from 'react';
import type { PickedFile } from '../../../shared/bridge';
import { useApiContext } from '../../api/ApiContext';

const ACCEPT = ['.csv', '.tsv', '.txt', '.ndjson', '.jsonl'];

/** "Choose files…" plus a drop zone; both hand back files the backend can read by path. */
export function FilePicker({ onPicked }: { onPicked(files: PickedFile[]): void }) {
  const { bridge } = useApiContext();
  const [isOver, setIsOver] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function take(promise: Promise<PickedFile[]>) {
    setError(null);
    try {
      const files = await promise;
      if (files.length) onPicked(files);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setIsOver(false);
    void take(bridge.acceptDroppedFiles(Array.from(event.dataTransfer.files)));
  }

  return (
    <div
      className={isOver ? 'drop-zone is-over' : 'drop-zone'}
      onDragOver={(e) => {
        e.preventDefault();
        setIsOver(true);
      }}
      onDragLeave={() => setIsOver(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      <p>Drop CSV files here — Shopify orders exports, UCI Online Retail, Storelens native files, or any CSV you map yourself.</p>
      <button type="button" className="primary" onClick={() => void take(bridge.pickFiles({ accept: ACCEPT, isMultiple: true }))}>
        Choose files…
      </button>
      {error && (
        <p className="error-state" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
