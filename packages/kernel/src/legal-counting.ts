import { z } from 'zod';

/**
 * Chinese legal counting terms. 民法典 art. 1259: "以上、以下、以内、届满" include the number itself;
 * "不满、超过、以外" exclude it. Rules in the policy documents also use 不少于 / 不低于 (≥) and
 * 不超过 / 不高于 (≤), which read the same way and are listed so a rule can quote its own words.
 */
export const LegalTermSchema = z.enum([
  '以上',
  '不少于',
  '不低于',
  '以下',
  '以内',
  '不超过',
  '不高于',
  '超过',
  '不满',
  '低于',
]);
export type LegalTerm = z.infer<typeof LegalTermSchema>;

const RELATION: Record<LegalTerm, '>=' | '<=' | '>' | '<'> = {
  以上: '>=',
  不少于: '>=',
  不低于: '>=',
  以下: '<=',
  以内: '<=',
  不超过: '<=',
  不高于: '<=',
  超过: '>',
  不满: '<',
  低于: '<',
};

/** The comparison a term means: `以上` → `>=`, `超过` → `>`, `不满` → `<` … */
export function relationOf(term: LegalTerm): '>=' | '<=' | '>' | '<' {
  return RELATION[term];
}

/**
 * Whether `value` satisfies "`limit` + `term`", counted the legal way. Works on `bigint` too, for exact
 * comparisons of cross-multiplied shares.
 * @example satisfies(45, '以下', 45) // true: 45岁以下 includes 45 [民法典 art. 1259]
 * @example satisfies(3, '超过', 3)   // false: 超过3 excludes 3
 */
export function satisfies<T extends number | bigint>(value: T, term: LegalTerm, limit: T): boolean {
  switch (RELATION[term]) {
    case '>=':
      return value >= limit;
    case '<=':
      return value <= limit;
    case '>':
      return value > limit;
    case '<':
      return value < limit;
  }
}
