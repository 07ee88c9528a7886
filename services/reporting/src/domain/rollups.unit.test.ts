import { DomainError } from '@shegong/kernel';
import { describe, expect, it } from 'vitest';
import { periodRange } from './rollups.ts';

describe('periodRange', () => {
  it('is one month for YYYY-MM', () => {
    expect(periodRange('2023-03')).toEqual(['2023-03', '2023-03']);
    expect(periodRange('2023-12')).toEqual(['2023-12', '2023-12']);
  });

  it('is January to December for a year', () => {
    expect(periodRange('2023')).toEqual(['2023-01', '2023-12']);
  });

  it.each(['2023-13', '2023-00', '2023-3', '23', '2023-03-14', ''])(
    'refuses "%s" with PERIOD_INVALID on the period field',
    (period) => {
      let error: unknown;
      try {
        periodRange(period);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'PERIOD_INVALID', path: ['period'] });
    },
  );
});
