import { z } from 'zod';
import { method } from './define';

export interface TableCount {
  table: string;
  rows: number;
}

export interface SystemInfo {
  appVersion: string;
  nodeVersion: string;
  sqliteVersion: string;
  electronVersion: string | null;
  platform: string;
  warehousePath: string;
  schemaVersion: number;
  latestSchemaVersion: number;
  tables: TableCount[];
  isEmpty: boolean;
  /** Job kinds this build can run: the UI offers an action only when its job exists. */
  jobKinds: string[];
}

export const systemContract = {
  'system.info': method<SystemInfo>()(z.object({}).strict()),
};
