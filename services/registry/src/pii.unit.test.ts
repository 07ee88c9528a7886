import { describe, expect, it } from 'vitest';
import { createPiiCipher } from './pii.ts';

const KEY = 'a1'.repeat(32);

describe('PII cipher (AES-256-GCM + HMAC-SHA256)', () => {
  const pii = createPiiCipher(KEY);

  it('round-trips, with a fresh IV each time and no plaintext in the token', () => {
    const a = pii.encrypt('11010519491231002X', 'worker:w-1:idNumber');
    const b = pii.encrypt('11010519491231002X', 'worker:w-1:idNumber');
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(pii.decrypt(a, 'worker:w-1:idNumber')).toBe('11010519491231002X');
  });

  it('refuses a token moved to another record or field, altered, or made with another key', () => {
    const token = pii.encrypt('13812345678', 'worker:w-1:phone');
    expect(() => pii.decrypt(token, 'worker:w-2:phone')).toThrow(/does not decrypt/);
    const [v, iv, tag, body] = token.split('.');
    const flipped = `${v}.${iv}.${tag}.${(body as string).startsWith('A') ? 'B' : 'A'}${(body as string).slice(1)}`;
    expect(() => pii.decrypt(flipped, 'worker:w-1:phone')).toThrow(/does not decrypt/);
    expect(() => createPiiCipher('b2'.repeat(32)).decrypt(token, 'worker:w-1:phone')).toThrow(
      /does not decrypt/,
    );
  });

  it('hashes equal values equally, and differently under another key', () => {
    expect(pii.hash('11010519491231002X')).toBe(pii.hash('11010519491231002X'));
    expect(pii.hash('11010519491231002X')).not.toBe(pii.hash('440524188001010014'));
    expect(createPiiCipher('b2'.repeat(32)).hash('11010519491231002X')).not.toBe(
      pii.hash('11010519491231002X'),
    );
  });

  it('wants a 256-bit key in hex', () => {
    expect(() => createPiiCipher('abc')).toThrow(/64 hex characters/);
  });
});
