import { Placeholder } from '../../components/Placeholder';

export default function ProductsPage() {
  return (
    <Placeholder title="Products">
      Best sellers, sales vs rating, basket rules and a product drawer with price history, stock and similar products.
    </Placeholder>
  );
}
