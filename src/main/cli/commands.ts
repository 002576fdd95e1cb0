import type { Command } from 'commander';
import { registerDoctor } from './doctor';
import { registerExport } from './export';
import { registerGenerate } from './generate';
import { registerImport } from './import';
import { registerInspect } from './inspect';
import { registerModel } from './model';
import { registerQuality } from './quality';
import { registerQuarantine } from './quarantine';
import { registerQuery } from './query';
import { registerReport } from './report';
import { registerServe } from './serve';
import { registerWatch } from './watch';

/** Each capability registers its own subcommand here: one line per file. */
export const commandRegistrations: ReadonlyArray<(program: Command) => void> = [registerDoctor, registerQuery, registerServe, registerReport, registerExport, registerGenerate, registerInspect, registerModel, registerImport, registerWatch, registerQuality, registerQuarantine];
