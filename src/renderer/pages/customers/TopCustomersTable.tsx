import { useDeferredValue, useMemo, useState } from 'react';
import type { CustomerRow, CustomerSortKey } from '../../../shared/contract/analytics';
import { CUSTOMER_SORT_KEYS } from '../../../shared/contract/analytics';
import { DataTable, type TableColumn, type TableSort } from '../../components/DataTable';
import { ErrorState, StateSwitch } from '../../components/StateViews';
import { useDrawers } from '../../drawers/DrawerContext';
import { useViewFilters } from '../../filters/useViewFilters';
import { formatCount } from '../../lib/format';
import { useMoney } from '../../preferences/PreferencesContext';
import { customerColumns } from './customer-columns';
import { isPlaceholder, usePagedCustomers } from './usePagedCustomers';

const isSortKey = (id: string): id is CustomerSortKey => (CUSTOMER_SORT_KEYS as readonly string[]).includes(id);

export function TopCustomersTable() {
  const filters = useViewFilters();
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search.trim());
  const [sort, setSort] = useState<TableSort>({ id: 'net_revenue', isDescending: true });
  const query = useMemo(
    () => filters && { filters, search: deferredSearch, sort: isSortKey(sort.id) ? sort.id : 'net_revenue', direction: sort.isDescending ? ('desc' as const) : ('asc' as const) },
    [filters, deferredSearch, sort],
  );
  const paged = usePagedCustomers(query);
  const money = useMoney(paged.first.data?.meta.currency);
  const { openCustomer } = useDrawers();
  const columns = useMemo<TableColumn<CustomerRow>[]>(
    () =>
      customerColumns(money).map((column) => ({
        ...column,
        isSortable: isSortKey(column.id),
        cell: (row: CustomerRow) => (isPlaceholder(row) ? <span className="muted">…</span> : column.cell(row)),
      })),
    [money],
  );

  return (
    <section className="panel" aria-label="Top customers">
      <header className="card-header">
        <h2>Top customers</h2>
        <span className="muted small" data-testid="customer-total">
          {paged.first.data ? `${formatCount(paged.total)} customers` : ''}
        </span>
      </header>
      <StateSwitch state={paged.first} hasData={paged.first.data !== undefined} height={300}>
        {() => (
          <>
            {paged.pageError && <ErrorState error={paged.pageError} />}
            <DataTable<CustomerRow>
              id="top-customers"
              title="Top customers"
              columns={columns}
              rows={paged.rows}
              sort={sort}
              onSortChange={(next) => setSort(next ?? { id: 'net_revenue', isDescending: true })}
              onRowClick={(row) => !isPlaceholder(row) && openCustomer(row.customerId)}
              rowLabel={(row) => `Open ${row.name ?? row.customerId}`}
              onRangeChange={paged.onRangeChange}
              exportRows={paged.fetchAll}
              height={480}
              toolbar={
                <input
                  type="search"
                  className="table-search"
                  placeholder="Search name, e-mail or id…"
                  aria-label="Search customers"
                  value={search}
                  onChange={(e) => setSearch(e.target.value)}
                />
              }
            />
            {paged.total === 0 && <p className="muted">{search ? `No customer matches “${search}”.` : (paged.first.data?.meta.emptyReason ?? 'No customers in this range.')}</p>}
          </>
        )}
      </StateSwitch>
    </section>
  );
}
