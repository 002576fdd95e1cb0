import { Placeholder } from '../../components/Placeholder';

export default function SalesPage() {
  return (
    <Placeholder title="Sales">
      Daily and monthly revenue with cumulative totals and forecasts, the region × category heatmap, the seasonality heatmap and category margin by month.
    </Placeholder>
  );
}
