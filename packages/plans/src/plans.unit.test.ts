import { townshipKindOf } from '@shegong/regions';
import { describe, expect, it } from 'vitest';
import { townshipsUnder } from './areas.ts';
import { parsePlan } from './data.ts';
import { PlanValidationError } from './errors.ts';
import { getPlan, listPlans, listTargets, resolveArea } from './targets.ts';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('the shipped plans', () => {
  it('all load and validate, and every target resolves, cites its clause and quotes the seed', () => {
    expect(listPlans().map((p) => p.id)).toEqual([
      'hb-2023',
      'lanzhou-2023',
      'lhasa-2023',
      'py-2021',
      'wh-2021',
      'zt-2022',
      'zz-2021',
    ]);
    for (const target of listTargets()) {
      expect(target.citation).toMatch(/^(ZZ|PY|ZT|WH|HB) /);
      expect(target.quote.length).toBeGreaterThan(5);
      expect(target.area.townships.length > 0 || target.area.pending).toBeTruthy();
    }
  });
});

describe('PY annex 1: 濮阳市乡镇（街道）社工站建设任务分配表', () => {
  const allocation = getPlan('py-2021').allocation;
  if (!allocation) throw new Error('py-2021 has no allocation');

  it('has 89 stations = 27 + 32 + 30, split 乡 31 / 镇 44 / 街道 14', () => {
    expect(allocation.years).toEqual([2021, 2022, 2023]);
    expect(allocation.totals.total).toBe(89);
    expect(allocation.totals.byYear).toEqual([27, 32, 30]);
    expect(sum(allocation.totals.byYear)).toBe(89);
    expect(allocation.totals.byKind).toEqual({ xiang: 31, zhen: 44, jiedao: 14 });
  });

  it('has every row of the annex, and the rows sum to the printed totals', () => {
    expect(allocation.rows.map((r) => r.unit)).toEqual([
      '濮阳县',
      '清丰县',
      '南乐县',
      '范 县',
      '台前县',
      '华龙区',
      '开发区',
      '示范区',
      '工业园区',
    ]);
    expect(sum(allocation.rows.map((r) => r.total))).toBe(89);
    allocation.years.forEach((_, y) => {
      expect(sum(allocation.rows.map((r) => r.byYear[y] ?? 0))).toBe(allocation.totals.byYear[y]);
    });
    for (const kind of ['xiang', 'zhen', 'jiedao'] as const)
      expect(sum(allocation.rows.map((r) => r.byKind[kind] ?? 0))).toBe(allocation.totals.byKind[kind]);
    for (const row of allocation.rows) {
      expect(sum(row.byYear)).toBe(row.total);
      expect(sum(Object.values(row.byKind))).toBe(row.total);
    }
  });

  it('transcribes each row as printed (小计 乡 镇 街道 2021 2022 2023, blank = 0)', () => {
    for (const row of [...allocation.rows, { ...allocation.totals, unit: '合 计' }]) {
      const [unit, ...cells] = row.printed.split('\t');
      expect(unit).toBe(row.unit);
      const n = cells.map((c) => (c === '' ? 0 : Number(c)));
      expect(n).toEqual([
        row.total,
        row.byKind.xiang ?? 0,
        row.byKind.zhen ?? 0,
        row.byKind.jiedao ?? 0,
        ...row.byYear,
      ]);
    }
  });

  it("matches the division: 89 townships in 濮阳市, and each county's 乡/镇/街道 split", () => {
    expect(townshipsUnder('410900')).toHaveLength(89);
    for (const row of allocation.rows.filter((r) => 'county' in r.territory && !('except' in r.territory))) {
      const area = listTargets().find((t) => t.id === `py-2021/${row.id}/2023`)?.area;
      const kinds = { xiang: 0, zhen: 0, jiedao: 0 } as Record<string, number>;
      for (const t of area?.townships ?? [])
        kinds[townshipKindOf(t.name)] = (kinds[townshipKindOf(t.name)] ?? 0) + 1;
      expect(area?.townships.length, row.unit).toBe(row.total);
      expect(kinds, row.unit).toEqual({
        xiang: row.byKind.xiang ?? 0,
        zhen: row.byKind.zhen ?? 0,
        jiedao: row.byKind.jiedao ?? 0,
      });
    }
  });

  it('maps 开发区/示范区/工业园区 onto the division: 410972 holds 开发区 + 示范区 (7 = 6 + 1), 410971 is 工业园区', () => {
    expect(resolveArea('410971').townships.map((t) => t.name)).toEqual(['河南濮阳工业园区昌湖街道']);
    expect(resolveArea('410972').townships).toHaveLength(7);
    const zone = resolveArea('410900.shifanqu');
    expect(zone.townships).toEqual([]);
    expect(zone.pending).toMatch(/to be confirmed/i);
    const combined = listTargets().filter((t) => t.id.startsWith('py-2021/kaifaqu-shifanqu/'));
    expect(combined.map((t) => [t.id.split('/')[2], t.measure.kind === 'count' && t.measure.value])).toEqual([
      ['2021', 3],
      ['2022', 5],
      ['2023', 7],
      ['xiang', 1],
      ['zhen', 2],
      ['jiedao', 4],
    ]);
    expect(combined[0]?.area.key).toBe('410972');
  });

  it('derives cumulative city targets: 27 by 2021-12-31, 59 by 2022-12-31, 89 by 2023-12-31', () => {
    const totals = listTargets().filter((t) => /^py-2021\/total\/\d{4}$/.test(t.id));
    expect(totals.map((t) => [t.by, t.measure.kind === 'count' && t.measure.value])).toEqual([
      ['2021-12-31', 27],
      ['2022-12-31', 59],
      ['2023-12-31', 89],
    ]);
  });
});

describe('ZZ §5 targets', () => {
  const zz = listTargets().filter((t) => t.planId === 'zz-2021');
  it('2021: ≥ 2 per 开发区 and 区县（市） (16 units incl. 郑东新区) and 70 citywide', () => {
    expect(zz.filter((t) => t.id.startsWith('zz-2021/per-unit-2021/'))).toHaveLength(16);
    const city = zz.find((t) => t.id === 'zz-2021/citywide-70');
    expect(city?.measure).toEqual({ kind: 'count', term: '不少于', value: 70 });
    expect(city?.by).toBe('2021-12-31');
  });
  it('2022: 金水区 and 郑东新区 full, the 11 other 区县（市） ≥ 60%; 2023: full everywhere', () => {
    expect(zz.find((t) => t.id === 'zz-2021/zhengdong-full-2022')?.area.townships).toHaveLength(10);
    const others = zz.filter((t) => t.id.startsWith('zz-2021/others-60pct-2022/'));
    expect(others).toHaveLength(11);
    expect(others.map((t) => t.area.name)).not.toContain('金水区');
    expect(others[0]?.measure).toEqual({ kind: 'share', term: '以上', basisPoints: 6000 });
    expect(zz.filter((t) => t.id.startsWith('zz-2021/full-2023/')).every((t) => t.by === '2023-12-31')).toBe(
      true,
    );
  });
});

describe('other plans', () => {
  const byId = (id: string) => listTargets().find((t) => t.id === id);
  it('WH, HB, Lanzhou: full coverage by the end of 2023; Lanzhou prints 110 townships', () => {
    for (const id of ['wh-2021/full-2023', 'hb-2023/full-2023', 'lanzhou-2023/full-2023']) {
      expect(byId(id)?.by).toBe('2023-12-31');
      expect(byId(id)?.measure.kind).toBe('full');
    }
    expect(byId('wh-2021/full-2023')?.binding).toBe('strive');
    expect(byId('lanzhou-2023/count-110')?.measure).toEqual({ kind: 'count', term: '不少于', value: 110 });
  });
  it("Lhasa's 65% village target is kept but marked not evaluable", () => {
    expect(byId('lhasa-2023/village-65pct-2024')?.notEvaluable).toMatch(/village/);
  });
});

describe('parsePlan', () => {
  const base = getPlan('py-2021');
  it('refuses an allocation row whose years do not sum to its total, naming the field', () => {
    const rows = base.allocation?.rows.map((r, i) => (i === 0 ? { ...r, byYear: [6, 6, 7] } : r));
    const bad = { ...base, allocation: { ...base.allocation, rows } };
    expect(() => parsePlan(bad, 'bad.yaml')).toThrow(PlanValidationError);
    try {
      parsePlan(bad, 'bad.yaml');
    } catch (error) {
      const issues = (error as PlanValidationError).issues;
      expect(issues.map((i) => i.path.join('.'))).toContain('allocation.rows.0.byYear');
      expect(issues.map((i) => i.path.join('.'))).toContain('allocation.totals.byYear.2');
    }
  });
  it('refuses a malformed target', () => {
    expect(() =>
      parsePlan({ ...base, targets: [{ id: 'x', title: 't', territory: {}, measure: { kind: 'full' } }] }),
    ).toThrow(PlanValidationError);
  });
});
