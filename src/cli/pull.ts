// `stdc pull <server> <year> -o <dir>`: the sources of a year's current published version, fetched from the
// workbench's public API, checked against the content hash both bureaus approved, written into <dir>, ready
// for `stdc check|build|eval|test`.
import { existsSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { contentHash, normalizeContent, writeContentDir } from '../lib/server/revisions/content.ts';
import { terminalInline } from '../lib/core/safe-text.ts';
import { UsageError } from './usage.ts';

export interface PullIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

async function getJson(url: string): Promise<unknown> {
  let response: Response | null = null;
  // One retry: a kept-alive connection the server has just closed fails the first attempt.
  for (let attempt = 0; !response; attempt++) {
    try {
      response = await fetch(url, { headers: { accept: 'application/json' } });
    } catch (e) {
      if (attempt > 0) throw new Error(`无法连接 ${url}：${(e as Error).message}`);
    }
  }
  if (response.status === 404) throw new Error(`服务器上没有：${url}（该年度可能尚未发布）`);
  if (!response.ok) throw new Error(`服务器返回 ${response.status}：${url}`);
  return response.json();
}

export async function pull(args: string[], io: PullIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean' } } });
  if (positionals.length !== 2 || !values.out) throw new UsageError('pull 需要服务器地址、年度和 -o <目录>');
  const [server, year] = positionals;
  if (!/^\d{4}$/.test(year)) throw new UsageError(`年度须为四位数字，而不是“${year}”`);
  let base: URL;
  try {
    base = new URL(server.endsWith('/') ? server : server + '/');
  } catch {
    throw new UsageError(`服务器地址无效：“${server}”`);
  }
  const dir = values.out;
  if (existsSync(dir) && readdirSync(dir).length > 0 && !values.force) throw new UsageError(`目录“${dir}”不为空（--force 覆盖其中的同名文件）`);
  try {
    const sources = (await getJson(new URL(`api/public/${year}/sources`, base).href)) as { contentHash?: unknown; files?: unknown };
    const bundle = (await getJson(new URL(`api/public/${year}/bundle`, base).href)) as { meta?: { contentHash?: unknown } };
    const content = normalizeContent({ files: sources.files });
    const hash = contentHash(content);
    if (hash !== sources.contentHash || hash !== bundle.meta?.contentHash) {
      io.err(`stdc: 内容哈希不符：收到的文件为 ${hash}，服务器声明 ${terminalInline(String(sources.contentHash))}，已发布 bundle 为 ${terminalInline(String(bundle.meta?.contentHash))}；未写入任何文件\n`);
      return 1;
    }
    writeContentDir(dir, content);
    io.out(`已取得 ${year} 年度现行标准集（${content.files.length} 个文件，内容哈希 ${hash}）→ ${terminalInline(dir)}\n`);
    return 0;
  } catch (e) {
    io.err(`stdc: ${terminalInline((e as Error).message)}\n`);
    return 1;
  }
}
