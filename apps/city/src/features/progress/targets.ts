import type { CityTarget } from '../../reference-data.ts';

/** A region's current coverage as the gateway's `reporting.rollups.coverage` answers it. */
export interface CurrentCoverage {
  coveredTownships: number;
  townships: number;
}

/**
 * The floor terms a target may use, and whether the number itself counts: 民法典 art. 1259 — 以上 includes
 * it, 超过 does not; 不少于 / 不低于 read as 以上 (`@shegong/kernel`'s `LegalTermSchema`).
 */
const AT_LEAST: Partial<Record<string, boolean>> = { 以上: true, 不少于: true, 不低于: true, 超过: false };

/**
 * Where a region stands today against a target's measure, for display beside the server's counts: the
 * target is public plan data, the counts are the gateway's. `reached`, `short` by `gap` townships, or
 * `unknown` when the gateway serves no count that answers it (a functional zone, a count by township
 * kind, a target the plan marks not evaluable). Whether a target was met *by its deadline* needs the
 * stations' opening days: the page asks the server for that (`reporting.plans.progress`).
 * @example standingOf({ measure: { kind: 'full' }, … }, { coveredTownships: 9, townships: 12 }) // { status: 'short', gap: 3 }
 */
export function standingOf(
  target: Pick<CityTarget, 'measure' | 'notEvaluable'>,
  current: CurrentCoverage | undefined,
): { status: 'reached' } | { status: 'short'; gap: number } | { status: 'unknown' } {
  if (!current || target.notEvaluable) return { status: 'unknown' };
  const { coveredTownships: covered, townships } = current;
  const measure = target.measure;
  let required: number;
  if (measure.kind === 'full') required = townships;
  else {
    const inclusive = AT_LEAST[measure.term];
    // A rollout target is a floor; a ceiling term (以下, 不超过 …) is not a coverage target.
    if (inclusive === undefined) return { status: 'unknown' };
    if (measure.kind === 'share') {
      // The least whole count of townships at (or, for 超过, above) the share.
      const exact = (measure.basisPoints * townships) / 10_000;
      required = inclusive ? Math.ceil(exact) : Math.floor(exact) + 1;
    } else if (measure.townshipKind) return { status: 'unknown' };
    else required = inclusive ? measure.value : measure.value + 1;
  }
  return covered >= required ? { status: 'reached' } : { status: 'short', gap: required - covered };
}
