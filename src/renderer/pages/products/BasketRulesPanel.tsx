import { useDeferredValue, useMemo, useState } from 'react';
import type { RuleDto } from '../../../shared/contract/models';
import { useEngine } from '../../api/useEngine';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { ModelGate } from '../../components/ModelGate';
import { StateSwitch } from '../../components/StateViews';
import { ProductLink } from '../../drawers/DrawerContext';
import { formatCount, formatPercent } from '../../lib/format';

type SortBy = 'lift' | 'confidence' | 'support';

function RulesTable() {
  const [sortBy, setSortBy] = useState<SortBy>('lift');
  const [minLift, setMinLift] = useState(1);
  const [minConfidence, setMinConfidence] = useState(0);
  const [sku, setSku] = useState('');
  const deferredSku = useDeferredValue(sku.trim());
  const rules = useEngine('models.rules', { sortBy, minLift, minConfidence, ...(deferredSku ? { sku: deferredSku } : {}), limit: 1000 });
  const columns = useMemo<TableColumn<RuleDto>[]>(
    () => [
      {
        id: 'antecedent',
        header: 'Customers who buy',
        width: 220,
        grows: true,
        cell: (r) => (
          <span>
            {r.antecedent.map((s, i) => (
              <span key={s}>
                {i > 0 && ' + '}
                <ProductLink sku={s} label={r.antecedentNames[i] ?? s} />
              </span>
            ))}
          </span>
        ),
        value: (r) => r.antecedent.join(' + '),
      },
      { id: 'consequent', header: 'also buy', width: 180, grows: true, cell: (r) => <ProductLink sku={r.consequent} label={r.consequentName ?? r.consequent} />, value: (r) => r.consequent },
      { id: 'baskets', header: 'Baskets', width: 80, align: 'right', cell: (r) => formatCount(r.baskets), value: (r) => r.baskets },
      { id: 'support', header: 'Support', width: 90, align: 'right', cell: (r) => formatPercent(r.support, 2), value: (r) => r.support },
      { id: 'confidence', header: 'Confidence', width: 100, align: 'right', cell: (r) => formatPercent(r.confidence), value: (r) => r.confidence },
      { id: 'lift', header: 'Lift', width: 70, align: 'right', cell: (r) => r.lift.toFixed(2), value: (r) => r.lift },
    ],
    [],
  );
  return (
    <StateSwitch state={rules} hasData={rules.data !== undefined}>
      {() => (
        <DataTable
          id="basket-rules"
          title="Basket rules"
          columns={columns}
          rows={rules.data?.rules ?? []}
          height={360}
          toolbar={
            <>
              <input type="search" aria-label="Rules with SKU" placeholder="Only rules with SKU…" value={sku} onChange={(e) => setSku(e.target.value)} />
              <label className="check">
                Min lift <input type="number" min={0} step={0.5} value={minLift} onChange={(e) => setMinLift(Math.max(0, Number(e.target.value) || 0))} style={{ width: 70 }} />
              </label>
              <label className="check">
                Min confidence{' '}
                <input type="number" min={0} max={1} step={0.05} value={minConfidence} onChange={(e) => setMinConfidence(Math.min(1, Math.max(0, Number(e.target.value) || 0)))} style={{ width: 70 }} />
              </label>
              <select aria-label="Sort rules by" value={sortBy} onChange={(e) => setSortBy(e.target.value as SortBy)}>
                <option value="lift">by lift</option>
                <option value="confidence">by confidence</option>
                <option value="support">by support</option>
              </select>
              <span className="muted small">{rules.data ? `${formatCount(rules.data.total)} rules from ${formatCount(rules.data.transactions)} baskets` : ''}</span>
            </>
          }
        />
      )}
    </StateSwitch>
  );
}

/** Association rules from the basket model: support, confidence and lift, filterable. */
export function BasketRulesPanel() {
  return (
    <section className="panel" aria-label="Basket rules">
      <h2>Basket rules</h2>
      <ModelGate model="rules">{() => <RulesTable />}</ModelGate>
    </section>
  );
}
