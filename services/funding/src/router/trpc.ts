import { formatServiceError, mapDomainErrors } from '@shegong/service-kit';
import { initTRPC } from '@trpc/server';
import type { Kysely } from 'kysely';
import type { FundingDatabase } from '../db/schema.ts';

/** What every procedure receives. Identity and jurisdiction arrive with the gateway. */
export interface FundingContext {
  db: Kysely<FundingDatabase>;
}

const t = initTRPC.context<FundingContext>().create({ errorFormatter: formatServiceError });

export const router = t.router;

/** Every procedure: a `DomainError` becomes 400/404/409 with its code and field path, not a 500. */
export const procedure = t.procedure.use(async ({ next }) => mapDomainErrors(await next()));
