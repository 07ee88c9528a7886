import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { sendProblem } from './problem.ts';

/**
 * Requests per minute per caller: keyed by the credential presented (so one city system cannot starve
 * another behind the same NAT), else by address. Over the limit: 429 problem+json with `Retry-After`.
 */
export function rateLimitPerCaller(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req: Request) => {
      const credential = req.get('x-api-key') ?? req.get('authorization');
      if (credential) return createHash('sha256').update(credential).digest('hex');
      return ipKeyGenerator(req.ip ?? 'unknown');
    },
    handler: (req, res) =>
      sendProblem(res, {
        status: 429,
        code: 'RATE_LIMITED',
        title: 'Too many requests',
        detail: `more than ${perMinute} requests in a minute from this caller; wait and retry`,
        instance: req.originalUrl,
      }),
  });
}
