import { Placeholder } from '../../components/Placeholder';

export default function DataPage() {
  return (
    <Placeholder title="Data">
      Import files with a mapping wizard, generate a demo store, import history, the data-quality report and the quarantine browser.
    </Placeholder>
  );
}
