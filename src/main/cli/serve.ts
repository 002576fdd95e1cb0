import type { Command } from 'commander';
import { AppError } from '../../shared/result';
import { ensureApiToken, startApiFor } from '../backend/api/api-service';
import { printResult, withBackend } from './cli-context';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new AppError('VALIDATION', `--port must be a whole number from 0 to 65535 (0 picks a free port), not "${value}".`);
  }
  return port;
}

function untilInterrupted(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the local read-only HTTP API on 127.0.0.1 until Ctrl-C; prints the URL and the bearer token')
    .option('--port <port>', 'port on 127.0.0.1 (default: the apiPort setting, 8765)')
    .action(
      withBackend(async (backend, options, flags: { port?: string }) => {
        const port = flags.port === undefined ? backend.settings.get().apiPort : parsePort(flags.port);
        const token = ensureApiToken(backend);
        const server = await startApiFor(backend, port);
        printResult(options, { url: server.url, docs: `${server.url}/docs`, openapi: `${server.url}/openapi.json`, token }, () =>
          [
            `Storelens API listening on ${server.url} (read-only, this machine only)`,
            `docs:    ${server.url}/docs`,
            `token:   ${token}`,
            `try:     curl -H "Authorization: Bearer ${token}" ${server.url}/kpis`,
            'Press Ctrl-C to stop.',
          ].join('\n'),
        );
        const signal = await untilInterrupted();
        process.stderr.write(`storelens: ${signal}, stopping the API\n`);
        await server.close();
      }),
    );
}
