#!/usr/bin/env node
// The `stdc` command: loads the TypeScript CLI through tsx so that `npx stdc` works right after `npm ci`.
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';

// `stdc eval` streams batches of any size: let the heap grow by 20% over what is live after a collection
// (V8's default is up to 4×), so that resident memory stays flat; it costs a few percent of speed.
setFlagsFromString('--heap-growing-percent=20');
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
