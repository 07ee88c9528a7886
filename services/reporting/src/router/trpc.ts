import type { IsoDate } from '@shegong/kernel';
import { formatServiceError, mapDomainErrors } from '@shegong/service-kit';
import { initTRPC } from '@trpc/server';
import type { Kysely } from 'kysely';
import type { ReportingDatabase } from '../db/schema.ts';

/** What every procedure gets. Identity and jurisdiction come with the gateway. */
export interface Ctx {
  db: Kysely<ReportingDatabase>;
  /** Today's calendar day in China (the day a report is submitted on); tests pin it. Default: the clock. */
  today?: () => IsoDate;
}

const t = initTRPC.context<Ctx>().create({ errorFormatter: formatServiceError });

export const router = t.router;

/** Base procedure: a DomainError becomes a 400/404/409 carrying its code and field path. */
export const procedure = t.procedure.use(async ({ next }) => mapDomainErrors(await next()));
