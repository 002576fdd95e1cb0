import type { Contract } from '../../../shared/contract';
import { analyticsHandlers } from './analytics';
import { apiHandlers } from './api';
import { formatsHandlers } from './formats';
import { importsHandlers } from './imports';
import { jobsHandlers } from './jobs';
import { modelsHandlers } from './models';
import { settingsHandlers } from './settings';
import { systemHandlers } from './system';
import type { HandlersFor } from './types';
import { warehouseHandlers } from './warehouse';

/** The compiler proves this map implements every contract method, and nothing else. */
export const handlers = {
  ...systemHandlers,
  ...formatsHandlers,
  ...importsHandlers,
  ...analyticsHandlers,
  ...jobsHandlers,
  ...settingsHandlers,
  ...apiHandlers,
  ...warehouseHandlers,
  ...modelsHandlers,
} satisfies HandlersFor<Contract>;
