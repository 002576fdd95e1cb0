import { useEffect, useId, useRef, useState } from 'react';

export interface Choice {
  value: string;
  label: string;
}

/** A compact multi-select for the filter bar: a button that opens a checkbox list with a search. */
export function MultiSelect({ label, choices, selected, onChange }: { label: string; choices: Choice[]; selected: string[]; onChange(values: string[]): void }) {
  const [isOpen, setIsOpen] = useState(false);
  const [query, setQuery] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!isOpen) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    window.addEventListener('pointerdown', onPointer);
    return () => window.removeEventListener('pointerdown', onPointer);
  }, [isOpen]);

  const summary =
    selected.length === 0 ? 'All' : selected.length === 1 ? (choices.find((c) => c.value === selected[0])?.label ?? selected[0]) : `${selected.length} selected`;
  const visible = choices.filter((c) => c.label.toLowerCase().includes(query.toLowerCase()));

  function toggle(value: string) {
    onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  }

  return (
    <div className="multi-select" ref={rootRef} onKeyDown={(event) => event.key === 'Escape' && setIsOpen(false)}>
      <button
        type="button"
        className={selected.length ? 'filter-button is-active' : 'filter-button'}
        aria-haspopup="true"
        aria-expanded={isOpen}
        aria-controls={listId}
        aria-label={`${label}: ${summary}`}
        onClick={() => setIsOpen((v) => !v)}
        disabled={choices.length === 0}
      >
        <span className="muted">{label}</span> {summary} ▾
      </button>
      {isOpen && (
        <div className="dropdown" id={listId} role="group" aria-label={`${label} choices`}>
          {choices.length > 8 && (
            <input type="search" placeholder={`Search ${label.toLowerCase()}…`} value={query} onChange={(e) => setQuery(e.target.value)} aria-label={`Search ${label}`} autoFocus />
          )}
          <div className="dropdown-list">
            {visible.map((choice) => (
              <label key={choice.value} className="check">
                <input type="checkbox" checked={selected.includes(choice.value)} onChange={() => toggle(choice.value)} />
                {choice.label}
              </label>
            ))}
            {visible.length === 0 && <p className="muted small">No match.</p>}
          </div>
          <div className="dropdown-footer">
            <button type="button" className="ghost" onClick={() => onChange([])} disabled={selected.length === 0}>
              Clear
            </button>
            <button type="button" onClick={() => setIsOpen(false)}>
              Done
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
