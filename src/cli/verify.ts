// `stdc verify bundle.json [--keys keys.json]`: checks a published bundle's content hash and requires a valid
// Ed25519 signature from each issuing bureau. Without --keys it uses keys.json beside the bundle; with no
// keys at all it refuses (a signature nobody checked is not a pass).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { terminalInline } from '../lib/core/safe-text.ts';
import { VERIFY_USAGE } from './usage.ts';
import { parseKeyFile, verifyPublication } from '../lib/core/signature/index.ts';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`读不到${what}“${path}”`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${what}“${path}”不是有效的 JSON：${(e as Error).message}`);
  }
}

/** Exit 0: verified; 1: refused (hash or signatures); 2: usage, unreadable file or no keys. */
export function verifyCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args: argv, options: { keys: { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) {
    io.err(`stdc: verify 需要且只需要一个 bundle 文件\n${VERIFY_USAGE}\n`);
    return 2;
  }
  const path = positionals[0];
  const keysPath = values.keys ?? join(dirname(path), 'keys.json');
  if (!values.keys && !existsSync(keysPath)) {
    io.err(`stdc: 未提供公钥：请用 --keys 指定两局公布的公钥文件（公开页面“下载”处的 keys.json）。不验证签名不算通过。\n`);
    return 2;
  }
  let file: unknown;
  let keys;
  try {
    file = readJson(path, 'bundle 文件');
    keys = parseKeyFile(readJson(keysPath, '公钥文件'));
  } catch (e) {
    io.err(`stdc: ${terminalInline((e as Error).message)}\n`);
    return 2;
  }
  const r = verifyPublication(file, keys);
  for (const c of r.checks) io.out(`${c.ok ? '✓' : '✗'} ${terminalInline(c.text)}\n`);
  if (r.ok) {
    io.out(`验证通过：${terminalInline(path)} 内容未被改动，且带有每个发布单位的有效签名（公钥：${terminalInline(keysPath)}）\n`);
    return 0;
  }
  io.err(`验证未通过：${terminalInline(path)} 不能作为正式发布的标准集使用\n`);
  return 1;
}
