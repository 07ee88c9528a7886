import { describe, expect, it } from 'vitest';
import { catalogFor, getCatalog, listCatalogs } from './catalogs.ts';
import { CatalogNotFoundError } from './errors.ts';

const itemCounts = (id: string) => getCatalog(id).domains.map((d) => [d.name, d.items.length]);

describe('the seeded catalogs', () => {
  it('all load and validate', () => {
    expect(listCatalogs().map((c) => c.id)).toEqual(['henan-2020', 'py-2021', 'wh-2021', 'zz-2021']);
  });

  it.each(['zz-2021', 'py-2021'])(
    '%s has the six domains with 8, 6, 3, 4, 4, 4 items [ZZ annex, PY annex 2]',
    (id) => {
      expect(itemCounts(id)).toEqual([
        ['社会救助', 8],
        ['养老服务', 6],
        ['儿童福利', 3],
        ['社区治理', 4],
        ['社会事务', 4],
        ['人才建设', 4],
      ]);
    },
  );

  it("records that ZZ's annex prints the sixth domain without its heading", () => {
    expect(getCatalog('zz-2021').domains[5]?.note).toMatch(/heading is missing/);
    expect(getCatalog('py-2021').domains[5]?.note).toBeUndefined();
  });

  it("has Wuhan's 1+4+N structure [WH §2.3, WH annex]", () => {
    const wh = getCatalog('wh-2021');
    expect(wh.structure).toBe('1+4+N');
    expect(wh.domains.map((d) => [d.tier, d.name, d.items.length])).toEqual([
      ['core', '党建引领社会工作服务', 1],
      ['basic', '社会救助', 4],
      ['basic', '儿童福利', 3],
      ['basic', '社区治理', 3],
      ['basic', '养老服务', 3],
      ['special', '特色项目', 0],
    ]);
  });

  it('cites its document and has every item described', () => {
    for (const catalog of listCatalogs()) {
      expect(catalog.citation).toMatch(/^(ZZ|PY|WH) /);
      for (const item of catalog.domains.flatMap((d) => d.items))
        expect(item.description.length).toBeGreaterThan(5);
    }
  });
});

describe('catalogFor', () => {
  it("gives a Zhengzhou township Zhengzhou's catalog", () => {
    expect(catalogFor('410105001').id).toBe('zz-2021');
    expect(catalogFor('4109').id).toBe('py-2021');
    expect(catalogFor('420117').id).toBe('wh-2021');
  });
  it("falls back to the province's catalog for a city without its own", () => {
    expect(catalogFor('410300').id).toBe('henan-2020');
  });
  it('says so when nothing covers the region', () => {
    expect(() => catalogFor('130100')).toThrow(CatalogNotFoundError);
    expect(() => catalogFor('130100')).toThrow(/130100/);
  });
  it('names an unknown catalog id', () => {
    expect(() => getCatalog('nope')).toThrow(/"nope"/);
  });
});
