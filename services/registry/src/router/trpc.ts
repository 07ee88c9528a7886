import { formatServiceError, mapDomainErrors } from '@shegong/service-kit';
import { initTRPC } from '@trpc/server';
import type { Kysely } from 'kysely';
import type { RegistryDatabase } from '../db/schema.ts';
import type { PiiCipher } from '../pii.ts';

/** What every registry procedure gets: the database (schema `registry`) and the PII cipher. */
export interface RegistryContext {
  db: Kysely<RegistryDatabase>;
  pii: PiiCipher;
}

const t = initTRPC.context<RegistryContext>().create({ errorFormatter: formatServiceError });

export const router = t.router;

/** Every procedure: a `DomainError` becomes 400/404/409 with its code and field path. */
export const procedure = t.procedure.use(async ({ next }) => mapDomainErrors(await next()));
