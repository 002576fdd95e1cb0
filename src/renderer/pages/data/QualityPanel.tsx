import { useEngine } from '../../api/useEngine';
import { StateSwitch } from '../../components/StateViews';
import { QualityChecks } from './QualityChecks';

export function QualityPanel() {
  const report = useEngine('imports.qualityReport', {});
  return (
    <section className="panel" aria-label="Data quality">
      <h2>Data quality</h2>
      <StateSwitch state={report} hasData={report.data !== undefined} emptyReason={report.data === null ? 'No quality run yet: checks run after every import.' : null}>
        {() => report.data && <QualityChecks report={report.data} />}
      </StateSwitch>
    </section>
  );
}
