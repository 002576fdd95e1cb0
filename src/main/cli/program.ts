import { Command } from 'commander';
import { appVersion } from '../backend/app-version';
import { DEFAULT_DATA_DIR } from '../backend/paths';
import { commandRegistrations } from './commands';

export function buildProgram(): Command {
  const program = new Command('storelens')
    .description('Storelens: offline e-commerce analytics. Every subcommand works on one warehouse folder.')
    .version(appVersion())
    .option('--data-dir <dir>', 'the warehouse folder', DEFAULT_DATA_DIR)
    .option('--json', 'print a machine-readable result on stdout (progress goes to stderr)')
    .showHelpAfterError()
    .enablePositionalOptions(false);
  for (const register of commandRegistrations) register(program);
  return program;
}
