import type { HubEvent } from '@shegong/events';
import { DomainError, formatPath } from '@shegong/kernel';
import { InProcessBus } from '@shegong/messaging';
import { createTestDatabase } from '@shegong/testkit';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { expect } from 'vitest';
import { ZodError } from 'zod';
import type { FundingDatabase } from '../db/schema.ts';
import type { SignContractInput, SubmitBudgetInput } from '../domain/schemas.ts';
import { createFundingService, type FundingService, SCHEMA } from '../service.ts';

/**
 * Internal to the service's int tests: a fresh database on the run's real Postgres, migrated, with the
 * service relaying its outbox to an in-process bus that records what it saw. Dispose with `await using`.
 */
export interface FundingHarness extends AsyncDisposable {
  db: Kysely<FundingDatabase>;
  url: string;
  service: FundingService;
  caller: ReturnType<FundingService['caller']>;
  /** Every event the relay published, in order. */
  published: HubEvent[];
}

export async function startFunding(): Promise<FundingHarness> {
  const database = await createTestDatabase();
  // The pool createDatabase would make, plus an 'error' listener: the database is dropped WITH (FORCE) on
  // dispose, and an idle connection still closing then reports "terminating connection" through the pool,
  // which without a listener is an uncaught exception.
  const pool = new pg.Pool({ connectionString: database.url, max: 5 });
  pool.on('error', () => {});
  const db = new Kysely<FundingDatabase>({ dialect: new PostgresDialect({ pool }) }).withSchema(SCHEMA);
  const bus = new InProcessBus();
  const published: HubEvent[] = [];
  bus.subscribe('shegong.funding', async (event) => {
    published.push(event);
  });
  const service = createFundingService({ db, publisher: bus, relayIntervalMs: 10 });
  await service.migrate();
  service.start();
  return {
    db,
    url: database.url,
    service,
    caller: service.caller(),
    published,
    async [Symbol.asyncDispose]() {
      await service.stop();
      await db.destroy();
      await database[Symbol.asyncDispose]();
    },
  };
}

/** The error a call rejected with, its HTTP status, and the fields it names (zod issues or domain path). */
export async function rejection(promise: Promise<unknown>): Promise<{
  error: TRPCError;
  status: number;
  fields: string[];
  code: string | null;
}> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    const e = error as TRPCError;
    const cause = e.cause;
    const fields =
      cause instanceof ZodError
        ? cause.issues.map((i) => formatPath(i.path))
        : cause instanceof DomainError
          ? [formatPath(cause.path)]
          : [];
    return {
      error: e,
      status: getHTTPStatusCodeFromError(e),
      fields,
      code: cause instanceof DomainError ? cause.code : null,
    };
  }
  throw new Error('expected the call to be rejected');
}

/** A Zhengzhou (金水区) contract signed on time, 3-year cycle, ¥600,000.00. */
export function contractInput(overrides: Partial<SignContractInput> = {}): SignContractInput {
  return {
    id: 'C-2024-JS-01',
    countyCode: '410105',
    operatorId: 'op-jinshui-1',
    stationIds: ['410105001', '410105002'],
    awardNoticeDate: '2024-03-01',
    signedOn: '2024-03-20',
    termStart: '2024-04-01',
    termEnd: '2027-03-31',
    cycleYears: 3,
    yearlyTerms: [{ year: 1, signedOn: '2024-03-20' }],
    amountFen: 60_000_000,
    ...overrides,
  };
}

/** A Zhengzhou budget meeting every ZZ rule: personnel ¥180,000 of ¥240,000 (75%), two kinds of source. */
export function budgetInput(overrides: Partial<SubmitBudgetInput> = {}): SubmitBudgetInput {
  return {
    id: 'B-2024-JS-01',
    countyCode: '410105',
    year: 2024,
    stationsCovered: 1,
    workersBudgeted: 2,
    lines: [
      { category: 'salary', amountFen: 14_400_000 },
      { category: 'social-insurance', amountFen: 3_600_000 },
      { category: 'service-activities', amountFen: 4_000_000 },
      { category: 'project-management', amountFen: 1_400_000 },
      { category: 'evaluation-reserve', amountFen: 600_000 },
    ],
    sources: [
      { kind: 'general-budget', amountFen: 18_000_000 },
      { kind: 'superior-subsidy', amountFen: 6_000_000 },
    ],
    ...overrides,
  };
}
