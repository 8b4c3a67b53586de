// Entry of a --jobs worker thread. Workers do not inherit the tsx loader that bin/stdc.js registered in the
// main thread, so each registers it before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./eval-worker.ts');
