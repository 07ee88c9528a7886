import { describe, expect, it } from 'vitest';
import { standingOf } from './targets.ts';

const at = (coveredTownships: number, townships: number) => ({ coveredTownships, townships });

describe('standingOf', () => {
  it('full coverage needs every township', () => {
    expect(standingOf({ measure: { kind: 'full' }, notEvaluable: null }, at(12, 12))).toEqual({
      status: 'reached',
    });
    expect(standingOf({ measure: { kind: 'full' }, notEvaluable: null }, at(9, 12))).toEqual({
      status: 'short',
      gap: 3,
    });
  });
  it('a share 以上 includes the share itself [ZZ §5: 60% 以上]', () => {
    const sixty = {
      measure: { kind: 'share', term: '以上', basisPoints: 6000 } as const,
      notEvaluable: null,
    };
    expect(standingOf(sixty, at(6, 10))).toEqual({ status: 'reached' });
    expect(standingOf(sixty, at(5, 10))).toEqual({ status: 'short', gap: 1 });
    // 60% of 16 is 9.6: ten townships are needed.
    expect(standingOf(sixty, at(9, 16))).toEqual({ status: 'short', gap: 1 });
  });
  it('a count, unless by township kind, and nothing without the gateway’s counts', () => {
    const two = { measure: { kind: 'count', term: '不少于', value: 2 } as const, notEvaluable: null };
    expect(standingOf(two, at(2, 16))).toEqual({ status: 'reached' });
    expect(standingOf(two, undefined)).toEqual({ status: 'unknown' });
    expect(
      standingOf(
        { measure: { kind: 'count', term: '不少于', value: 2, townshipKind: 'zhen' }, notEvaluable: null },
        at(5, 16),
      ),
    ).toEqual({ status: 'unknown' });
    expect(standingOf({ measure: { kind: 'full' }, notEvaluable: 'village level' }, at(1, 1))).toEqual({
      status: 'unknown',
    });
  });
});

describe('standingOf with 超过', () => {
  it('excludes the number itself [民法典 art. 1259]', () => {
    const over = { measure: { kind: 'count', term: '超过', value: 2 } as const, notEvaluable: null };
    expect(standingOf(over, at(2, 16))).toEqual({ status: 'short', gap: 1 });
    expect(standingOf(over, at(3, 16))).toEqual({ status: 'reached' });
  });
});
