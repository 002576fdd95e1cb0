import type { modelsContract } from '../../../shared/contract/models';
import { boughtTogetherProducts, recommendForCustomer, recommendMetrics, similarProducts } from '../ml/read/read-recommend';
import { clvSummary, customerClv, forecast, segments } from '../ml/read/read-results';
import { readRules } from '../ml/read/read-rules';
import { dataFingerprint } from '../ml/warehouse/fingerprint';
import { latestSucceededRun, listRuns } from '../ml/warehouse/runs';
import type { HandlersFor } from './types';

/** Reads only: models are trained by the `model.*` jobs, which are the only writers. */
export const modelsHandlers = {
  'models.latestRun': (args, backend) => latestSucceededRun(backend.db, args.model, args.variant, dataFingerprint(backend.db))?.dto ?? null,
  'models.runs': (args, backend) => listRuns(backend.db, args.model, args.limit, dataFingerprint(backend.db)),
  'models.recommendForCustomer': (args, backend) => recommendForCustomer(backend.db, args.customerId, args.k, args.excludeOutOfStock),
  'models.similarProducts': (args, backend) => similarProducts(backend.db, args.sku, args.k),
  'models.boughtTogether': (args, backend) => boughtTogetherProducts(backend.db, args.sku, args.k),
  'models.recommendMetrics': (_args, backend) => recommendMetrics(backend.db),
  'models.rules': (args, backend) => readRules(backend.db, args),
  'models.clvSummary': (_args, backend) => clvSummary(backend.db),
  'models.customerClv': (args, backend) => customerClv(backend.db, args.customerId),
  'models.segments': (_args, backend) => segments(backend.db),
  'models.forecast': (args, backend) => forecast(backend.db, args.grain),
} satisfies HandlersFor<typeof modelsContract>;
