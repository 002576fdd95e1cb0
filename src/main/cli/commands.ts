import type { Command } from 'commander';
import { registerDoctor } from './doctor';
import { registerExport } from './export';
import { registerGenerate } from './generate';
import { registerInspect } from './inspect';
import { registerQuery } from './query';
import { registerReport } from './report';
import { registerServe } from './serve';

/** Each capability registers its own subcommand here: one line per file. */
export const commandRegistrations: ReadonlyArray<(program: Command) => void> = [registerDoctor, registerQuery, registerServe, registerReport, registerExport, registerGenerate, registerInspect];
