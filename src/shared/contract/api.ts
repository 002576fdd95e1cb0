import { z } from 'zod';
import { method } from './define';

/** The local read-only HTTP API as Settings shows it. */
export interface ApiStatus {
  /** The Settings switch (persisted). */
  isEnabled: boolean;
  isRunning: boolean;
  /** e.g. http://127.0.0.1:8765 while running. */
  url: string | null;
  port: number;
  /** Shown in Settings so the user can paste it into a BI tool; null until first enabled. */
  token: string | null;
  startedAt: string | null;
  /** Why the last start failed (e.g. the port is taken), for Settings to show. */
  lastError: string | null;
}

export interface ReportJobParams {
  outDir: string;
  from?: string;
  to?: string;
}

const isoDate = z.iso.date();

export const apiContract = {
  'api.status': method<ApiStatus>()(z.object({}).strict()),
  /** Starts the API on 127.0.0.1 (the port from settings unless given); generates the token on first enable. */
  'api.enable': method<ApiStatus>()(z.object({ port: z.number().int().min(1024).max(65535).optional() }).strict()),
  'api.disable': method<ApiStatus>()(z.object({}).strict()),
  /** A new token; the old one stops working at once. */
  'api.regenerateToken': method<ApiStatus>()(z.object({}).strict()),
  /** "Export report…": queues a `report.generate` job writing the HTML memo and chart PNGs into outDir. */
  'reports.export': method<{ jobId: string }>()(
    z
      .object({ outDir: z.string().min(1), from: isoDate.optional(), to: isoDate.optional() })
      .strict()
      .refine((a) => a.from === undefined || a.to === undefined || a.from <= a.to, { message: 'from must be on or before to', path: ['from'] }),
  ),
  /** Queues an `export.warehouse` job writing every dim_/fct_ table as CSV or Parquet plus a data dictionary. */
  'exports.warehouse': method<{ jobId: string }>()(
    z.object({ outDir: z.string().min(1), format: z.enum(['csv', 'parquet']).default('parquet') }).strict(),
  ),
};
