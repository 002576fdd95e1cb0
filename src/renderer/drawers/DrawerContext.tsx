import { createContext, lazy, Suspense, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

const CustomerDrawer = lazy(() => import('./CustomerDrawer'));
const ProductDrawer = lazy(() => import('./ProductDrawer'));

type Target = { kind: 'customer'; id: string } | { kind: 'product'; id: string } | null;

interface DrawerValue {
  openCustomer(customerId: string): void;
  openProduct(sku: string): void;
}

const DrawerContext = createContext<DrawerValue>({ openCustomer: () => undefined, openProduct: () => undefined });

/** One drawer for the window: any customer or product anywhere opens its detail here. */
export function DrawerProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<Target>(null);
  const close = useCallback(() => setTarget(null), []);
  const value = useMemo<DrawerValue>(
    () => ({ openCustomer: (id) => setTarget({ kind: 'customer', id }), openProduct: (id) => setTarget({ kind: 'product', id }) }),
    [],
  );
  return (
    <DrawerContext.Provider value={value}>
      {children}
      <Suspense fallback={null}>
        {target?.kind === 'customer' && <CustomerDrawer customerId={target.id} onClose={close} />}
        {target?.kind === 'product' && <ProductDrawer sku={target.id} onClose={close} />}
      </Suspense>
    </DrawerContext.Provider>
  );
}

export function useDrawers(): DrawerValue {
  return useContext(DrawerContext);
}

/** A customer's name as a link-styled button that opens the drawer. */
export function CustomerLink({ customerId, label }: { customerId: string; label?: string | null }) {
  const { openCustomer } = useDrawers();
  return (
    <button type="button" className="link" onClick={(e) => (e.stopPropagation(), openCustomer(customerId))}>
      {label || customerId}
    </button>
  );
}

export function ProductLink({ sku, label }: { sku: string; label?: string | null }) {
  const { openProduct } = useDrawers();
  return (
    <button type="button" className="link" onClick={(e) => (e.stopPropagation(), openProduct(sku))}>
      {label || sku}
    </button>
  );
}
