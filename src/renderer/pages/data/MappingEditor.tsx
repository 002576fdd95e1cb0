import { useMemo } from 'react';
import type { ColumnMapping, FileDetection, MappingTarget } from '../../../shared/contract/formats';
import { DATE_FORMATS, DECIMAL_SEPARATORS, MAPPING_TARGETS } from '../../../shared/contract/formats';
import { timeZoneChoices } from '../../lib/time-zones';

/** Below this a proposal rests on a header that only resembles the field: the user is asked to look. */
const WEAK_PROPOSAL = 0.7;

/**
 * The mapping step: for each target field the proposed source column (with the detector's
 * confidence and reason), the date format, time zone and decimal separator, and
 * constants such as the currency when no column carries it.
 */
export function MappingEditor({ detection, mapping, onChange }: { detection: FileDetection; mapping: ColumnMapping; onChange(mapping: ColumnMapping): void }) {
  // Several hundred zones: listed once per chosen zone, not on every keystroke in the mapping.
  const zones = useMemo(() => timeZoneChoices(mapping.timeZone ?? 'UTC'), [mapping.timeZone]);
  const setColumn = (field: string, column: string) => {
    const columns = { ...mapping.columns };
    if (column) columns[field] = column;
    else delete columns[field];
    onChange({ ...mapping, columns });
  };
  const setConstant = (field: string, value: string) => {
    const constants = { ...(mapping.constants ?? {}) };
    if (value) constants[field] = value;
    else delete constants[field];
    onChange({ ...mapping, constants });
  };
  return (
    <div className="mapping-editor">
      <div className="field">
        <span>File holds</span>
        <select aria-label="Mapping target" value={mapping.entity} onChange={(e) => onChange({ ...mapping, entity: e.target.value as MappingTarget })}>
          {MAPPING_TARGETS.map((t) => (
            <option key={t} value={t}>
              {t.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <span>Dates are written</span>
        <select aria-label="Date format" value={mapping.dateFormat ?? ''} onChange={(e) => onChange({ ...mapping, ...(e.target.value ? { dateFormat: e.target.value as ColumnMapping['dateFormat'] } : {}) })}>
          <option value="">{detection.dateFormat.isAmbiguous ? 'Choose (ambiguous)…' : 'As detected'}</option>
          {DATE_FORMATS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        {/* Times keep their written clock; the zone only gives them their offset (their instant). */}
        <span>Times without an offset are in</span>
        <select aria-label="Time zone" value={mapping.timeZone ?? 'UTC'} onChange={(e) => onChange({ ...mapping, timeZone: e.target.value })}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <span>Decimal separator</span>
        <select aria-label="Decimal separator" value={mapping.decimalSeparator ?? detection.decimalSeparator.separator} onChange={(e) => onChange({ ...mapping, decimalSeparator: e.target.value as '.' | ',' })}>
          {DECIMAL_SEPARATORS.map((s) => (
            <option key={s} value={s}>
              {s === '.' ? 'Point (1234.56)' : 'Comma (1234,56)'}
            </option>
          ))}
        </select>
      </div>
      <div className="mapping-grid" role="table" aria-label="Column mapping">
        <strong role="columnheader">Field</strong>
        <strong role="columnheader">Source column</strong>
        <strong role="columnheader">Why</strong>
        {detection.fields.map((f) => (
          <div key={f.field} role="row" style={{ display: 'contents' }}>
            <span role="cell">
              {f.field}
              {f.isRequired && <span className="badge warn mapping-required">required</span>}
            </span>
            <span role="cell" className="mapping-source">
              <select aria-label={`Column for ${f.field}`} value={mapping.columns[f.field] ?? ''} onChange={(e) => setColumn(f.field, e.target.value)}>
                <option value="">— none —</option>
                {detection.header.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
              {!mapping.columns[f.field] && (
                <input
                  aria-label={`Fixed value for ${f.field}`}
                  placeholder="or a fixed value"
                  value={mapping.constants?.[f.field] ?? ''}
                  onChange={(e) => setConstant(f.field, e.target.value)}
                />
              )}
            </span>
            <span role="cell" className="muted small">
              {f.column && f.confidence < WEAK_PROPOSAL && mapping.columns[f.field] === f.column && <span className="badge warn">check</span>}{' '}
              {f.column ? `${Math.round(f.confidence * 100)} % · ` : ''}
              {f.reason}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
