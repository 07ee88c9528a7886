import { describe, expect, it } from 'vitest';
import { getBudgetProfile } from '../profiles.ts';
import { type OperatorInput, OperatorSchema } from '../schema.ts';
import { checkImportedRating } from './operator.ts';

function operator(overrides: Partial<OperatorInput>) {
  return OperatorSchema.parse({ id: 'op-1', name: '某社会工作服务中心', origin: 'imported', ...overrides });
}

describe('operator.imported-rating [ZZ §4.1, PY §4.1]', () => {
  const zz = getBudgetProfile('ZZ').importedOperator;
  const py = getBudgetProfile('PY').importedOperator;
  if (!zz || !py) throw new Error('ZZ and PY rate imported operators');

  it.each(['3A', '4A', '5A'] as const)(
    'an imported operator rated %s passes (3A级以上 includes 3A)',
    (rating) => {
      expect(checkImportedRating(operator({ rating }), zz)).toEqual([]);
    },
  );
  it('an imported operator rated 2A fails', () => {
    expect(checkImportedRating(operator({ rating: '2A' }), py)).toMatchObject([
      {
        ruleId: 'operator.imported-rating',
        severity: 'error',
        citation: 'PY §4.1',
        subject: { kind: 'operator', id: 'op-1' },
        facts: { origin: 'imported', rating: '2A', minRating: '3A' },
      },
    ]);
  });
  it('an unrated imported operator fails', () => {
    const [finding] = checkImportedRating(operator({}), zz);
    expect(finding?.facts.rating).toBeNull();
    expect(finding?.message.zh).toContain('未评级');
  });
  it('a local operator needs no rating: 2A and unrated pass', () => {
    expect(checkImportedRating(operator({ origin: 'local', rating: '2A' }), zz)).toEqual([]);
    expect(checkImportedRating(operator({ origin: 'local' }), zz)).toEqual([]);
  });
  it('WH states no rating rule', () => {
    expect(getBudgetProfile('WH').importedOperator).toBeNull();
  });
});
