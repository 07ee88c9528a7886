import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { itemsFromSheet } from './import-columns.ts';
import { RECORD_IMPORT } from './import-kinds.ts';
import { idempotencyKeyOf, recordIdsFor, recordImportColumns } from './record-import.ts';
import { catalogItemsOf, type ImportReference, populationOptions } from './reference.ts';
import { recordCodeSheets } from './template.ts';

const row = (values: Record<string, unknown>, n = 2) => ({ row: n, values });

const DATA = new URL('../../../catalog/data/', import.meta.url);
const yamlAt = (path: string) => parse(readFileSync(new URL(path, DATA), 'utf8'));

/**
 * The reference data as the gateway serves it for a region (`catalog.covering`, `catalog.populations`),
 * built from @shegong/catalog's published YAML — the catalogs named nearest first, as
 * tests/gateway/regions.e2e.test.ts expects the gateway to answer for that region.
 */
function publishedReference(regionCode: string, catalogIds: readonly string[]): ImportReference {
  type Domain = { number?: number; name: string; items: Array<{ number?: number; name: string }> };
  const catalogs = catalogIds.map((id) => {
    const c = yamlAt(`catalogs/${id}.yaml`) as {
      id: string;
      title: string;
      regionCode: string;
      domains: Domain[];
    };
    return {
      id: c.id,
      title: c.title,
      regionCode: c.regionCode,
      // @shegong/catalog's `itemRef`: the number where the document numbers it, else the name.
      items: c.domains.flatMap((d) =>
        d.items.map((i) => ({
          ref: `${d.number ?? d.name}.${i.number ?? i.name}`,
          domain: d.name,
          name: i.name,
        })),
      ),
    };
  });
  const populations = (
    yamlAt('populations.yaml') as Array<{ code: string; label: { zh: string; en: string } }>
  ).map((p) => ({ code: p.code, label: { zh: p.label.zh, en: p.label.en } }));
  return { regionCode, catalogs, populations };
}

const JINSHUI = publishedReference('410105', ['zz-2021', 'henan-2020']);
const RECORD_IMPORT_COLUMNS = recordImportColumns(populationOptions(JINSHUI));

describe('the service records sheet', () => {
  it('reads labels into codes: populations by name, kind by label, the item by its number', () => {
    const { items } = itemsFromSheet(
      RECORD_IMPORT_COLUMNS,
      [
        '站点编号',
        '服务目录',
        '服务项目',
        '服务对象',
        '服务方式',
        '服务日期',
        '受益人次',
        '服务时长（小时）',
        '志愿者人次',
      ],
      [
        row({
          站点编号: 'st-410105001',
          服务目录: 'zz-2021',
          服务项目: '1.3 资源链接',
          服务对象: '最低生活保障对象、孤儿',
          服务方式: '个案',
          服务日期: '2026/11/5',
          受益人次: 2,
          '服务时长（小时）': '1.5',
          志愿者人次: 0,
        }),
      ],
    );
    const [record] = recordIdsFor(items);
    expect(record).toMatchObject({
      stationId: 'st-410105001',
      catalogId: 'zz-2021',
      itemRef: '1.3',
      populations: ['dibao', 'orphan'],
      kind: 'case',
      date: '2026-11-05',
      beneficiaries: 2,
      hours: 1.5,
      volunteers: 0,
    });
    expect(record?.id).toMatch(/^x-[0-9a-z]{22}$/);
  });

  it('gives rows without an ID the same ID in every upload, two identical rows two IDs, and keeps given IDs', () => {
    const a = { stationId: 's', date: '2026-11-05', kind: 'visit' };
    const first = recordIdsFor([a, a, { ...a, id: 'mine' }]);
    const again = recordIdsFor([a, a, { ...a, id: 'mine' }]);
    expect(first.map((r) => r.id)).toEqual(again.map((r) => r.id));
    expect(first[0]?.id).not.toBe(first[1]?.id);
    expect(first[2]?.id).toBe('mine');
    // The same records, the same key: reporting answers a repeat from its first result.
    expect(idempotencyKeyOf(first)).toBe(idempotencyKeyOf(again));
    expect(idempotencyKeyOf(first)).not.toBe(idempotencyKeyOf(first.slice(1)));
    expect(idempotencyKeyOf(first).length).toBeLessThanOrEqual(200);
  });

  it("lists the county's catalog items (its city's first, then its province's) and every population", () => {
    const jinshui = catalogItemsOf(JINSHUI);
    expect(jinshui[0]).toMatchObject({ catalogId: 'zz-2021', ref: '1.1', item: '政策宣传' });
    expect(jinshui.some((i) => i.catalogId === 'zz-2021' && i.ref === '1.3' && i.item === '资源链接')).toBe(
      true,
    );
    // Henan's provincial catalog is a scope of canonical items, with no items of its own to record under.
    expect(new Set(jinshui.map((i) => i.catalogId))).toEqual(new Set(['zz-2021']));
    const puyang = publishedReference('410928', ['py-2021', 'henan-2020']);
    expect(new Set(catalogItemsOf(puyang).map((i) => i.catalogId))).toEqual(new Set(['py-2021']));
    const wuhan = publishedReference('420102', ['wh-2021']);
    // A WH core item is named, not numbered: its ref is the names, with no space.
    expect(catalogItemsOf(wuhan)[0]).toMatchObject({
      catalogId: 'wh-2021',
      ref: '党建引领社会工作服务.党建引领',
    });
    expect(populationOptions(JINSHUI).find((p) => p.code === 'orphan')?.zh).toBe('孤儿');
    const [items, populations] = recordCodeSheets(JINSHUI);
    expect(items?.rows.length).toBe(jinshui.length);
    expect(items?.rows).toContainEqual([
      'zz-2021',
      '社会工作站服务内容（试行）',
      '1.3',
      '社会救助',
      '资源链接',
    ]);
    expect(items?.meta[0]?.[1]).toContain('henan-2020');
    expect(populations?.rows.length).toBe(JINSHUI.populations.length);
    expect(populations?.rows).toContainEqual(['orphan', '孤儿', 'Orphans']);
  });

  it("writes the template's example row under the first item of the nearest catalog", () => {
    expect(RECORD_IMPORT.example(JINSHUI)).toMatchObject({ catalogId: 'zz-2021', itemRef: '1.1 政策宣传' });
    const puyang = publishedReference('410928', ['py-2021', 'henan-2020']);
    expect(RECORD_IMPORT.example(puyang).catalogId).toBe('py-2021');
    // The populations column reads the codes it is given and nothing else: without them a label stays as written.
    const bare = recordImportColumns([]);
    const { items } = itemsFromSheet(bare, ['服务对象'], [row({ 服务对象: '孤儿' })]);
    expect(items[0]?.populations).toEqual(['孤儿']);
    expect(RECORD_IMPORT.columns(JINSHUI).find((c) => c.field === 'populations')?.options).toHaveLength(
      JINSHUI.populations.length,
    );
  });
});
