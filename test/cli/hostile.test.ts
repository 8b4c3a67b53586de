// stdc on hostile folders and streams: every problem a coded Chinese diagnostic with its place, never a stack
// trace; fmt that writes all or nothing; a broken sample that does not stop the others; EPIPE taken quietly.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stdc } from './bin.ts';

// Each test runs the binary several times: an honest ceiling for this shared machine, not a wait.
const LIMIT = { timeout: 300_000 };
const tmp = mkdtempSync(join(tmpdir(), 'stdc-hostile-'));
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at |Error:|RangeError|TypeError/);

function set(name: string): string {
  const d = join(tmp, name);
  mkdirSync(d, { recursive: true });
  for (const f of readdirSync('standards/2026').filter((f) => f.endsWith('.std'))) cpSync(`standards/2026/${f}`, join(d, f));
  return d;
}

describe('stdc on hostile folders', LIMIT, () => {
  it('a directory named x.std, a dangling symlink and a symlink loop: E012 each, at the file, no stack trace', () => {
    const d = set('entries');
    mkdirSync(join(d, 'x.std'));
    symlinkSync('nowhere.std', join(d, 'dangling.std'));
    symlinkSync('loop-b.std', join(d, 'loop-a.std'));
    symlinkSync('loop-a.std', join(d, 'loop-b.std'));
    for (const cmd of ['check', 'build', 'test']) {
      const r = stdc([cmd, d]);
      noStack(r.err + r.out);
      expect(r.code, cmd).not.toBe(0);
      expect(r.err).toMatch(/x\.std:1:1: error E012: 无法读取“.*x\.std”：这是一个目录/);
      expect(r.err).toMatch(/dangling\.std:1:1: error E012: .*符号链接指向的文件不存在/);
      expect(r.err).toMatch(/loop-a\.std:1:1: error E012: .*符号链接形成循环/);
    }
  });

  it('an empty standards folder is a clear E013 for check, build and eval', () => {
    const d = join(tmp, 'empty');
    mkdirSync(d);
    const check = stdc(['check', d]);
    const build = stdc(['build', d]);
    const ev = stdc(['eval', d, 'test/fixtures/valid-record.json']);
    for (const r of [check, build, ev]) {
      expect(r.err).toContain(`error E013: “${d}”中没有 .std 文件`);
      expect(r.code).not.toBe(0);
    }
    expect(build.err).not.toContain('0 个错误');
    expect(ev.code).toBe(2);
  });

  it('bytes that are not UTF-8 in a .std file: E014 at the byte, the file not read', () => {
    const d = set('utf8');
    writeFileSync(join(d, 'extra.std'), Buffer.concat([Buffer.from('// 注释\n定义 x = "'), Buffer.from([0xc8, 0xfd]), Buffer.from('"\n')]));
    const r = stdc(['check', d]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/extra\.std:2:9: error E014: 文件不是有效的 UTF-8 编码（第 2 行第 9 列，第 23 字节），未读取/);
  });

  it('imports stay inside the set\'s folder: "..", an absolute path and a symlink out are E011, nothing read', () => {
    const d = set('imports');
    writeFileSync(join(tmp, 'secret.std'), '秘密 内容\n');
    symlinkSync(join(tmp, 'secret.std'), join(d, 'inside-link.inc'));
    const common = join(d, 'common.std');
    writeFileSync(common, readFileSync(common, 'utf8') + '导入 "../secret.std"\n导入 "/etc/passwd"\n导入 "inside-link.inc"\n导入 "sub/../common.std"\n');
    const r = stdc(['check', d]);
    expect(r.code).toBe(1);
    const e011 = r.err.split('\n').filter((l) => l.includes('error E011'));
    expect(e011).toHaveLength(3);
    for (const p of ['../secret.std', '/etc/passwd', 'inside-link.inc']) expect(r.err).toContain(`导入的文件“${p}”不在标准集的目录内`);
    expect(r.err).not.toMatch(/秘密|root:/); // nothing of them quoted back
    expect(r.err).not.toContain('sub/../common.std');
  });
});

describe('stdc fmt writes all or nothing', LIMIT, () => {
  it('a file that is not UTF-8 is refused and left untouched, and nothing else in the set is written', () => {
    const d = join(tmp, 'fmt-utf8');
    mkdirSync(d);
    const messy = '标准集 "x" {\n年度 2026\n      基准日 2026-09-30\n}\n';
    writeFileSync(join(d, 'a.std'), messy);
    const bad = Buffer.concat([Buffer.from('定义 a = 1   \n// '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
    writeFileSync(join(d, 'b.std'), bad);
    const r = stdc(['fmt', d]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/b\.std:2:4: error E014/);
    expect(r.err).toContain('未写入任何文件');
    expect(readFileSync(join(d, 'b.std')).equals(bad)).toBe(true);
    expect(readFileSync(join(d, 'a.std'), 'utf8')).toBe(messy);
  });

  it('a file that does not parse stops the whole set: no file is half formatted, none written', () => {
    const d = join(tmp, 'fmt-broken');
    mkdirSync(d);
    const messy = '标准集 "x" {\n年度 2026\n      基准日 2026-09-30\n}\n';
    writeFileSync(join(d, 'a.std'), messy);
    writeFileSync(join(d, 'b.std'), `定义 X = ${Array.from({ length: 3000 }, () => '1分').join(' +\n  ')} >= 1分\n`);
    const r = stdc(['fmt', d]);
    expect(r.code).toBe(1);
    noStack(r.err);
    expect(readFileSync(join(d, 'a.std'), 'utf8')).toBe(messy);
    // once the broken file is gone, the set is formatted, and no temporary file is left behind
    writeFileSync(join(d, 'b.std'), '定义 a = 1   \n');
    chmodSync(join(d, 'a.std'), 0o640);
    expect(stdc(['fmt', d]).code).toBe(0);
    expect(statSync(join(d, 'a.std')).mode & 0o777).toBe(0o640); // written via a temporary file, permissions kept
    expect(readFileSync(join(d, 'a.std'), 'utf8')).toBe('标准集 "x" {\n  年度 2026\n  基准日 2026-09-30\n}\n');
    expect(readdirSync(d).sort()).toEqual(['a.std', 'b.std']);
  });
});

describe('stdc commands on hostile input', LIMIT, () => {
  it('test: a broken sample file is reported (file and Chinese reason) and the others still run', () => {
    const d = set('samples');
    mkdirSync(join(d, 'samples'));
    const good = readdirSync('standards/2026/samples').slice(0, 2);
    for (const f of good) cpSync(`standards/2026/samples/${f}`, join(d, 'samples', f));
    writeFileSync(join(d, 'samples', '00-broken.json'), '{"record": ');
    const r = stdc(['test', d]);
    noStack(r.err + r.out);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ 00-broken\.json 无法读取\n\s+不是有效的 JSON/);
    expect(r.out).toContain('2 个样例通过，1 个失败');
  });

  it('build -o into a folder that does not exist makes it; into a path under a file, a clear error', () => {
    const out = join(tmp, 'new', 'deeper', 'bundle.json');
    const r = stdc(['build', 'standards/2026', '-o', out]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).levels).toHaveLength(4);
    const under = stdc(['build', 'standards/2026', '-o', join(out, 'x.json')]);
    expect(under.code).toBe(2);
    expect(under.err).toMatch(/无法写入“.*x\.json”：/);
    noStack(under.err);
  });

  it('eval table: control characters in names and ids are shown escaped, never raw (a CR cannot fake a row)', () => {
    const record = JSON.parse(readFileSync('test/fixtures/valid-record.json', 'utf8'));
    const f = join(tmp, 'control.json');
    writeFileSync(f, JSON.stringify([{ ...record, id: 'A\u0007\u0000', name: '张三\r研究员  通过\u001b[2K' }]));
    const r = stdc(['eval', 'standards/2026', f, '--level', '副研究员']);
    expect(r.out).not.toMatch(/[\u0000\u0007\u001b\r]/);
    expect(r.out).toContain('A\\u{7}\\u{0}');
    expect(r.out).toContain('张三\\u{d}研究员');
    expect(r.out).toContain('\\u{1b}[2K');
  });

  it('eval … | head: the reader closing the pipe early ends stdc quietly', async () => {
    const record = readFileSync('test/fixtures/valid-record.json', 'utf8').replace(/\s*\n\s*/g, ' ');
    const f = join(tmp, 'many.ndjson');
    writeFileSync(f, Array.from({ length: 3000 }, (_, i) => record.replace('"HZ2026-062-0017"', `"P${i}"`)).join('\n') + '\n');
    const child = spawn(process.execPath, ['bin/stdc.js', 'eval', 'standards/2026', f, '--format', 'csv'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    // like head: take the first chunk, then close the pipe
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});
