import { findCanonicalItem } from './reference-data.ts';
import type { Catalog } from './schema.ts';

/** One local item with the canonical items it maps onto. */
export interface CrosswalkRow {
  /** `<domain number>.<item number>`, or the names where the document does not number them. */
  ref: string;
  domain: string;
  item: string;
  canonical: Array<{ id: string; label: string; domain: string }>;
}

export function itemRef(
  domain: Catalog['domains'][number],
  item: Catalog['domains'][number]['items'][number],
): string {
  return `${domain.number ?? domain.name}.${item.number ?? item.name}`;
}

/** The crosswalk of a catalog: every local item with its canonical items, in document order. */
export function crosswalk(catalog: Catalog): CrosswalkRow[] {
  return catalog.domains.flatMap((domain) =>
    domain.items.map((item) => ({
      ref: itemRef(domain, item),
      domain: domain.name,
      item: item.name,
      canonical: item.canonical.map((id) => {
        const found = findCanonicalItem(id);
        return { id, label: found?.label.zh ?? '(unknown)', domain: found?.domain.label.zh ?? '(unknown)' };
      }),
    })),
  );
}

/** Completeness check: local items that map onto no canonical item (and so vanish from province totals). */
export function unmappedItems(catalog: Catalog): CrosswalkRow[] {
  return crosswalk(catalog).filter((row) => row.canonical.length === 0);
}

/** Canonical ids a catalog reaches, e.g. to compare what two cities offer. */
export function canonicalCoverage(catalog: Catalog): Set<string> {
  return new Set(catalog.domains.flatMap((d) => d.items.flatMap((i) => i.canonical)));
}
