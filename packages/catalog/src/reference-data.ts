import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  type CanonicalTaxonomy,
  CanonicalTaxonomySchema,
  type Population,
  PopulationSchema,
} from './schema.ts';

/** The package's `data/` folder; the same relative place from `src/` and from `dist/`. */
export const DATA_DIR = new URL('../data/', import.meta.url);

export function readDataFile(relative: string): unknown {
  return parse(readFileSync(new URL(relative, DATA_DIR), 'utf8'));
}

let taxonomy: CanonicalTaxonomy | undefined;
let canonicalIndex: Map<
  string,
  { domain: CanonicalTaxonomy['domains'][number]; label: { zh: string; en: string } }
>;
let populations: Map<string, Population> | undefined;

/** The canonical taxonomy (`data/canonical.yaml`). */
export function canonicalTaxonomy(): CanonicalTaxonomy {
  if (!taxonomy) {
    taxonomy = CanonicalTaxonomySchema.parse(readDataFile('canonical.yaml'));
    canonicalIndex = new Map(
      taxonomy.domains.flatMap((domain) =>
        domain.items.map((item) => [item.id, { domain, label: item.label }] as const),
      ),
    );
  }
  return taxonomy;
}

/** A canonical item with its domain, or `undefined` for an unknown id. */
export function findCanonicalItem(id: string):
  | {
      id: string;
      label: { zh: string; en: string };
      domain: { id: string; label: { zh: string; en: string } };
    }
  | undefined {
  canonicalTaxonomy();
  const entry = canonicalIndex.get(id);
  return entry && { id, label: entry.label, domain: { id: entry.domain.id, label: entry.domain.label } };
}

/** Every target population (`data/populations.yaml`), in the file's order. */
export function listPopulations(): Population[] {
  populations ??= new Map(
    z
      .array(PopulationSchema)
      .parse(readDataFile('populations.yaml'))
      .map((p) => [p.code, p]),
  );
  return [...populations.values()];
}

/** A population by code, or `undefined`. */
export function findPopulation(code: string): Population | undefined {
  listPopulations();
  return populations?.get(code);
}
