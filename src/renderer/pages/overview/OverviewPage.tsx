import { Placeholder } from '../../components/Placeholder';

export default function OverviewPage() {
  return (
    <Placeholder title="Overview">
      KPI tiles (gross, net, total sales, orders, AOV, customers, new vs returning, return rate), the net revenue trend with a 7-day average, revenue by category and channel, and the top 10 customers.
    </Placeholder>
  );
}
