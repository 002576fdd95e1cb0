import type { importsContract } from '../../../shared/contract/imports';
import { pendingLandingDays } from '../etl/landing';
import { dailySummary, getRun, listBatches, listRuns, quarantineReasons } from '../etl/queries/import-history';
import { qualityReport } from '../etl/queries/quality-report';
import { exportQuarantine, listQuarantine } from '../etl/queries/quarantine-queries';
import type { HandlersFor } from './types';

export const importsHandlers = {
  'imports.listRuns': (args, backend) => listRuns(backend.db, args.limit, args.offset),
  'imports.getRun': (args, backend) => getRun(backend.db, args.runId),
  'imports.listBatches': (args, backend) => listBatches(backend.db, args.limit, args.offset, args.runId),
  'imports.listQuarantine': (args, backend) =>
    listQuarantine(backend.db, { batchId: args.batchId, file: args.file, reasonCode: args.reasonCode, status: args.status }, args.limit, args.offset),
  'imports.quarantineReasons': (args, backend) => quarantineReasons(backend.db, { batchId: args.batchId, status: args.status }),
  'imports.exportQuarantine': (args, backend) =>
    exportQuarantine(backend.db, args.path, { batchId: args.batchId, file: args.file, reasonCode: args.reasonCode, status: args.status }),
  'imports.qualityReport': (args, backend) => qualityReport(backend.db, args.qualityRunId),
  'imports.dailySummary': (args, backend) => dailySummary(backend.db, args.fromDate, args.toDate),
  'imports.pendingLanding': (args, backend) => ({ folder: args.folder, days: pendingLandingDays(backend.db, args.folder) }),
} satisfies HandlersFor<typeof importsContract>;
