// Loading a standard version for diff/nearest: a set directory or .std file (checked model and bundle), or a
// built bundle.json (bundle only: no change list can be made from it).
import { statSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { analyze, hasErrors, formatDiagnostic, type Bundle } from '../lib/core/index.ts';
import { compileBundle } from '../lib/core/compile/bundle.ts';
import { validateBundle } from '../lib/core/compile/validate-bundle.ts';
import { diskResolverWithin, readStandardFiles, readTextFile } from '../lib/core/node.ts';
import type { StandardSetModel } from '../lib/core/model.ts';
import { parseItem, readApplicants } from './applicants.ts';

export interface Version {
  bundle: Bundle;
  model: StandardSetModel | null;
}

/** The version at `path`, or a message (diagnostics or why it is not a bundle). */
export function loadVersion(path: string): Version | { error: string } {
  if (!existsSync(path)) return { error: `找不到“${path}”` };
  if (statSync(path).isFile() && path.endsWith('.json')) {
    const read = readTextFile(path, path);
    if ('diagnostic' in read) return { error: formatDiagnostic(read.diagnostic) };
    let data: unknown;
    try {
      data = JSON.parse(read.text);
    } catch (e) {
      return { error: `${path}: error E020: 不是有效的 JSON：${(e as Error).message}` };
    }
    const v = validateBundle(data);
    return v.ok ? { bundle: v.bundle, model: null } : { error: `${path}: error E021: 不是有效的 bundle：\n  ${v.errors.join('\n  ')}` };
  }
  const read = readStandardFiles(path);
  if (read.diagnostics.length) return { error: read.diagnostics.map(formatDiagnostic).join('\n') };
  const a = analyze(read.files, diskResolverWithin(statSync(path).isDirectory() ? path : dirname(path)));
  if (!a.model || hasErrors(a.diagnostics)) return { error: a.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n') || `${path}：无法编译` };
  return { bundle: compileBundle(a.model), model: a.model };
}

/** Every record of an applicants file (NDJSON, JSON array, a sample file or directory, "-" for stdin). */
export async function readCohort(path: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of readApplicants(path)) out.push(parseItem(item, path).record);
  return out;
}
