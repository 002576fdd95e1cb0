// Loads the TypeScript staging reader worker under tsx when running from source (tests, CLI, bench).
import { register } from 'tsx/esm/api';

register();
await import('./reader-worker.ts');
