import { DATE_PRESETS, presetRange, type DatePresetId } from './date-presets';
import { activeFilterCount } from './filter-state';
import { useFilters } from './FiltersContext';
import { MultiSelect } from './MultiSelect';

const toChoices = (values: string[]) => values.map((v) => ({ value: v, label: v }));

/** The global filter bar: dates with presets and comparison, four dimensions, currency, and the cross-filter chip. */
export function FilterBar() {
  const { state, update, reset, cross, setCross, options } = useFilters();
  const o = options.data;
  const range = state.preset === 'custom' ? { from: state.from, to: state.to } : presetRange(state.preset, o?.dataRange ?? null);
  const hasFilters = activeFilterCount(state) > 0 || cross !== null || state.preset !== 'all';

  return (
    <div className="filter-bar" role="toolbar" aria-label="Filters">
      <label className="inline-field">
        <span className="sr-only">Date range</span>
        <select
          aria-label="Date range"
          value={state.preset}
          onChange={(e) => {
            const preset = e.target.value as DatePresetId;
            // Starting a custom range from the current one is kinder than from empty boxes.
            if (preset === 'custom') update({ preset, from: range.from ?? o?.dataRange?.from ?? '', to: range.to ?? o?.dataRange?.to ?? '' });
            else update({ preset });
          }}
        >
          {DATE_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      {state.preset === 'custom' ? (
        <span className="date-inputs">
          <input type="date" aria-label="From" value={state.from} min={o?.dataRange?.from} max={state.to || undefined} onChange={(e) => update({ from: e.target.value })} />
          <span aria-hidden="true">–</span>
          <input type="date" aria-label="To" value={state.to} min={state.from || undefined} max={o?.dataRange?.to} onChange={(e) => update({ to: e.target.value })} />
        </span>
      ) : (
        <span className="muted small range-text" data-testid="range-text">
          {range.from && range.to ? `${range.from} – ${range.to}` : o?.dataRange ? `${o.dataRange.from} – ${o.dataRange.to}` : ''}
        </span>
      )}
      <label
        className="check compare-toggle"
        title={state.preset === 'all' ? 'All time has no earlier period to compare with' : 'Compare every figure with the period of the same length just before'}
      >
        <input
          type="checkbox"
          disabled={state.preset === 'all'}
          checked={state.compare === 'previous_period'}
          onChange={(e) => update({ compare: e.target.checked ? 'previous_period' : 'none' })}
        />
        vs previous
      </label>
      <MultiSelect label="Region" choices={toChoices(o?.regions ?? [])} selected={state.region} onChange={(region) => update({ region })} />
      <MultiSelect label="Category" choices={toChoices(o?.categories ?? [])} selected={state.category} onChange={(category) => update({ category })} />
      <MultiSelect
        label="Channel"
        choices={(o?.channels ?? []).map((c) => ({ value: c.code, label: c.label }))}
        selected={state.channel}
        onChange={(channel) => update({ channel })}
      />
      <MultiSelect label="Segment" choices={toChoices(o?.segments ?? [])} selected={state.segment} onChange={(segment) => update({ segment })} />
      {o && o.currencies.length > 1 && (
        <select aria-label="Currency" value={state.currency ?? o.defaultCurrency ?? ''} onChange={(e) => update({ currency: e.target.value })}>
          {o.currencies.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code}
            </option>
          ))}
        </select>
      )}
      {cross && (
        <span className="chip" data-testid="cross-filter-chip">
          {cross.dimension}: {cross.label}
          <button type="button" aria-label={`Clear ${cross.dimension} cross-filter`} onClick={() => setCross(null)}>
            ✕
          </button>
        </span>
      )}
      {hasFilters && (
        <button type="button" className="ghost" onClick={reset}>
          Reset
        </button>
      )}
      {options.error && !o && <span className="muted small">Filters unavailable: {options.error.message}</span>}
    </div>
  );
}
