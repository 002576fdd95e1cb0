import path from 'node:path';
import type { Command } from 'commander';
import { appVersion } from '../backend/app-version';
import { createBackend, type Backend } from '../backend/backend';
import { DEFAULT_DATA_DIR, warehousePathFor } from '../backend/paths';
import { JsonFileSettingsStore } from '../backend/settings/json-file-settings-store';
import { AppError, toErrorInfo } from '../../shared/result';

export interface GlobalOptions {
  dataDir: string;
  json: boolean;
}

/** Every subcommand takes --data-dir and --json; this reads them wherever they were given. */
export function globalOptions(command: Command): GlobalOptions {
  const options = command.optsWithGlobals<{ dataDir?: string; json?: boolean }>();
  return { dataDir: path.resolve(options.dataDir ?? DEFAULT_DATA_DIR), json: options.json === true };
}

export function openCliBackend(options: GlobalOptions): Backend {
  return createBackend({
    warehousePath: warehousePathFor(options.dataDir),
    settings: new JsonFileSettingsStore(path.join(options.dataDir, 'settings.json')),
    appVersion: appVersion(),
  });
}

/** Human progress goes to stderr (so stdout stays machine-readable with --json), one line, redrawn on a TTY. */
export function stderrProgress(label: string): (done: number, total: number, phase: string) => void {
  let lastLine = '';
  return (done, total, phase) => {
    const percent = total > 0 ? ` ${Math.floor((done / total) * 100)}%` : '';
    const line = `${label}: ${phase} ${done.toLocaleString('en-US')}${total > 0 ? `/${total.toLocaleString('en-US')}` : ''}${percent}`;
    if (line === lastLine) return;
    lastLine = line;
    if (process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(79)}`);
    else if (done === total) process.stderr.write(`${line}\n`);
  };
}

/** Prints a result: JSON on stdout with --json, otherwise the human text. */
export function printResult(options: GlobalOptions, value: unknown, human: () => string): void {
  if (process.stderr.isTTY) process.stderr.write('\r'.padEnd(80) + '\r');
  process.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

/**
 * Runs a subcommand body with a backend, closes it, and turns failures into a one-line error
 * and a non-zero exit code (2 for bad input, 1 otherwise).
 */
export function withBackend<A extends unknown[]>(
  body: (backend: Backend, options: GlobalOptions, ...args: A) => Promise<void> | void,
): (...args: [...A, Command]) => Promise<void> {
  return async (...all) => {
    const command = all.at(-1) as Command;
    const args = all.slice(0, -1) as unknown as A;
    const options = globalOptions(command);
    let backend: Backend | null = null;
    try {
      backend = openCliBackend(options);
      await body(backend, options, ...args);
    } catch (error) {
      reportCliError(options, error);
    } finally {
      await backend?.close();
    }
  };
}

export function reportCliError(options: GlobalOptions, error: unknown): void {
  const info = toErrorInfo(error);
  if (options.json) process.stdout.write(`${JSON.stringify({ ok: false, error: info })}\n`);
  process.stderr.write(`storelens: ${info.message}\n`);
  process.exitCode = error instanceof AppError && error.code === 'VALIDATION' ? 2 : 1;
}
