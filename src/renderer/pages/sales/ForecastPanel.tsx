import { useMemo } from 'react';
import { useEngine } from '../../api/useEngine';
import { EChart } from '../../charts/EChart';
import { forecastOption } from '../../charts/options/forecast';
import { ModelGate } from '../../components/ModelGate';
import { useMoney } from '../../preferences/PreferencesContext';

function ForecastBody() {
  const forecast = useEngine('models.forecast', { grain: 'day' });
  const f = forecast.data;
  const money = useMoney(f?.currency, true);
  const option = useMemo(() => (f ? forecastOption(f.series, money) : null), [f, money]);
  if (!f || !option) return <p className="muted">{forecast.error ? forecast.error.message : 'No daily forecast in the latest run.'}</p>;
  return (
    <>
      <p className="muted small">
        Method: <strong>{f.chosenLabel}</strong>, chosen by a {f.backtest.folds}-fold backtest over {f.backtest.horizon} days.{' '}
        {f.beatsSeasonalNaive === null ? '' : f.beatsSeasonalNaive ? 'It beats the seasonal-naive baseline.' : 'It does not beat the seasonal-naive baseline: read it with care.'}
      </p>
      <EChart id="sales-forecast" option={option} height={300} ariaLabel="Net sales forecast" />
      <table className="simple-table" aria-label="Backtest accuracy">
        <thead>
          <tr>
            <th>Method</th>
            <th style={{ textAlign: 'right' }}>MAPE</th>
            <th style={{ textAlign: 'right' }}>sMAPE</th>
          </tr>
        </thead>
        <tbody>
          {f.backtest.scores.map((s) => (
            <tr key={s.method} className={s.method === f.chosenMethod ? 'is-selected' : undefined}>
              <td>
                {s.label}
                {s.method === f.chosenMethod ? ' (chosen)' : ''}
              </td>
              {/* The engine reports both errors in percent already (sMAPE runs 0–200). */}
              <td style={{ textAlign: 'right' }}>{s.mape === null ? '—' : `${s.mape.toFixed(1)} %`}</td>
              <td style={{ textAlign: 'right' }}>{`${s.smape.toFixed(1)} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The revenue forecast with intervals and its backtest accuracy (models engine). */
export function ForecastPanel() {
  return (
    <section className="panel" aria-label="Forecast" data-card="sales-forecast">
      <h2>Net sales forecast</h2>
      <ModelGate model="forecast">{() => <ForecastBody />}</ModelGate>
    </section>
  );
}
