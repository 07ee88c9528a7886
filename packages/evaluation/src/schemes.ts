import { readdirSync, readFileSync } from 'node:fs';
import { formatPath } from '@shegong/kernel';
import { parse } from 'yaml';
import { EvaluationDataError, EvaluationNotFoundError } from './errors.ts';
import { type EvaluationScheme, EvaluationSchemeSchema } from './scheme-schema.ts';

const SCHEME_DIR = new URL('../data/schemes/', import.meta.url);
let schemes: Map<string, EvaluationScheme> | undefined;

/**
 * Parses and validates a scheme: YAML (or JSON) text, or an object already read. `source` names the file
 * in error messages. This is how a province's own scheme file is used without changing any code.
 *
 * @example
 * const scheme = parseScheme(readFileSync('henan-2024.yaml', 'utf8'), 'henan-2024.yaml');
 * scoreEvaluation(scheme, inputs);
 * @throws EvaluationDataError `SCHEME_INVALID` naming the source and every bad field
 */
export function parseScheme(data: string | unknown, source = 'the scheme'): EvaluationScheme {
  let raw: unknown = data;
  if (typeof data === 'string') {
    try {
      raw = parse(data);
    } catch (error) {
      throw new EvaluationDataError(
        'SCHEME_INVALID',
        `${source}: not valid YAML (${(error as Error).message})`,
      );
    }
  }
  const parsed = EvaluationSchemeSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${formatPath(i.path) || '(root)'}: ${i.message}`);
    throw new EvaluationDataError('SCHEME_INVALID', `${source} is not a valid scheme:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Every packaged scheme (`data/schemes/*.yaml`), validated once on first use, in id order. */
export function listSchemes(): EvaluationScheme[] {
  if (!schemes) {
    const loaded = new Map<string, EvaluationScheme>();
    for (const name of readdirSync(SCHEME_DIR)
      .filter((n) => n.endsWith('.yaml'))
      .sort()) {
      const scheme = parseScheme(readFileSync(new URL(name, SCHEME_DIR), 'utf8'), `data/schemes/${name}`);
      if (loaded.has(scheme.id)) {
        throw new EvaluationDataError('SCHEME_INVALID', `data/schemes/${name}: id "${scheme.id}" is taken`);
      }
      loaded.set(scheme.id, scheme);
    }
    schemes = loaded;
  }
  return [...schemes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A packaged scheme by id.
 * @example getScheme('default').grades.excellent // { label: '优秀', min: 90, term: '以上' }
 * @throws EvaluationNotFoundError `SCHEME_NOT_FOUND` listing the known ids
 */
export function getScheme(id: string): EvaluationScheme {
  const all = listSchemes();
  const scheme = all.find((s) => s.id === id);
  if (!scheme)
    throw new EvaluationNotFoundError(
      'scheme',
      id,
      all.map((s) => s.id),
    );
  return scheme;
}

/**
 * The indicators of a scheme an evaluator scores (`source: evaluator`), with the points each is worth:
 * what an evaluation form lists for entry.
 * @example evaluatorIndicators(getScheme('default'))['effect.satisfaction'] // 10
 */
export function evaluatorIndicators(scheme: EvaluationScheme): Record<string, number> {
  return Object.fromEntries(
    scheme.dimensions.flatMap((d) =>
      d.indicators.filter((i) => i.source === 'evaluator').map((i) => [i.id, i.points] as const),
    ),
  );
}
