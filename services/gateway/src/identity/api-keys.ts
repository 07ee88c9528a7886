import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys look like `sgk_<client id>_<43 characters>`: the client id says whose key it is (so a leaked key
 * is easy to trace and revoke), the secret is 256 random bits. Only the SHA-256 of the secret is stored:
 * for a random 256-bit secret a slow password hash adds nothing, and a fast one keeps every API call cheap.
 */
export function newApiKey(clientId: string): { key: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { key: `sgk_${clientId}_${secret}`, hash: hashSecret(secret) };
}

/** Splits a presented key into the client id and the hash of its secret, or undefined when malformed. */
export function parseApiKey(key: string): { clientId: string; hash: string } | undefined {
  const match = /^sgk_([A-Za-z0-9-]{1,64})_([A-Za-z0-9_-]{43})$/.exec(key.trim());
  if (!match) return undefined;
  return { clientId: match[1] as string, hash: hashSecret(match[2] as string) };
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
