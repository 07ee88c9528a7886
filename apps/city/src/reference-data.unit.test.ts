import { crosswalk, getCatalog, listCatalogs } from '@shegong/catalog';
import { getPlan, targetsOfPlan } from '@shegong/plans';
import { describe, expect, it } from 'vitest';
import { cityCatalogOf, cityReferenceData } from './reference-data.ts';

describe('the city console reference data', () => {
  const data = cityReferenceData();

  it("holds each city's catalog with its whole crosswalk, and no provincial catalog as a city's", () => {
    expect(Object.keys(data.catalogs).sort()).toEqual(['410100', '410900', '420100']);
    const zz = data.catalogs['410100'];
    expect(zz?.id).toBe('zz-2021');
    expect(zz?.items.map((i) => i.ref)).toEqual(crosswalk(getCatalog('zz-2021')).map((r) => r.ref));
    expect(zz?.provincialCatalog?.id).toBe('henan-2020');
    // Wuhan's catalog names no provincial catalog: nothing to check [ZZ §3 is Henan's rule].
    expect(data.catalogs['420100']?.provincialCatalog).toBeNull();
  });

  it('flags an item beyond the provincial scope as awaiting approval, unless an approval is recorded [ZZ §3]', () => {
    const all = listCatalogs();
    const zz = getCatalog('zz-2021');
    const henan = getCatalog('henan-2020');
    const beyond = getCatalog('wh-2021')
      .domains.flatMap((d) => d.items.flatMap((i) => i.canonical))
      .find((id) => !(henan.scope ?? []).includes(id));
    expect(beyond).toBeDefined();
    const first = zz.domains[0];
    if (!first || !beyond) throw new Error('fixture');
    const widened = structuredClone(zz);
    widened.domains[0]?.items.push({
      number: 99,
      name: '新增事项',
      description: '省级目录以外的事项',
      canonical: [beyond],
      populations: [],
    });
    const ref = `${first.number}.99`;
    const flagged = cityCatalogOf(widened, all).items.find((i) => i.ref === ref);
    expect(flagged?.outsideScope).toEqual([beyond]);
    expect(flagged?.approval).toBeNull();

    widened.approvals = [
      { item: ref, approvedBy: '河南省民政厅', document: '豫民函〔2026〕1号', date: '2026-01-05' },
    ];
    const approved = cityCatalogOf(widened, all).items.find((i) => i.ref === ref);
    expect(approved?.outsideScope).toEqual([]);
    expect(approved?.approval?.document).toBe('豫民函〔2026〕1号');
  });

  it("holds every plan target of a city's areas, by the city: Puyang's annex 1 all in 410900", () => {
    const py = targetsOfPlan(getPlan('py-2021')).map((t) => t.id);
    const inPuyang = new Set(data.targets['410900']?.map((t) => t.id));
    for (const id of py) expect(inPuyang.has(id)).toBe(true);
    const jinshui = data.targets['410100']?.filter((t) => t.areaKey === '410105') ?? [];
    expect(jinshui.map((t) => t.citation)).toContain('ZZ §5');
    expect(jinshui.every((t) => t.townships > 0)).toBe(true);
  });
});
