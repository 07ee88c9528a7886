import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { DomainError } from '@shegong/kernel';

/**
 * Encryption of personal identifiers at rest (resident ID number, phone). One 256-bit master key
 * (`REGISTRY_PII_KEY`, 64 hex characters) yields two keys by HKDF-SHA256, so the encryption key never
 * doubles as the lookup key:
 * - AES-256-GCM for the value, a fresh 96-bit IV per write, and the record and field as additional
 *   authenticated data, so a token copied onto another worker or field fails to decrypt;
 * - HMAC-SHA256 for a lookup hash: equal numbers give equal hashes (finding the same person twice)
 *   without storing anything a dictionary attack could reverse without the key.
 * Tokens read `v1.<iv>.<tag>.<ciphertext>` (base64url); the version leaves room for key rotation.
 */
export interface PiiCipher {
  encrypt(plain: string, context: string): string;
  /** @throws DomainError `PII_UNREADABLE` when the token was altered, moved, or made with another key */
  decrypt(token: string, context: string): string;
  /** A keyed hash for equality lookups (hex). */
  hash(plain: string): string;
}

const HKDF_SALT = 'shegong-registry-pii';

/**
 * @example
 * const pii = createPiiCipher('00'.repeat(32));
 * const token = pii.encrypt('11010519491231002X', 'worker:w-1:idNumber');
 * pii.decrypt(token, 'worker:w-1:idNumber'); // '11010519491231002X'
 * @throws DomainError `CONFIG_INVALID` unless the key is 64 hex characters
 */
export function createPiiCipher(keyHex: string): PiiCipher {
  if (!/^[0-9a-fA-F]{64}$/.test(keyHex)) {
    throw new DomainError('CONFIG_INVALID', 'REGISTRY_PII_KEY must be 64 hex characters (a 256-bit key)');
  }
  const master = Buffer.from(keyHex, 'hex');
  const encryptionKey = Buffer.from(hkdfSync('sha256', master, HKDF_SALT, 'aes-256-gcm v1', 32));
  const hashKey = Buffer.from(hkdfSync('sha256', master, HKDF_SALT, 'hmac-sha256 lookup v1', 32));

  return {
    encrypt(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    decrypt(token, context) {
      const [version, iv, tag, body] = token.split('.');
      if (version !== 'v1' || iv === undefined || tag === undefined || body === undefined) {
        throw new DomainError('PII_UNREADABLE', `an encrypted field (${context}) is not a v1 token`);
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch (cause) {
        throw new DomainError(
          'PII_UNREADABLE',
          `an encrypted field (${context}) does not decrypt: altered, moved, or written with another key`,
          { cause },
        );
      }
    },
    hash(plain) {
      return createHmac('sha256', hashKey).update(plain, 'utf8').digest('hex');
    },
  };
}
