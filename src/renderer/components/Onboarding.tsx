import type { SystemInfo } from '../../shared/contract/system';

interface OnboardingProps {
  info: SystemInfo;
  onGenerate(): void;
  onImport(): void;
}

/** First run with an empty warehouse: two ways in, each offered only once its job exists. */
export function Onboarding({ info, onGenerate, onImport }: OnboardingProps) {
  const canGenerate = info.jobKinds.includes('demo.create');
  const canImport = info.jobKinds.includes('import.files');
  return (
    <section className="onboarding" aria-label="Welcome">
      <h1>Welcome to Storelens</h1>
      <p className="lead">Your warehouse is empty. Start with a realistic demo store, or bring your shop’s own CSV exports.</p>
      <div className="onboarding-actions">
        <button type="button" className="card-button" onClick={onGenerate} disabled={!canGenerate}>
          <strong>Generate a demo store</strong>
          <span>{canGenerate ? 'A year or two of orders, customers, returns and stock, with known totals.' : 'Not available yet in this build.'}</span>
        </button>
        <button type="button" className="card-button" onClick={onImport} disabled={!canImport}>
          <strong>Import CSV files</strong>
          <span>{canImport ? 'Shopify, UCI Online Retail, or any CSV through a mapping.' : 'Not available yet in this build.'}</span>
        </button>
      </div>
    </section>
  );
}
