// Loads the TypeScript job worker under tsx when running from source (tests, CLI, browser mode).
// The bundled app points STORELENS_JOB_WORKER at compiled JavaScript instead.
import { register } from 'tsx/esm/api';

register();
await import('./worker-entry.ts');
