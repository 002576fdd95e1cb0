import { useState } from 'react';

/** Landing folders whose new CSV files are imported automatically. */
export function WatchedFoldersSection({ folders, onChange }: { folders: string[]; onChange(folders: string[]): void }) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const path = draft.trim();
    if (path && !folders.includes(path)) onChange([...folders, path]);
    setDraft('');
  };
  return (
    <section className="panel" aria-label="Watched folders">
      <h2>Watched folders</h2>
      <p className="muted small">New CSV files dropped into these folders are imported automatically while Storelens runs.</p>
      {folders.length === 0 ? (
        <p className="muted">No folder is watched.</p>
      ) : (
        <ul className="plain-list">
          {folders.map((f) => (
            <li key={f}>
              <code>{f}</code>{' '}
              <button type="button" className="ghost" aria-label={`Stop watching ${f}`} onClick={() => onChange(folders.filter((x) => x !== f))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input aria-label="Folder to watch" placeholder="/path/to/landing/folder" value={draft} onChange={(e) => setDraft(e.target.value)} style={{ minWidth: 360 }} />{' '}
        <button type="submit" disabled={!draft.trim()}>
          Watch folder
        </button>
      </form>
    </section>
  );
}
