import { type Finding, satisfies } from '@shegong/kernel';
import type { BudgetProfile } from '../profiles.ts';
import { type Operator, ratingLevel } from '../schema.ts';
import { makeFinding } from './rule.ts';

type Param<K extends keyof BudgetProfile> = NonNullable<BudgetProfile[K]>;

/**
 * `operator.imported-rating` [ZZ §4.1, PY §4.1]: an operator brought in from elsewhere is rated 3A or above
 * (3A级以上: 以上 includes 3A). A local operator needs no rating; an unrated imported one fails. The clause
 * says a county "可" import, but the permission reaches only 3A-or-better organizations, so a lower one has
 * no basis at all: an error, not a warning.
 */
export function checkImportedRating(operator: Operator, param: Param<'importedOperator'>): Finding[] {
  if (operator.origin !== 'imported') return [];
  if (
    operator.rating !== null &&
    satisfies(ratingLevel(operator.rating), param.term, ratingLevel(param.minRating))
  ) {
    return [];
  }
  const rating = operator.rating ?? '未评级';
  return [
    makeFinding(
      'operator.imported-rating',
      param,
      { kind: 'operator', id: operator.id },
      {
        zh: `外地引进的承接主体${operator.name}评估等级为${rating}，须为${param.minRating}级${param.term}`,
        en: `${operator.name} is imported from elsewhere and rated ${operator.rating ?? 'unrated'}; an imported operator must be rated ${param.minRating} or above`,
      },
      { origin: operator.origin, rating: operator.rating, minRating: param.minRating, term: param.term },
    ),
  ];
}
