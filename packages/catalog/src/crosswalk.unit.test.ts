import { describe, expect, it } from 'vitest';
import { getCatalog, listCatalogs } from './catalogs.ts';
import { canonicalCoverage, crosswalk, unmappedItems } from './crosswalk.ts';
import { canonicalTaxonomy } from './reference-data.ts';
import type { Catalog } from './schema.ts';

describe('crosswalk', () => {
  it('maps every item of every seeded catalog (completeness)', () => {
    for (const catalog of listCatalogs()) expect(unmappedItems(catalog), catalog.id).toEqual([]);
  });

  it('lists each local item with its canonical items in document order', () => {
    const rows = crosswalk(getCatalog('zz-2021'));
    expect(rows).toHaveLength(29);
    expect(rows[0]).toMatchObject({ ref: '1.1', domain: '社会救助', item: '政策宣传' });
    expect(rows[0]?.canonical.map((c) => c.id)).toEqual(['sa.policy-outreach']);
    expect(rows[2]?.canonical.map((c) => c.id)).toEqual(['sa.application-assistance', 'sa.resource-linking']);
  });

  it("names Wuhan's unnumbered core item by its names", () => {
    expect(crosswalk(getCatalog('wh-2021'))[0]).toMatchObject({ ref: '党建引领社会工作服务.党建引领' });
  });

  it('reports an item with no canonical mapping', () => {
    const zz = getCatalog('zz-2021');
    const broken: Catalog = {
      ...zz,
      domains: zz.domains.map((d, i) =>
        i === 0 ? { ...d, items: d.items.map((it, j) => (j === 1 ? { ...it, canonical: [] } : it)) } : d,
      ),
    };
    expect(unmappedItems(broken).map((r) => r.ref)).toEqual(['1.2']);
  });

  it('lets the province aggregate: every canonical item is reached by some city, and ZZ and WH overlap', () => {
    const reached = new Set(listCatalogs().flatMap((c) => [...canonicalCoverage(c)]));
    const all = canonicalTaxonomy().domains.flatMap((d) => d.items.map((i) => i.id));
    expect(all.filter((id) => !reached.has(id))).toEqual([]);
    const zz = canonicalCoverage(getCatalog('zz-2021'));
    const shared = [...canonicalCoverage(getCatalog('wh-2021'))].filter((id) => zz.has(id));
    expect(shared).toContain('cw.protection');
  });
});
