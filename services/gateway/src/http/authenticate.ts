import type { Principal } from '@shegong/access';
import type { Request } from 'express';
import { authenticateApiKey } from '../identity/identities.ts';
import type { GatewayDeps, RequestOrigin } from '../trpc/init.ts';

/**
 * Who is calling: an API client (`X-Api-Key: sgk_…`, or `Authorization: ApiKey sgk_…`), a signed-in user
 * (`Authorization: Bearer <token>`), or nobody (null).
 * @throws DomainError `UNAUTHENTICATED` for credentials that are present but not valid
 */
export async function principalOf(req: Request, deps: GatewayDeps): Promise<Principal | null> {
  const apiKey = req.get('x-api-key');
  if (apiKey) return authenticateApiKey(deps.db, apiKey);
  const authorization = req.get('authorization');
  if (!authorization) return null;
  const [scheme, credential = ''] = authorization.split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'apikey') return authenticateApiKey(deps.db, credential);
  if (scheme?.toLowerCase() === 'bearer') return deps.tokens.read(credential);
  return deps.tokens.read(authorization);
}

export function originOf(req: Request): RequestOrigin {
  return { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null };
}
