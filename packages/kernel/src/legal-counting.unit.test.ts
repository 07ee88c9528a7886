import { describe, expect, it } from 'vitest';
import { relationOf, satisfies } from './legal-counting.ts';

describe('legal counting [民法典 art. 1259]', () => {
  it.each([
    ['以上', 2, 2, true],
    ['以上', 1, 2, false],
    ['以下', 45, 45, true],
    ['以下', 46, 45, false],
    ['以内', 30, 30, true],
    ['不超过', 45, 45, true],
    ['不超过', 2.01, 2, false],
    ['超过', 3, 3, false],
    ['超过', 4, 3, true],
    ['不满', 18, 18, false],
    ['不满', 17, 18, true],
    ['不少于', 60, 60, true],
    ['不少于', 59, 60, false],
  ] as const)('%s %d vs %d → %s', (term, value, limit, expected) => {
    expect(satisfies(value, term, limit)).toBe(expected);
  });
  it('maps terms to relations', () => {
    expect(relationOf('以上')).toBe('>=');
    expect(relationOf('超过')).toBe('>');
  });
});
