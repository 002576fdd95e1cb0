import { Placeholder } from '../../components/Placeholder';

export default function CustomersPage() {
  return (
    <Placeholder title="Customers">
      The top-customers table, RFM segments and clusters, the cohort retention heatmap, 7/30/90-day LTV by cohort and predictive CLV.
    </Placeholder>
  );
}
