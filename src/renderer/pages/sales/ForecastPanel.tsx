import { isMethodAvailable } from '../../api/engine';

/**
 * The revenue forecast with intervals and backtest accuracy belongs to the models engine
 * (`models.forecast`). It is not declared in this build yet, so the panel says so plainly.
 */
export function ForecastPanel() {
  if (isMethodAvailable('models.forecast')) return null;
  return (
    <section className="panel" aria-label="Forecast">
      <h2>Forecast</h2>
      <p className="muted">The revenue forecast with its intervals and backtest accuracy appears here once the models engine is part of this build.</p>
    </section>
  );
}
