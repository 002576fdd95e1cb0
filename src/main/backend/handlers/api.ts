import type { apiContract } from '../../../shared/contract/api';
import { apiStatus, disableApi, enableApi, regenerateApiToken } from '../api/api-service';
import type { HandlersFor } from './types';

export const apiHandlers = {
  'api.status': (_args, backend) => apiStatus(backend),
  'api.enable': (args, backend) => enableApi(backend, args.port),
  'api.disable': (_args, backend) => disableApi(backend),
  'api.regenerateToken': (_args, backend) => regenerateApiToken(backend),
  'reports.export': (args, backend) => ({ jobId: backend.jobs.start('report.generate', args).jobId }),
  'exports.warehouse': (args, backend) => ({ jobId: backend.jobs.start('export.warehouse', args).jobId }),
} satisfies HandlersFor<typeof apiContract>;
