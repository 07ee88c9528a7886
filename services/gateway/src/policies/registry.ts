import { canReachStation } from '@shegong/access';
import { DomainError, formatPath } from '@shegong/kernel';
import type { RegistryRouter } from '@shegong/registry-service';
import { z } from 'zod';
import type { OutputAt } from '../trpc/procedure-paths.ts';
import {
  by,
  type Forward,
  fields,
  listRegion,
  mutation,
  notInJurisdiction,
  type Policies,
  type PolicyContext,
  pass,
  query,
  requireRegion,
  requireStation,
} from './policy.ts';

const StationItem = z.object({ id: z.string(), regionCode: z.string() });
const WorkerItem = z.object({ id: z.string(), stationId: z.string() });
const batch = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** A station write: the new region in the caller's own, and an existing station too (no moving one in). */
async function stationWrite(
  ctx: PolicyContext,
  item: z.infer<typeof StationItem>,
  at: Array<string | number>,
) {
  requireRegion(ctx, item.regionCode, [...at, 'regionCode'], 'write');
  const existing = await ctx.lookups.station(item.id);
  if (existing && !canReachStation(ctx.principal, existing, 'write'))
    throw notInJurisdiction(ctx, 'STATION', item.id, [...at, 'id']);
}

type StationCheck = Extract<OutputAt<RegistryRouter, 'stations.upsertMany'>[number], { errors: unknown }>;
type WorkerCheck = Extract<OutputAt<RegistryRouter, 'workers.upsertMany'>[number], { errors: unknown }>;
type RowError = StationCheck['errors'][number];

/**
 * A dry run of a batch: every row checked against the caller's jurisdiction by `check`, each refusal kept
 * for its row (made by `refusal`) instead of refusing the call, so the answer lists every bad row. Refused
 * rows are not sent on — the registry would otherwise say things about a station or worker the caller may
 * not see — and come back in their place with the reason. Rows too malformed to check go on: the
 * registry's schema names their fields. `place` picks the fields the check needs from an unchecked row.
 */
async function dryRunPerRow<Place extends { id?: string | undefined }, Check extends { index: number }>(
  input: unknown,
  place: z.ZodType<Place>,
  check: (place: Place) => Promise<void>,
  refusal: (index: number, id: string | null, errors: RowError[]) => Check,
): Promise<Forward<Check[]>> {
  const { items } = fields(z.object({ items: z.array(z.unknown()) }), input);
  const places = items.map((row) => place.safeParse(row).data);
  const refused = new Map<number, Check>();
  for (const [index, found] of places.entries()) {
    try {
      if (found) await check(found);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const errors = [
        {
          path: formatPath(error.path),
          code: error.code,
          message: error.message.replace(/^[^:\s]*:\s*/, ''),
        },
      ];
      refused.set(index, refusal(index, found?.id ?? null, errors));
    }
  }
  const sent = [...items.keys()].filter((index) => !refused.has(index));
  return {
    input: { ...(input as object), items: sent.map((index) => items[index]) },
    // The registry numbered the rows it was sent; put them back among the refused ones, in order.
    finish: (checks) => {
      const byIndex = new Map(refused);
      for (const check of checks as Check[]) {
        const index = sent[check.index];
        if (index !== undefined) byIndex.set(index, { ...check, index });
      }
      return [...byIndex.values()].sort((a, b) => a.index - b.index);
    },
  };
}

/** A dry run of a station batch (`dryRunPerRow`): each row's region, and the station it updates, in reach. */
async function stationsDryRun(ctx: PolicyContext, input: unknown): Promise<Forward<StationCheck[]>> {
  const place = z.object({ id: z.string().optional(), regionCode: z.string().optional() });
  const { items } = fields(z.object({ items: z.array(z.unknown()) }), input);
  await ctx.lookups.stations(items.flatMap((row) => place.safeParse(row).data?.id ?? []));
  return dryRunPerRow(
    input,
    place,
    async ({ id, regionCode }) => {
      if (regionCode !== undefined) requireRegion(ctx, regionCode, ['regionCode'], 'write');
      const existing = id === undefined ? undefined : await ctx.lookups.station(id);
      if (id !== undefined && existing && !canReachStation(ctx.principal, existing, 'write'))
        throw notInJurisdiction(ctx, 'STATION', id, ['id']);
    },
    (index, id, errors) => ({ index, id, station: null, errors }),
  );
}

/** A worker write: into a station the caller reaches, and not taking over a worker of another's station. */
async function workerWrite(ctx: PolicyContext, item: z.infer<typeof WorkerItem>, at: Array<string | number>) {
  await requireStation(ctx, item.stationId, [...at, 'stationId'], 'write');
  const current = await ctx.lookups.workerStation(item.id);
  if (current && !canReachStation(ctx.principal, current, 'write'))
    throw notInJurisdiction(ctx, 'WORKER', item.id, [...at, 'id']);
}

/**
 * A dry run of a worker batch (`dryRunPerRow`): each row's station, and the worker's current one, in reach,
 * so the registry says nothing about a station or worker the caller may not see.
 */
async function workersDryRun(ctx: PolicyContext, input: unknown): Promise<Forward<WorkerCheck[]>> {
  const place = z.object({ id: z.string().optional(), stationId: z.string().optional() });
  const { items } = fields(z.object({ items: z.array(z.unknown()) }), input);
  await ctx.lookups.stations(items.flatMap((row) => place.safeParse(row).data?.stationId ?? []));
  return dryRunPerRow(
    input,
    place,
    async ({ id, stationId }) => {
      if (stationId !== undefined) await requireStation(ctx, stationId, ['stationId'], 'write');
      const current = id === undefined ? undefined : await ctx.lookups.workerStation(id);
      if (id !== undefined && current && !canReachStation(ctx.principal, current, 'write'))
        throw notInJurisdiction(ctx, 'WORKER', id, ['id']);
    },
    (index, id, errors) => ({ index, id, worker: null, errors }),
  );
}

/**
 * Every registry procedure as the gateway exposes it. Operators (承接主体) are shared reference data — an
 * organisation registered in one county may be brought into another [ZZ §4.1] — so any role may read
 * them and the roles that keep the registry may write them; the audit log says who did.
 */
export const registryPolicies: Policies<RegistryRouter> = {
  'operators.upsert': mutation('operators.write', pass),
  'operators.upsertMany': mutation('operators.write', pass),
  'operators.get': query('operators.read', pass),
  'operators.list': query('operators.read', pass),

  'stations.upsert': mutation('stations.write', async (ctx, input) => {
    await stationWrite(ctx, fields(StationItem, input), []);
    return { input };
  }),
  'stations.upsertMany': mutation('stations.write', async (ctx, input) => {
    if ((input as { dryRun?: unknown } | null)?.dryRun === true) return stationsDryRun(ctx, input);
    const { items } = fields(batch(StationItem), input);
    await ctx.lookups.stations(items.map((i) => i.id));
    for (const [i, item] of items.entries()) await stationWrite(ctx, item, ['items', i]);
    return { input };
  }),
  'stations.changeStatus': mutation('stations.write', by('station', 'stationId', 'write')),
  'stations.get': query('stations.read', by('station', 'id')),
  'stations.list': query('stations.read', (ctx, input) => {
    const given = fields(z.object({ regionCode: z.string().optional() }).optional(), input) ?? {};
    const regionCode = listRegion(ctx, given.regionCode);
    return {
      input: { ...(input as object | undefined), regionCode },
      // An operator sees only the stations it runs; the page may come back shorter, its cursor still holds.
      finish: (page) => ({ ...page, items: page.items.filter((s) => canReachStation(ctx.principal, s)) }),
    };
  }),
  'stations.places': query('stations.read', (ctx, input) => ({
    input,
    finish: (places) => places.filter((p) => canReachStation(ctx.principal, p)),
  })),
  'stations.institutionsGap': query('stations.read', by('station', 'stationId')),

  'workers.upsert': mutation('workers.write', async (ctx, input) => {
    await workerWrite(ctx, fields(WorkerItem, input), []);
    return { input };
  }),
  'workers.upsertMany': mutation('workers.write', async (ctx, input) => {
    if ((input as { dryRun?: unknown } | null)?.dryRun === true) return workersDryRun(ctx, input);
    const { items } = fields(batch(WorkerItem), input);
    await ctx.lookups.stations(items.map((i) => i.stationId));
    for (const [i, item] of items.entries()) await workerWrite(ctx, item, ['items', i]);
    return { input };
  }),
  'workers.get': query('workers.read', by('worker', 'id')),
  'workers.reveal': query('workers.read', by('worker', 'id'), { pii: true }),
  'workers.list': query('workers.read', by('station', 'stationId')),
  'workers.addTraining': mutation('workers.write', by('worker', 'workerId', 'write')),
  'supervisors.upsert': mutation('workers.write', by('station', 'stationId', 'write')),
  'staffChanges.file': mutation('workers.write', by('station', 'stationId', 'write')),
};
