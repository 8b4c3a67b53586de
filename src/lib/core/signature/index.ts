export { canonicalJson } from './canonical.ts';
export {
  contentHash, generateBureauKey, keyIdOf, parseKeyFile, publish, signContent, statement, verifyPublication,
  type BureauSignature, type KeyFile, type Publication, type PublicKeyEntry, type VerifyCheck, type VerifyResult
} from './publication.ts';
