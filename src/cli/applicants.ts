// Reading applicant records: a JSON array, NDJSON (one record per line), a sample file ({ record }) or a
// directory of sample files. A line that is not JSON becomes a rejected record; the rest still count.
import { readFileSync, statSync } from 'node:fs';
import { loadSamples } from '../lib/core/node.ts';

export interface InputRecord {
  record: unknown;
  error?: string;
}

export function readApplicants(path: string): { records: InputRecord[] } | { error: string } {
  let text: string;
  try {
    if (statSync(path).isDirectory()) return { records: loadSamples(path).map((s) => ({ record: s.record })) };
    text = readFileSync(path, 'utf8').replace(/^\ufeff/, '');
  } catch {
    return { error: `无法读取申请人文件“${path}”` };
  }
  const trimmed = text.trim();
  if (!trimmed) return { records: [] };
  if (trimmed.startsWith('[') || (trimmed.startsWith('{') && !isNdjson(trimmed))) {
    try {
      const data = JSON.parse(trimmed);
      if (Array.isArray(data)) return { records: data.map((record) => ({ record })) };
      if (data && typeof data === 'object' && 'record' in data) return { records: [{ record: data.record }] };
      return { records: [{ record: data }] };
    } catch (e) {
      return { error: `申请人文件“${path}”不是有效的 JSON：${(e as Error).message}` };
    }
  }
  return {
    records: trimmed.split(/\r?\n/).flatMap((line, i) => {
      if (!line.trim()) return [];
      try {
        return [{ record: JSON.parse(line) }];
      } catch {
        return [{ record: null, error: `第 ${i + 1} 行不是有效的 JSON` }];
      }
    })
  };
}

function isNdjson(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  if (lines.length < 2) return false;
  try {
    JSON.parse(lines[0]);
    return true;
  } catch {
    return false;
  }
}
