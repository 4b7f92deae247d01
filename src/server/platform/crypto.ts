/**
 * Secrets and personal data: AES-256-GCM encryption of personal fields, keyed hashes for
 * matching without storing the value, masking for display, and random tokens.
 */
import crypto from 'node:crypto';

export interface Secrets {
  sessionSecret: string;
  encryptionKey: Buffer;
}

export function parseKey(key: string): Buffer {
  return /^[0-9a-fA-F]{64}$/.test(key) ? Buffer.from(key, 'hex') : Buffer.from(key, 'base64');
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

export function hmac(key: string | Buffer, value: string): string {
  return crypto.createHmac('sha256', key).update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

export class PersonalDataCipher {
  readonly #encKey: Buffer;
  readonly #hashKey: Buffer;

  constructor(masterKey: Buffer) {
    this.#encKey = Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), 'gongjian:encrypt', 32));
    this.#hashKey = Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), 'gongjian:hash', 32));
  }

  encrypt(plain: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.#encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(value: string): string {
    if (!value.startsWith('v1:')) throw new Error('unknown ciphertext version');
    const raw = Buffer.from(value.slice(3), 'base64');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.#encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** A keyed hash for equality matching (phone, ID number) without storing the value. */
  hash(value: string): string {
    return hmac(this.#hashKey, value);
  }
}

/** Normalises a mainland phone number: digits only, without a +86 / 0086 prefix. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/[^\d]/g, '');
  return digits.replace(/^(0086|86)(?=1\d{10}$)/, '');
}

export function isMobilePhone(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalizePhone(phone));
}

/** 13812345678 → 138****5678; other numbers keep their first 3 and last 2. */
export function maskPhone(phone: string): string {
  const p = normalizePhone(phone);
  if (p.length === 11) return `${p.slice(0, 3)}****${p.slice(7)}`;
  if (p.length <= 4) return '*'.repeat(p.length);
  return `${p.slice(0, 3)}${'*'.repeat(p.length - 5)}${p.slice(-2)}`;
}

/** 110101199003071234 → 1101**********1234 */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** 张建军 → 张** ; Zhang Jianjun → Z************* */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  return chars[0] + '*'.repeat(chars.length - 1);
}

export interface SealedValue {
  encrypted: string;
  hash: string;
  masked: string;
  /** The last four characters, for search by tail. */
  tail: string;
}

/** The keyed hash of an ID number's last six characters: a person proves who they are with it (self-activation). */
export function idLast6Hash(cipher: PersonalDataCipher, id: string): string {
  return cipher.hash(`id-last6:${id.trim().toUpperCase().slice(-6)}`);
}

/** A phone number as stored: encrypted, keyed hash for matching, masked for lists, tail for search. */
export function sealPhone(cipher: PersonalDataCipher, phone: string): SealedValue {
  const p = normalizePhone(phone);
  return { encrypted: cipher.encrypt(p), hash: cipher.hash(p), masked: maskPhone(p), tail: p.slice(-4) };
}

/** An ID number as stored (upper-case X). */
export function sealIdNumber(cipher: PersonalDataCipher, id: string): SealedValue & { last6Hash: string } {
  const v = id.trim().toUpperCase();
  return { encrypted: cipher.encrypt(v), hash: cipher.hash(v), masked: maskIdNumber(v), tail: v.slice(-4), last6Hash: idLast6Hash(cipher, v) };
}
