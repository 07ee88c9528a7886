import { DomainError } from '@shegong/kernel';
import { describe, expect, it } from 'vitest';
import { assertTransition, canTransition, NEXT_STATUSES, type StationStatus } from './lifecycle.ts';

const ALL: StationStatus[] = ['planned', 'building', 'operating', 'suspended', 'closed'];

describe('station lifecycle', () => {
  it('allows exactly planned→building→operating, operating⇄suspended and any→closed', () => {
    const allowed = ALL.flatMap((from) =>
      ALL.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'planned→building',
        'building→operating',
        'operating→suspended',
        'suspended→operating',
        'planned→closed',
        'building→closed',
        'operating→closed',
        'suspended→closed',
      ].sort(),
    );
  });

  it('treats closed as final and staying put as no transition', () => {
    expect(NEXT_STATUSES.closed).toEqual([]);
    for (const s of ALL) expect(canTransition(s, s)).toBe(false);
  });

  it('names from and to when refusing', () => {
    try {
      assertTransition('st-1', 'planned', 'operating', ['to']);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('STATION_TRANSITION_CONFLICT');
      expect((error as DomainError).message).toBe(
        'station st-1 cannot go from planned to operating: from planned it can go to building or closed',
      );
      expect((error as DomainError).details).toMatchObject({ from: 'planned', to: 'operating' });
      expect((error as DomainError).path).toEqual(['to']);
    }
    expect(() => assertTransition('st-1', 'closed', 'operating', ['to'])).toThrow('closed is final');
  });
});
