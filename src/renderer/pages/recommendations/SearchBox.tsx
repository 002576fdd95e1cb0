import { useId, useState } from 'react';
import { useSuggestions, type Suggestion } from './useSuggestions';

/** One box for customers and products, with suggestions as you type (a combobox for keyboards). */
export function SearchBox({ onSelect }: { onSelect(s: Suggestion): void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [isOpen, setIsOpen] = useState(false);
  const { suggestions, isLoading } = useSuggestions(query);
  const listId = useId();

  function choose(s: Suggestion) {
    onSelect(s);
    setQuery(s.label);
    setIsOpen(false);
  }

  return (
    <div className="search-box">
      <input
        type="search"
        role="combobox"
        aria-label="Customer or product"
        aria-expanded={isOpen && suggestions.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={isOpen && suggestions[active] ? `${listId}-${active}` : undefined}
        placeholder="Customer name or e-mail, product name or SKU…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setIsOpen(true);
        }}
        onFocus={() => setIsOpen(true)}
        onBlur={() => setTimeout(() => setIsOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(suggestions.length - 1, a + 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
          else if (e.key === 'Enter' && suggestions[active]) choose(suggestions[active]);
          else if (e.key === 'Escape') setIsOpen(false);
          else return;
          e.preventDefault();
        }}
      />
      {isOpen && query.trim().length >= 2 && (
        <ul className="suggestions" id={listId} role="listbox" aria-label="Suggestions">
          {suggestions.map((s, i) => (
            <li key={`${s.kind}:${s.id}`} id={`${listId}-${i}`} role="option" aria-selected={i === active} onMouseDown={(e) => (e.preventDefault(), choose(s))}>
              <span className={`badge ${s.kind === 'customer' ? 'good' : 'warn'}`}>{s.kind}</span> {s.label} <span className="muted small">{s.detail}</span>
            </li>
          ))}
          {suggestions.length === 0 && <li className="muted">{isLoading ? 'Searching…' : 'No customer or product matches.'}</li>}
        </ul>
      )}
    </div>
  );
}
