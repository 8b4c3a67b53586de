// Imports stay inside the set's folder, whatever the resolver would read: the editor's path (no disk) too.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/lib/core/index.ts';

describe('imports', () => {
  it('an absolute path, ".." out of the folder or a backslash path is E011, and the resolver is never asked', () => {
    const asked: string[] = [];
    const text = ['../../etc/passwd', '/etc/passwd', 'C:/x.std', '..\\\\x.std', 'sub/../../x.std'].map((p) => `导入 "${p}"`).join('\n') + '\n导入 "sub/../b.std"\n';
    const r = analyze([{ path: 'set/a.std', text }], (p) => (asked.push(p), '// 空\n'));
    expect(r.diagnostics.filter((d) => d.code === 'E011').map((d) => d.line)).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual(['set/b.std']);
  });

  it('a resolver that finds the file outside (a symlink) gives E011; one that cannot read it, its diagnostic at the import', () => {
    const r = analyze([{ path: 'a.std', text: '导入 "x.std"\n' }], () => ({ problem: 'outside' }));
    expect(r.diagnostics.filter((d) => d.code.startsWith('E01')).map((d) => [d.code, d.line, d.col])).toEqual([['E011', 1, 4]]);
    const unreadable = { code: 'E012', severity: 'error' as const, message: '无法读取“x.std”：符号链接形成循环', file: 'x.std', line: 1, col: 1, endLine: 1, endCol: 1, start: 0, end: 0 };
    const u = analyze([{ path: 'a.std', text: '导入 "x.std"\n' }], () => ({ problem: 'diagnostic', diagnostic: unreadable }));
    expect(u.diagnostics.filter((d) => d.code.startsWith('E01')).map((d) => [d.code, d.file, d.line, d.col])).toEqual([['E012', 'a.std', 1, 4]]);
  });
});
