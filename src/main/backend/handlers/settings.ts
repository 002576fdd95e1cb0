import type { settingsContract } from '../../../shared/contract/settings';
import type { HandlersFor } from './types';

export const settingsHandlers = {
  'settings.get': (_args, backend) => backend.settings.get(),
  'settings.update': (args, backend) => backend.settings.update(args),
} satisfies HandlersFor<typeof settingsContract>;
