import { useEffect, useId, useRef, useState } from 'react';
import { isMetricId, metricDefinition } from '../../shared/metrics';

/** The ⓘ next to a number: opens the metric's registry definition (formula, rule, source). */
export function MetricInfo({ metricId }: { metricId: string }) {
  const [isOpen, setIsOpen] = useState(false);
  const popoverId = useId();
  const rootRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setIsOpen(false);
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [isOpen]);

  if (!isMetricId(metricId)) return null;
  const metric = metricDefinition(metricId);
  return (
    <span className="metric-info" ref={rootRef}>
      <button
        type="button"
        className="info-button"
        aria-label={`About ${metric.label}`}
        aria-expanded={isOpen}
        aria-controls={popoverId}
        onClick={() => setIsOpen((v) => !v)}
      >
        {/* A drawn circle rather than the ⓘ glyph, which many system fonts lack. */}
        <span aria-hidden="true">i</span>
      </button>
      {isOpen && (
        <div className="popover" id={popoverId} role="dialog" aria-label={`${metric.label} definition`}>
          <strong>{metric.label}</strong>
          <p>
            <span className="muted">Formula:</span> {metric.formula}
          </p>
          <p>{metric.rule}</p>
          <p className="muted small">Definition: {metric.source}</p>
        </div>
      )}
    </span>
  );
}
