// Runs the `stdc` command as a user does: `node bin/stdc.js …`, the prebuilt CLI in dist/cli/ (rebuilt by
// bin/stdc.js first when a source file is newer than the build).
import { spawnSync } from 'node:child_process';

export interface Run {
  code: number | null;
  out: string;
  err: string;
}

export function stdc(argv: string[], options: { input?: string; cwd?: string; bin?: string } = {}): Run {
  const r = spawnSync(process.execPath, [options.bin ?? 'bin/stdc.js', ...argv], {
    input: options.input,
    cwd: options.cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30
  });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}
