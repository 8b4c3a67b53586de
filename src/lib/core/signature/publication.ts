// Signed publication of a bundle (Node only: node:crypto). A published bundle is the compiled bundle with a
// `publication` block: the content hash of everything else in the file, and one Ed25519 signature per bureau
// over a short statement that names the year and that hash. Verification requires a valid signature from
// EACH issuing bureau, made with that bureau's published key: no signature, one signature, a wrong key or
// one changed byte is a refusal, never a pass.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical.ts';

export interface BureauSignature {
  bureau: string;
  keyId: string;
  algorithm: 'Ed25519';
  /** base64 of the 64-byte Ed25519 signature over statement(year, contentHash). */
  signature: string;
  signedAt?: string;
}

export interface Publication {
  format: 'stdc-publication@1';
  year: number;
  /** "sha256:<hex>" of the canonical JSON of the bundle without its publication block. */
  contentHash: string;
  signatures: BureauSignature[];
}

export interface PublicKeyEntry {
  bureau: string;
  keyId: string;
  algorithm: 'Ed25519';
  /** SPKI PEM */
  publicKey: string;
}

export interface KeyFile {
  format: 'stdc-keys@1';
  keys: PublicKeyEntry[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The content hash of a bundle: what both bureaus sign. Leaves out the publication block (it holds the
 * signatures) and meta.publishedAt (the publication date, unknown when an approver signs; it is not signed).
 */
export function contentHash(bundle: Record<string, unknown>): string {
  const { publication: _ignored, ...content } = bundle;
  const meta = content.meta;
  if (isObj(meta) && 'publishedAt' in meta) {
    const { publishedAt: _date, ...rest } = meta;
    content.meta = rest;
  }
  return `sha256:${createHash('sha256').update(canonicalJson(content)).digest('hex')}`;
}

/** The exact bytes a bureau signs: the purpose, the year and the content hash (never a bare hash). */
export function statement(year: number, hash: string): Buffer {
  return Buffer.from(`stdc-publication@1\n年度 ${year}\n内容哈希 ${hash}\n`, 'utf8');
}

/** A key's id: the first 16 hex digits of the SHA-256 of its public key (SPKI DER). */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export function generateBureauKey(bureau: string): { privatePem: string; entry: PublicKeyEntry } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    entry: { bureau, keyId: keyIdOf(publicKey), algorithm: 'Ed25519', publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() }
  };
}

export function signContent(privatePem: string, bureau: string, year: number, hash: string, signedAt?: string): BureauSignature {
  const key = createPrivateKey(privatePem);
  const sig = sign(null, statement(year, hash), key);
  const s: BureauSignature = { bureau, keyId: keyIdOf(createPublicKey(key)), algorithm: 'Ed25519', signature: sig.toString('base64') };
  if (signedAt) s.signedAt = signedAt;
  return s;
}

/** The published file: the bundle with its publication block (the bundle itself is not changed). */
export function publish(bundle: Record<string, unknown>, year: number, signatures: BureauSignature[]): Record<string, unknown> {
  const { publication: _old, ...content } = bundle;
  const publication: Publication = { format: 'stdc-publication@1', year, contentHash: contentHash(content), signatures };
  return { ...content, publication };
}

export interface VerifyCheck {
  ok: boolean;
  text: string;
}

export interface VerifyResult {
  ok: boolean;
  checks: VerifyCheck[];
}


/** Reads a keys file ({ format, keys: [...] }); throws a Chinese message when it is not one. */
export function parseKeyFile(value: unknown): PublicKeyEntry[] {
  const keys = isObj(value) && Array.isArray(value.keys) ? value.keys : null;
  if (!keys) throw new Error('公钥文件格式不对：应为 { "format": "stdc-keys@1", "keys": [...] }');
  return keys.map((k, i) => {
    if (!isObj(k) || typeof k.bureau !== 'string' || typeof k.publicKey !== 'string') throw new Error(`公钥文件第 ${i + 1} 个公钥缺少 bureau 或 publicKey`);
    const key = createPublicKey(k.publicKey);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`公钥文件第 ${i + 1} 个公钥不是 Ed25519 公钥`);
    return { bureau: k.bureau, keyId: keyIdOf(key), algorithm: 'Ed25519', publicKey: k.publicKey };
  });
}

/**
 * Verifies a published bundle against the bureaus' public keys. The bureaus that must sign are the bundle's
 * own issuers (meta.issuers, the 发布单位); each needs a signature that verifies with one of its keys.
 */
export function verifyPublication(file: unknown, keys: PublicKeyEntry[]): VerifyResult {
  const checks: VerifyCheck[] = [];
  const fail = (text: string) => ({ ok: false, checks: [...checks, { ok: false, text }] });
  if (!isObj(file)) return fail('文件不是 JSON 对象，不是 stdc 发布的 bundle');
  const pub = file.publication;
  if (!isObj(pub)) return fail('没有发布信息（publication）与签名：未签名的 bundle 不予通过');
  const meta = file.meta;
  const issuers = isObj(meta) && Array.isArray(meta.issuers) ? meta.issuers.filter((x): x is string => typeof x === 'string') : [];
  if (!issuers.length) return fail('bundle 未写明发布单位（meta.issuers），无法确定须由哪些单位签名');
  if (!isObj(meta) || pub.year !== meta.year) return fail(`发布信息的年度（${String(pub.year)}）与标准集年度（${String(isObj(meta) ? meta.year : '')}）不一致`);

  const actual = contentHash(file);
  if (pub.contentHash !== actual) {
    checks.push({ ok: false, text: `内容哈希不符：文件记载 ${String(pub.contentHash)}，按内容计算为 ${actual}。bundle 在签名后被改动过` });
  } else {
    checks.push({ ok: true, text: `内容哈希一致：${actual}` });
  }
  const sigs = Array.isArray(pub.signatures) ? pub.signatures.filter(isObj) : [];
  if (!sigs.length) checks.push({ ok: false, text: '没有任何签名：未签名的 bundle 不予通过' });
  const message = statement(meta.year as number, actual);
  for (const bureau of issuers) {
    const own = keys.filter((k) => k.bureau === bureau);
    const mine = sigs.filter((s) => s.bureau === bureau);
    if (!own.length) {
      checks.push({ ok: false, text: `公钥文件中没有“${bureau}”的公钥，无法验证其签名` });
      continue;
    }
    if (!mine.length) {
      checks.push({ ok: false, text: `缺少“${bureau}”的签名（须由${issuers.map((b) => `“${b}”`).join('、')}各自签名）` });
      continue;
    }
    const good = mine.some((s) => typeof s.signature === 'string' && own.some((k) => {
      try {
        return verify(null, message, createPublicKey(k.publicKey), Buffer.from(s.signature as string, 'base64'));
      } catch {
        return false;
      }
    }));
    checks.push(good
      ? { ok: true, text: `“${bureau}”的签名有效（密钥 ${own.map((k) => k.keyId).join('、')}）` }
      : { ok: false, text: `“${bureau}”的签名无效：签名与内容不符，或不是用该局公布的密钥签的` });
  }
  for (const s of sigs) {
    if (typeof s.bureau !== 'string' || !issuers.includes(s.bureau)) {
      checks.push({ ok: true, text: `（另有非发布单位“${String(s.bureau)}”的签名，不计入）` });
    }
  }
  return { ok: checks.every((c) => c.ok), checks };
}
