import { describe, expect, it } from 'vitest';
import {
  type ReportingHarness,
  rejection,
  startReporting,
  stationOpened,
  stationStatusChanged,
} from '../test-harness.ts';
import type { PlanProgressView } from './plan-progress.ts';

/*
 * `plans.progress` against real Postgres: the rollout targets of `@shegong/plans` checked against the
 * stations reporting learnt from events. Puyang's annex 1 [PY annex 1] gives 台前县 (410927, 9 townships:
 * 6 镇, 3 乡) 3 stations to build in each of 2021, 2022 and 2023 — cumulative targets 3, 6 and 9.
 */

const TAIQIAN = {
  chengguan: '410927100',
  houmiao: '410927101',
  sunkou: '410927102',
  dayuchen: '410927103',
  malou: '410927104',
  houfang: '410927200',
} as const;

/**
 * 台前县: three township stations operating in 2021, the third opened on the deadline itself (that day
 * counts); a fourth in 2023, after the 2022 deadline (it does not make 2022's target met); and what does
 * not cover a township: a community room, a suspended station, a second station in a covered township.
 * One 郑州 station, outside Puyang, counts in its own city only.
 */
async function seedTaiqian(reporting: ReportingHarness) {
  await reporting.deliver(
    ...stationOpened('st-cg', { regionCode: TAIQIAN.chengguan }, '2021-04-01'),
    ...stationOpened('st-hm', { regionCode: TAIQIAN.houmiao }, '2021-09-15'),
    ...stationOpened('st-sk', { regionCode: TAIQIAN.sunkou }, '2021-12-31'),
    ...stationOpened('st-cg-2', { regionCode: TAIQIAN.chengguan }, '2021-05-01'),
    ...stationOpened('st-dyc', { regionCode: TAIQIAN.dayuchen }, '2023-02-01'),
    ...stationOpened(
      'st-ml-room',
      { regionCode: TAIQIAN.malou, stationType: 'community-room' },
      '2021-06-01',
    ),
    ...stationOpened('st-hf', { regionCode: TAIQIAN.houfang }, '2021-06-01'),
    stationStatusChanged('st-hf', 'operating', 'suspended', '2022-03-01'),
    ...stationOpened('st-jbl', { regionCode: '410105001' }, '2021-03-01'),
  );
}

function target(view: PlanProgressView, id: string) {
  const found = view.targets.find((t) => t.id === id);
  if (!found) throw new Error(`no target ${id} in ${view.targets.map((t) => t.id).join(', ')}`);
  return found;
}

describe('plans.progress', () => {
  it("checks PY annex 1's totals, 89 = 27 + 32 + 30, against Puyang's townships and its rows", async () => {
    await using reporting = await startReporting();
    await seedTaiqian(reporting);
    const puyang = await reporting.caller.plans.progress({ regionCode: '4109', asOf: '2023-06-30' });

    expect(puyang).toMatchObject({ regionCode: '410900', name: '濮阳市', level: 'city', asOf: '2023-06-30' });
    // One station per township: the annex's 89 stations are Puyang's 89 townships; 4 covered on the day.
    expect(puyang.coverage).toEqual({ townships: 89, covered: 4, basisPoints: 449 });
    const totals = [2021, 2022, 2023].map((year) => target(puyang, `py-2021/total/${year}`));
    expect(totals.map((t) => t.target)).toEqual([27, 59, 89]);
    expect(totals.map((t, i) => t.target - (totals[i - 1]?.target ?? 0))).toEqual([27, 32, 30]);
    expect(totals.map((t) => [t.status, t.evaluatedOn, t.actual])).toEqual([
      ['missed', '2021-12-31', 3],
      ['missed', '2022-12-31', 3],
      ['pending', '2023-06-30', 4],
    ]);
    expect(totals.every((t) => t.citation === 'PY annex 1' && t.deadline.endsWith('-12-31'))).toBe(true);
    // The rows' 2023 (cumulative, final) targets add up to the total, row by row as printed.
    const rows = puyang.targets.filter(
      (t) => /^py-2021\/[a-z-]+\/2023$/.test(t.id) && !/\/(total|kaifaqu-shifanqu)\//.test(t.id),
    );
    expect(rows.map((r) => r.id.split('/')[1]).sort()).toEqual(
      [
        'fanxian',
        'gongyeyuanqu',
        'hualong',
        'kaifaqu',
        'nanle',
        'puyang-county',
        'qingfeng',
        'shifanqu',
        'taiqian',
      ].sort(),
    );
    expect(rows.reduce((sum, r) => sum + r.target, 0)).toBe(89);
    // 示范区's township is not named by the seed: its rows cannot be judged, and say why.
    expect(target(puyang, 'py-2021/shifanqu/2021')).toMatchObject({ status: 'indeterminate' });
    expect(target(puyang, 'py-2021/shifanqu/2021').reason).toBeTruthy();
    expect(puyang.statusCounts.missed).toBe(puyang.targets.filter((t) => t.status === 'missed').length);

    // The gap list: every township without an operating township station, in code order.
    expect(puyang.gaps.total).toBe(85);
    expect(puyang.gaps.items).toHaveLength(85);
    expect(puyang.gaps.items.map((g) => g.code)).not.toContain(TAIQIAN.chengguan);
    expect(puyang.gaps.items.map((g) => g.code)).toContain(TAIQIAN.malou); // a community room only
    expect(puyang.gaps.items.map((g) => g.code)).toContain(TAIQIAN.houfang); // suspended
    const codes = puyang.gaps.items.map((g) => g.code);
    expect(codes).toEqual([...codes].sort());
  });

  it('judges a target on its day: met with a station opened that day, missed by one opened after', async () => {
    await using reporting = await startReporting();
    await seedTaiqian(reporting);

    // On 2021-12-31 台前县 has three covered townships, the third from that very day: 2021's 3 is met.
    const onTheDay = await reporting.caller.plans.progress({ regionCode: '410927', asOf: '2021-12-31' });
    expect(target(onTheDay, 'py-2021/taiqian/2021')).toMatchObject({
      title: '台前县：2021年底累计建成3个乡镇（街道）社工站',
      deadline: '2021-12-31',
      citation: 'PY annex 1',
      target: 3,
      actual: 3,
      status: 'met',
      shortfall: 0,
    });
    expect(target(onTheDay, 'py-2021/taiqian/2022')).toMatchObject({ status: 'pending', actual: 3 });

    // 2022's 6: nothing more opened by 2022-12-31; the 2023 station does not count for it.
    const later = await reporting.caller.plans.progress({ regionCode: '410927', asOf: '2023-06-30' });
    expect(target(later, 'py-2021/taiqian/2022')).toMatchObject({
      deadline: '2022-12-31',
      evaluatedOn: '2022-12-31',
      target: 6,
      actual: 3,
      shortfall: 3,
      status: 'missed',
      severity: 'error',
    });
    expect(target(later, 'py-2021/taiqian/2021')).toMatchObject({ status: 'met', relation: 'same' });
    expect(target(later, 'py-2021/taiqian/2023')).toMatchObject({ status: 'pending', actual: 4, target: 9 });
    // A county sees the city's totals too, judged on the whole city.
    expect(target(later, 'py-2021/total/2023')).toMatchObject({ relation: 'enclosing', townships: 89 });

    expect(later.coverage).toEqual({ townships: 9, covered: 4, basisPoints: 4444 });
    expect(later.gaps.total).toBe(5);
    const page = await reporting.caller.plans.progress({
      regionCode: '410927',
      asOf: '2023-06-30',
      gapLimit: 2,
      gapOffset: 1,
    });
    expect(page.gaps).toMatchObject({ total: 5, offset: 1, limit: 2 });
    expect(page.gaps.items.map((g) => g.code)).toEqual(later.gaps.items.slice(1, 3).map((g) => g.code));
    expect(page.gaps.items[0]).toMatchObject({ countyCode: '410927', countyName: '台前县' });

    // Zhengzhou's stations are Zhengzhou's: its 2021 target counts the one station opened there; on the
    // deadline it is still pending, the day after it is missed [ZZ §5].
    const onZzDay = await reporting.caller.plans.progress({ regionCode: '410100', asOf: '2021-12-31' });
    expect(target(onZzDay, 'zz-2021/citywide-70')).toMatchObject({ status: 'pending', actual: 1 });
    const zhengzhou = await reporting.caller.plans.progress({ regionCode: '410100', asOf: '2022-01-01' });
    expect(target(zhengzhou, 'zz-2021/citywide-70')).toMatchObject({
      target: 70,
      actual: 1,
      status: 'missed',
    });
  });

  it('refuses a bad region or day naming the field', async () => {
    await using reporting = await startReporting();
    for (const [regionCode, status] of [
      ['999999', 404],
      ['abc', 400],
    ] as const) {
      const r = await rejection(reporting.caller.plans.progress({ regionCode }));
      expect([r.status, r.fields]).toEqual([status, ['regionCode']]);
    }
    const r = await rejection(reporting.caller.plans.progress({ regionCode: '410900', asOf: '2023-02-30' }));
    expect([r.status, r.fields]).toEqual([400, ['asOf']]);
  });
});
