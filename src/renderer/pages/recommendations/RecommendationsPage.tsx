import { Placeholder } from '../../components/Placeholder';

export default function RecommendationsPage() {
  return (
    <Placeholder title="Recommendations">
      Search a customer or a product and see recommendations with the reason for each and the model's evaluation.
    </Placeholder>
  );
}
