// Signed bundles: `stdc verify` passes only with a valid signature from each bureau over the unchanged content.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { loadStandardSet } from '../../src/lib/core/node.ts';
import { canonicalJson, contentHash, generateBureauKey, publish, signContent, type BureauSignature } from '../../src/lib/core/signature/index.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const HR = '杭州市人力资源和社会保障局';
const ST = '杭州市科学技术局';
const bundle = loadStandardSet('standards/2026').bundle as unknown as Record<string, unknown>;
const hr = generateBureauKey(HR);
const st = generateBureauKey(ST);
const hash = contentHash(bundle);
const sigHr = signContent(hr.privatePem, HR, 2026, hash);
const sigSt = signContent(st.privatePem, ST, 2026, hash);
const dir = mkdtempSync(join(tmpdir(), 'stdc-verify-'));
const keys = join(dir, 'keys.json');
writeFileSync(keys, JSON.stringify({ format: 'stdc-keys@1', keys: [hr.entry, st.entry] }));

function file(name: string, value: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value, null, 1));
  return p;
}
const signed = (sigs: BureauSignature[]) => publish(bundle, 2026, sigs);

describe('stdc verify', () => {
  it('passes with both bureaus signing the unchanged content', async () => {
    const r = await run('verify', file('good.json', signed([sigHr, sigSt])), '--keys', keys);
    expect(r.code).toBe(0);
    expect(r.out).toContain('内容哈希一致');
    expect(r.out).toContain(`“${HR}”的签名有效`);
    expect(r.out).toContain(`“${ST}”的签名有效`);
    expect(r.out).toContain('验证通过');
  });

  it('the hash does not depend on key order or whitespace (a database may reorder jsonb keys)', () => {
    const reordered = JSON.parse(canonicalJson(bundle));
    expect(contentHash(reordered)).toBe(hash);
    expect(contentHash(signed([sigHr]))).toBe(hash); // the publication block is not part of the content
  });

  it('refuses one signature', async () => {
    const r = await run('verify', file('one.json', signed([sigHr])), '--keys', keys);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`✗ 缺少“${ST}”的签名`);
    expect(r.err).toContain('验证未通过');
  });

  it('refuses no signature at all, and a bundle that was never published', async () => {
    const none = await run('verify', file('none.json', signed([])), '--keys', keys);
    expect(none.code).toBe(1);
    expect(none.out).toContain('没有任何签名：未签名的 bundle 不予通过');
    const plain = await run('verify', file('plain.json', bundle), '--keys', keys);
    expect(plain.code).toBe(1);
    expect(plain.out).toContain('没有发布信息');
  });

  it('refuses one changed byte', async () => {
    const text = JSON.stringify(signed([sigHr, sigSt]), null, 1);
    expect(text).toContain('5000000');
    const tampered = text.replace('5000000', '5000001'); // 500万元 → 500.0001万元 in one threshold
    const r = await run('verify', file('tampered.json', tampered), '--keys', keys);
    expect(r.code).toBe(1);
    expect(r.out).toContain('✗ 内容哈希不符');
    expect(r.out).toContain('被改动过');
  });

  it('refuses a tampered bundle whose hash was recomputed: the signatures no longer match', async () => {
    const t = JSON.parse(JSON.stringify(signed([sigHr, sigSt])));
    t.meta.referenceDate = '2026-12-31';
    t.publication.contentHash = contentHash(t);
    const r = await run('verify', file('rehashed.json', t), '--keys', keys);
    expect(r.code).toBe(1);
    expect(r.out).toContain('✓ 内容哈希一致');
    expect(r.out).toContain(`✗ “${HR}”的签名无效`);
    expect(r.out).toContain(`✗ “${ST}”的签名无效`);
  });

  it('refuses a signature made with a key that is not the bureau’s', async () => {
    const forger = generateBureauKey(ST);
    const forged = signContent(forger.privatePem, ST, 2026, hash);
    const r = await run('verify', file('forged.json', signed([sigHr, forged])), '--keys', keys);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`✗ “${ST}”的签名无效`);
    // …and one bureau's key cannot sign for the other.
    const swapped = signContent(hr.privatePem, ST, 2026, hash);
    expect((await run('verify', file('swapped.json', signed([sigHr, swapped])), '--keys', keys)).code).toBe(1);
  });

  it('refuses a signature over another year’s statement', async () => {
    const other = signContent(st.privatePem, ST, 2025, hash);
    expect((await run('verify', file('year.json', signed([sigHr, other])), '--keys', keys)).code).toBe(1);
  });

  it('without keys it refuses instead of passing; keys.json beside the bundle is used', async () => {
    const lone = mkdtempSync(join(tmpdir(), 'stdc-verify-nokeys-'));
    const p = join(lone, 'bundle.json');
    writeFileSync(p, JSON.stringify(signed([sigHr, sigSt])));
    const r = await run('verify', p);
    expect(r.code).toBe(2);
    expect(r.err).toContain('未提供公钥');
    expect((await run('verify', file('beside.json', signed([sigHr, sigSt])))).code).toBe(0);
  });

  it('refuses a keys file without the bureau’s key', async () => {
    const only = file('only-hr.json', { format: 'stdc-keys@1', keys: [hr.entry] });
    const r = await run('verify', file('good2.json', signed([sigHr, sigSt])), '--keys', only);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`公钥文件中没有“${ST}”的公钥`);
  });

  it('a published bundle still evaluates', async () => {
    const r = await run('eval', file('eval.json', signed([sigHr, sigSt])), 'test/fixtures/mixed-batch.json', '--format', 'json');
    expect(r.code).toBe(1); // the fixture holds rejected records on purpose; the point is that the bundle loads
    expect(r.out).toContain('"verdict"');
  });
});
