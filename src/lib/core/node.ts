// Node-only helpers: read a standard set and its samples from disk.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compile, type CompileResult, type SourceFile } from './index.ts';

export function readStandardDir(dir: string): SourceFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.std'))
    .sort()
    .map((f) => ({ path: displayPath(join(dir, f)), text: readFileSync(join(dir, f), 'utf8') }));
}

function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel.startsWith('..') ? p : rel;
}

export const diskResolver = (path: string): string | null => {
  try {
    return existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : null;
  } catch {
    return null;
  }
};

export interface LoadedStandardSet extends CompileResult {
  files: SourceFile[];
}

export function loadStandardSet(dirOrFile: string): LoadedStandardSet {
  const files = statSync(dirOrFile).isDirectory()
    ? readStandardDir(dirOrFile)
    : [{ path: displayPath(dirOrFile), text: readFileSync(dirOrFile, 'utf8') }];
  return { files, ...compile(files, diskResolver) };
}

export interface Sample {
  file: string;
  description: string;
  record: unknown;
  expected: Record<string, { verdict: string; route: string | null; score: number | null }>;
}

export function loadSamples(dir: string): Sample[] {
  const sdir = existsSync(join(dir, 'samples')) ? join(dir, 'samples') : dir;
  if (!existsSync(sdir)) return [];
  return readdirSync(sdir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const data = JSON.parse(readFileSync(join(sdir, f), 'utf8'));
      return { file: join(sdir, f), description: data.description ?? '', record: data.record, expected: data.expected ?? {} };
    });
}
