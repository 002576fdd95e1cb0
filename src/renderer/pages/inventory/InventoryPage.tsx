import { Placeholder } from '../../components/Placeholder';

export default function InventoryPage() {
  return (
    <Placeholder title="Inventory">
      At-risk SKUs now (on hand, allocated, reorder point, days of cover) and the alert history.
    </Placeholder>
  );
}
