import { type Principal, PrincipalSchema } from '@shegong/access';
import { DomainError } from '@shegong/kernel';
import { jwtVerify, SignJWT } from 'jose';

const ISSUER = 'shegong-hub';
const AUDIENCE = 'shegong-gateway';

/** Signs and reads the gateway's bearer tokens (HS256 JWTs, via `jose`): the principal is the payload. */
export interface TokenIssuer {
  issue(principal: Principal): Promise<{ token: string; expiresAt: string }>;
  read(token: string): Promise<Principal>;
}

/**
 * @param secret at least 32 bytes (`GATEWAY_TOKEN_SECRET`)
 * @param ttlSeconds how long a token is valid (default 8 hours: a working day)
 */
export function createTokenIssuer(secret: string, ttlSeconds = 8 * 3600): TokenIssuer {
  const key = new TextEncoder().encode(secret);
  if (key.length < 32) throw new Error('the token secret must be at least 32 bytes');
  return {
    async issue(principal) {
      const expires = Math.floor(Date.now() / 1000) + ttlSeconds;
      const { id, ...claims } = principal;
      const token = await new SignJWT({ principal: claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(id)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(expires)
        .sign(key);
      return { token, expiresAt: new Date(expires * 1000).toISOString() };
    },
    async read(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
        });
        return PrincipalSchema.parse({ ...(payload.principal as object), id: payload.sub });
      } catch (error) {
        throw new DomainError(
          'UNAUTHENTICATED',
          `the bearer token is not valid (${(error as Error).message}); sign in again`,
          { path: ['authorization'] },
        );
      }
    },
  };
}
