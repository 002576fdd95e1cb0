import type { Contract } from '../../../shared/contract';
import { jobsHandlers } from './jobs';
import { settingsHandlers } from './settings';
import { systemHandlers } from './system';
import type { HandlersFor } from './types';
import { warehouseHandlers } from './warehouse';

/** The compiler proves this map implements every contract method, and nothing else. */
export const handlers = {
  ...systemHandlers,
  ...jobsHandlers,
  ...settingsHandlers,
  ...warehouseHandlers,
} satisfies HandlersFor<Contract>;
