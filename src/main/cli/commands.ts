import type { Command } from 'commander';
import { registerDoctor } from './doctor';

/** Each capability registers its own subcommand here: one line per file. */
export const commandRegistrations: ReadonlyArray<(program: Command) => void> = [registerDoctor];
