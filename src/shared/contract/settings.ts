import { z } from 'zod';
import { WEEK_STARTS } from './analytics';
import { method } from './define';

export const SettingsSchema = z.object({
  theme: z.enum(['light', 'dark', 'system']).default('system'),
  currencyDisplay: z.enum(['symbol', 'code']).default('symbol'),
  weekStart: z.enum(WEEK_STARTS).default('monday'),
  timeZone: z.string().default('UTC'),
  watchedFolders: z.array(z.string()).default([]),
  apiEnabled: z.boolean().default(false),
  apiPort: z.number().int().min(1024).max(65535).default(8765),
  apiToken: z.string().nullable().default(null),
  recentWarehouses: z.array(z.string()).default([]),
});

export type Settings = z.output<typeof SettingsSchema>;
export type SettingsPatch = Partial<Settings>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Settings persist in electron-store on the desktop and in a JSON file in browser mode. */
export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
}

export const settingsContract = {
  'settings.get': method<Settings>()(z.object({}).strict()),
  'settings.update': method<Settings>()(SettingsSchema.partial().strict()),
};
