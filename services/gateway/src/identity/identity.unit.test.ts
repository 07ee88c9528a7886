import { principalOf } from '@shegong/access';
import { describe, expect, it } from 'vitest';
import { newApiKey, parseApiKey, sameHash } from './api-keys.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { createTokenIssuer } from './tokens.ts';

const zhengzhou = principalOf({ kind: 'user', id: 'u-1', role: 'city', regionCode: '410100' });

describe('API keys', () => {
  it('carry their client id, and only the hash of the secret is kept', () => {
    const { key, hash } = newApiKey('zz-system');
    expect(key).toMatch(/^sgk_zz-system_[A-Za-z0-9_-]{43}$/);
    expect(key).not.toContain(hash);
    const parsed = parseApiKey(key);
    expect(parsed?.clientId).toBe('zz-system');
    expect(sameHash(parsed?.hash ?? '', hash)).toBe(true);
    expect(sameHash(parseApiKey(newApiKey('zz-system').key)?.hash ?? '', hash)).toBe(false);
  });

  it('refuses malformed keys', () => {
    for (const key of ['', 'sgk_', 'sgk_zz_short', 'Bearer x', `sgk_zz_${'a'.repeat(44)}`])
      expect(parseApiKey(key), key).toBeUndefined();
  });
});

describe('passwords', () => {
  it('are stored as argon2id and verified', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse batterY')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});

describe('bearer tokens', () => {
  const issuer = createTokenIssuer('s'.repeat(32));

  it('carry the principal, signed', async () => {
    const { token, expiresAt } = await issuer.issue(zhengzhou);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(await issuer.read(token)).toEqual(zhengzhou);
  });

  it('refuse a token signed with another secret, tampered with, or expired', async () => {
    const { token } = await createTokenIssuer('t'.repeat(32)).issue(zhengzhou);
    await expect(issuer.read(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const [head, body, sig] = (await issuer.issue(zhengzhou)).token.split('.');
    const forged = JSON.parse(Buffer.from(body as string, 'base64url').toString());
    forged.principal.role = 'province';
    const tampered = `${head}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${sig}`;
    await expect(issuer.read(tampered)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const expired = await createTokenIssuer('s'.repeat(32), -10).issue(zhengzhou);
    await expect(issuer.read(expired.token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('need a secret of at least 32 bytes', () => {
    expect(() => createTokenIssuer('short')).toThrow(/32 bytes/);
  });
});
