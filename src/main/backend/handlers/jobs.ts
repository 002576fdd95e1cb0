import type { jobsContract } from '../../../shared/contract/jobs';
import type { HandlersFor } from './types';

export const jobsHandlers = {
  'jobs.start': (args, backend) => ({ jobId: backend.jobs.start(args.kind, args.params).jobId }),
  'jobs.cancel': (args, backend) => ({ isCancelled: backend.jobs.cancel(args.jobId) }),
  'jobs.get': (args, backend) => backend.jobs.get(args.jobId),
  'jobs.list': (args, backend) => backend.jobs.list(args.limit),
} satisfies HandlersFor<typeof jobsContract>;
