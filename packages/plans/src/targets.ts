import type { Citation, IsoDate } from '@shegong/kernel';
import { TOWNSHIP_KIND_LABELS, type TownshipKind } from '@shegong/regions';
import {
  type Area,
  areaKey,
  divisionArea,
  regionZoneAreas,
  resolvePlanZone,
  resolveTerritory,
} from './areas.ts';
import { loadFolder, parsePlan } from './data.ts';
import { PlanNotFoundError, PlanValidationError } from './errors.ts';
import type { AllocationRow, Binding, Measure, Plan, TargetDefinition, Territory } from './schema.ts';

/**
 * A target resolved to the townships it is about: one per area (a plan's `eachCountyOf` target becomes
 * one target per county), with everything needed to evaluate and to cite it.
 */
export interface Target {
  /** `<plan id>/<target id>[/<area key>]`: stable across runs. */
  id: string;
  planId: string;
  planVersion: string;
  title: string;
  area: Area;
  measure: Measure;
  by: IsoDate;
  binding: Binding;
  citation: Citation;
  quote: string;
  /** `stated` in the plan's `targets`, or derived from its `allocation` table. */
  origin: 'stated' | 'allocation';
  note?: string;
  notEvaluable?: string;
}

let plans: Plan[] | undefined;
let zones: Map<string, Area> | undefined;
let targets: Target[] | undefined;

/**
 * Every rollout plan shipped in `data/plans/` (one YAML file each), validated on first use. A new
 * province's or city's plan is a new file there: no code changes (README, "Adding a plan").
 */
export function listPlans(): Plan[] {
  plans ??= loadFolder('plans', parsePlan);
  return plans;
}

/** @throws PlanNotFoundError */
export function getPlan(id: string): Plan {
  const plan = listPlans().find((p) => p.id === id);
  if (!plan) throw new PlanNotFoundError(`no plan has the id "${id}"`, { id });
  return plan;
}

/** Functional zones from `@shegong/regions` and from every plan file, by id. */
export function zoneAreas(): ReadonlyMap<string, Area> {
  if (!zones) {
    const map = new Map(regionZoneAreas().map((z) => [z.key, z]));
    for (const plan of listPlans()) {
      for (const zone of plan.zones) {
        if (map.has(zone.id))
          throw new PlanValidationError(plan.id, [
            { path: ['zones'], message: `zone id "${zone.id}" is taken` },
          ]);
        map.set(zone.id, resolvePlanZone(zone));
      }
    }
    zones = map;
  }
  return zones;
}

/**
 * The area of a region code (any common spelling) or a functional zone id.
 * @example resolveArea('410100.zhengdong').townships.length // 10
 * @throws PlanNotFoundError for an unknown zone; RegionError for a bad code
 */
export function resolveArea(codeOrZone: string): Area {
  const key = areaKey(codeOrZone);
  if (!key.includes('.')) return divisionArea(key);
  const zone = zoneAreas().get(key);
  if (!zone) throw new PlanNotFoundError(`no functional zone "${codeOrZone}"`, { id: codeOrZone });
  return zone;
}

const yearEnd = (year: number): IsoDate => `${year}-12-31`;

function expandStated(plan: Plan, def: TargetDefinition, areas: readonly Area[]): Target[] {
  const many = 'eachCountyOf' in def.territory;
  return areas.map((area) => ({
    id: many ? `${plan.id}/${def.id}/${area.key}` : `${plan.id}/${def.id}`,
    planId: plan.id,
    planVersion: plan.version,
    title: many ? `${area.name}：${def.title}` : def.title,
    area,
    measure: def.measure,
    by: def.by,
    binding: def.binding,
    citation: def.citation,
    quote: def.quote,
    origin: 'stated' as const,
    ...(def.note ? { note: def.note } : {}),
    ...(def.notEvaluable ? { notEvaluable: def.notEvaluable } : {}),
  }));
}

interface Tally {
  id: string;
  name: string;
  territory: Territory;
  byKind: Partial<Record<TownshipKind, number>>;
  byYear: readonly number[];
  quote: string;
  note?: string;
}

/**
 * An allocation row (or the totals, or a combined group) as targets: by the end of each year at least the
 * stations allocated so far (the table gives stations to build *in* each year, so the targets are
 * cumulative: PY 27 by 2021, 27 + 32 = 59 by 2022, 89 by 2023); by the end of the last year at least each
 * township kind's count.
 */
function expandTally(plan: Plan, tally: Tally, area: Area): Target[] {
  const allocation = plan.allocation;
  if (!allocation) return [];
  const base = {
    planId: plan.id,
    planVersion: plan.version,
    area,
    binding: 'must' as const,
    citation: allocation.citation,
    quote: tally.quote,
    origin: 'allocation' as const,
    ...(tally.note ? { note: tally.note } : {}),
  };
  const out: Target[] = [];
  let cumulative = 0;
  allocation.years.forEach((year, y) => {
    cumulative += tally.byYear[y] ?? 0;
    out.push({
      ...base,
      id: `${plan.id}/${tally.id}/${year}`,
      title: `${tally.name}：${year}年底累计建成${cumulative}个乡镇（街道）社工站`,
      measure: { kind: 'count', term: '不少于', value: cumulative },
      by: yearEnd(year),
    });
  });
  const last = allocation.years.at(-1) as number;
  for (const [kind, value] of Object.entries(tally.byKind) as Array<[TownshipKind, number]>) {
    if (value === 0) continue;
    out.push({
      ...base,
      id: `${plan.id}/${tally.id}/${kind}`,
      title: `${tally.name}：${last}年底建成${TOWNSHIP_KIND_LABELS[kind].zh}社工站${value}个`,
      measure: { kind: 'count', term: '不少于', value, townshipKind: kind },
      by: yearEnd(last),
    });
  }
  return out;
}

function rowTally(row: AllocationRow): Tally {
  return {
    id: row.id,
    name: row.unit.replace(/\s+/g, ''),
    territory: row.territory,
    byKind: row.byKind,
    byYear: row.byYear,
    quote: row.printed,
    ...(row.note ? { note: row.note } : {}),
  };
}

/** Every target of one plan, resolved. @throws PlanValidationError when a territory does not resolve */
export function targetsOfPlan(plan: Plan): Target[] {
  const zoneMap = zoneAreas();
  const resolve = (territory: Territory, path: Array<string | number>): Area[] => {
    try {
      return resolveTerritory(territory, plan.regionCode, zoneMap);
    } catch (error) {
      throw new PlanValidationError(plan.id, [{ path, message: (error as Error).message }]);
    }
  };
  const out: Target[] = [];
  const allocation = plan.allocation;
  if (allocation) {
    allocation.rows.forEach((row, r) => {
      const [area] = resolve(row.territory, ['allocation', 'rows', r, 'territory']);
      if (area) out.push(...expandTally(plan, rowTally(row), area));
    });
    const totals: Tally = {
      id: 'total',
      name: '合计',
      territory: { region: plan.regionCode },
      byKind: allocation.totals.byKind,
      byYear: allocation.totals.byYear,
      quote: `${allocation.totals.printed} (${allocation.quote})`,
    };
    out.push(...expandTally(plan, totals, divisionArea(plan.regionCode)));
    allocation.combine.forEach((group, g) => {
      const rows = allocation.rows.filter((r) => group.rows.includes(r.id));
      const byKind: Partial<Record<TownshipKind, number>> = {};
      for (const row of rows)
        for (const [kind, n] of Object.entries(row.byKind) as Array<[TownshipKind, number]>)
          byKind[kind] = (byKind[kind] ?? 0) + n;
      const [area] = resolve(group.territory, ['allocation', 'combine', g, 'territory']);
      if (!area) return;
      out.push(
        ...expandTally(
          plan,
          {
            id: group.id,
            name: rows.map((r) => r.unit.replace(/\s+/g, '')).join('+'),
            territory: group.territory,
            byKind,
            byYear: allocation.years.map((_, y) => rows.reduce((s, r) => s + (r.byYear[y] ?? 0), 0)),
            quote: rows.map((r) => r.printed).join(' / '),
            note: group.note,
          },
          area,
        ),
      );
    });
  }
  plan.targets.forEach((def, t) => {
    out.push(...expandStated(plan, def, resolve(def.territory, ['targets', t, 'territory'])));
  });
  return out;
}

/** Every target of every shipped plan. */
export function listTargets(): Target[] {
  targets ??= listPlans().flatMap(targetsOfPlan);
  return targets;
}

/** @throws PlanNotFoundError */
export function getTarget(id: string): Target {
  const target = listTargets().find((t) => t.id === id);
  if (!target) throw new PlanNotFoundError(`no target has the id "${id}"`, { id });
  return target;
}
