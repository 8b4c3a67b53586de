// POSIX-style path helpers that also run in the browser (no node:path).
export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

export function joinPath(dir: string, rel: string): string {
  if (rel.startsWith('/')) return normalisePath(rel);
  return normalisePath(dir ? `${dir}/${rel}` : rel);
}

export function normalisePath(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return (abs ? '/' : '') + out.join('/');
}
