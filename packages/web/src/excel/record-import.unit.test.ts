import { describe, expect, it } from 'vitest';
import { itemsFromSheet } from './import-columns.ts';
import { idempotencyKeyOf, RECORD_IMPORT_COLUMNS, recordIdsFor } from './record-import.ts';
import { catalogItemsFor, POPULATION_OPTIONS } from './reference-data.ts';
import { recordCodeSheets } from './template.ts';

const row = (values: Record<string, unknown>, n = 2) => ({ row: n, values });

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
    const jinshui = catalogItemsFor('410105');
    expect(jinshui[0]).toMatchObject({ catalogId: 'zz-2021', ref: '1.1', item: '政策宣传' });
    expect(jinshui.some((i) => i.catalogId === 'zz-2021' && i.ref === '1.3' && i.item === '资源链接')).toBe(
      true,
    );
    // Henan's provincial catalog is a scope of canonical items, with no items of its own to record under.
    expect(new Set(jinshui.map((i) => i.catalogId))).toEqual(new Set(['zz-2021']));
    expect(new Set(catalogItemsFor('410928').map((i) => i.catalogId))).toEqual(new Set(['py-2021']));
    expect(new Set(catalogItemsFor('420102').map((i) => i.catalogId))).toEqual(new Set(['wh-2021']));
    expect(POPULATION_OPTIONS.find((p) => p.code === 'orphan')?.zh).toBe('孤儿');
    const [items, populations] = recordCodeSheets('410105');
    expect(items?.rows.length).toBe(jinshui.length);
    expect(populations?.rows.length).toBe(POPULATION_OPTIONS.length);
  });
});
