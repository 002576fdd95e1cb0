import type { CustomerRow, Filters } from '../../../shared/contract/analytics';
import { useEngine } from '../../api/useEngine';
import { DataTable } from '../../components/DataTable';
import { StateSwitch } from '../../components/StateViews';
import { useDrawers } from '../../drawers/DrawerContext';
import { useMoney } from '../../preferences/PreferencesContext';
import { customerColumns } from '../customers/customer-columns';

/** The ten best customers of the period; a row opens the customer drawer. */
export function TopCustomersPanel({ filters }: { filters: Filters | null }) {
  const top = useEngine('analytics.topCustomers', filters && { filters, limit: 10, sort: 'net_revenue', direction: 'desc' }, { isBackground: true });
  const money = useMoney(top.data?.meta.currency);
  const { openCustomer } = useDrawers();
  return (
    <section className="panel" aria-label="Top 10 customers">
      <h2>Top 10 customers</h2>
      <StateSwitch state={top} hasData={top.data !== undefined} emptyReason={top.data?.meta.emptyReason} height={200}>
        {() => (
          <DataTable<CustomerRow>
            id="overview-top-customers"
            title="Top 10 customers"
            columns={customerColumns(money)}
            rows={top.data?.rows ?? []}
            onRowClick={(row) => openCustomer(row.customerId)}
            rowLabel={(row) => `Open ${row.name ?? row.customerId}`}
            height={400}
          />
        )}
      </StateSwitch>
    </section>
  );
}
