import type { IsoDate } from '@shegong/kernel';
import { describe, expect, it } from 'vitest';
import { townshipsUnder } from './areas.ts';
import { coverageOf, coverageTrend, evaluateTarget, planVsActual } from './progress.ts';
import type { OperatingStation } from './stations.ts';
import { getTarget } from './targets.ts';

const station = (regionCode: string, openedOn: IsoDate): OperatingStation => ({
  regionCode,
  type: 'township-station',
  openedOn,
});
/** One station in each of the first `n` townships of `code`, all opened on `on`. */
const stationsIn = (code: string, n: number, on: IsoDate) =>
  townshipsUnder(code)
    .slice(0, n)
    .map((t) => station(t.code, on));

// 台前县 (410927): 9 townships.
const taiqian = townshipsUnder('410927').map((t) => t.code);

describe('coverageOf', () => {
  const stations: OperatingStation[] = [
    station(taiqian[0] as string, '2021-03-01'),
    station(taiqian[0] as string, '2021-01-01'), // a second station in the same township counts once
    station(`${taiqian[1]}000`, '2021-06-30'), // 12-digit spelling of a township code
    station(taiqian[2] as string, '2022-01-01'),
    { regionCode: taiqian[3] as string, type: 'community-room', openedOn: '2021-01-01' }, // not a township station
    { regionCode: '410927', type: 'county-centre', openedOn: '2021-01-01' },
  ];

  it('counts townships with an operating township station and lists the gaps', () => {
    const c = coverageOf('410927', stations, '2021-12-31');
    expect(c.townships).toBe(9);
    expect(c.covered).toBe(2);
    expect(c.ratio).toEqual({ numerator: 2, denominator: 9, basisPoints: 2222 });
    expect(c.coveredTownships.map((t) => t.code)).toEqual([taiqian[0], taiqian[1]]);
    expect(c.gaps.map((t) => t.code)).toEqual(taiqian.slice(2));
  });

  it('counts a station from the day it opened', () => {
    expect(coverageOf('410927', stations, '2021-06-29').covered).toBe(1);
    expect(coverageOf('410927', stations, '2021-06-30').covered).toBe(2);
    expect(coverageOf('410927', stations, '2022-01-01').covered).toBe(3);
  });

  it('works for a township, a city and a functional zone', () => {
    expect(coverageOf(taiqian[0] as string, stations, '2021-12-31').ratio.basisPoints).toBe(10_000);
    expect(coverageOf('410900', stations, '2021-12-31')).toMatchObject({ townships: 89, covered: 2 });
    expect(coverageOf('410100.zhengdong', [], '2021-12-31')).toMatchObject({ townships: 10, covered: 0 });
  });
});

describe('coverageTrend', () => {
  it('gives one point per month at its last day, the last one at `to`', () => {
    const stations = [
      station(taiqian[0] as string, '2021-01-20'),
      station(taiqian[1] as string, '2021-03-01'),
    ];
    expect(coverageTrend('410927', stations, '2021-01-15', '2021-03-10')).toEqual([
      {
        month: '2021-01',
        asOf: '2021-01-31',
        covered: 1,
        townships: 9,
        ratio: expect.objectContaining({ numerator: 1 }),
      },
      {
        month: '2021-02',
        asOf: '2021-02-28',
        covered: 1,
        townships: 9,
        ratio: expect.objectContaining({ numerator: 1 }),
      },
      {
        month: '2021-03',
        asOf: '2021-03-10',
        covered: 2,
        townships: 9,
        ratio: expect.objectContaining({ numerator: 2 }),
      },
    ]);
  });
  it('crosses a year and a leap February', () => {
    const points = coverageTrend('410927', [], '2023-12-01', '2024-02-29');
    expect(points.map((p) => p.asOf)).toEqual(['2023-12-31', '2024-01-31', '2024-02-29']);
  });
});

describe('ZZ §5 targets at their dates', () => {
  const citywide = getTarget('zz-2021/citywide-70');
  const sixtyNine = [
    ...stationsIn('410102', 14, '2021-05-01'),
    ...stationsIn('410103', 16, '2021-05-01'),
    ...stationsIn('410104', 14, '2021-05-01'),
    ...stationsIn('410105', 24, '2021-05-01'),
    ...stationsIn('410106', 1, '2021-05-01'),
  ];
  const seventieth = townshipsUnder('410106')[1]?.code as string;

  it('70 citywide: met when the 70th station opens on 2021-12-31 ("2021年" includes its last day)', () => {
    expect(sixtyNine).toHaveLength(69);
    const e = evaluateTarget(citywide, [...sixtyNine, station(seventieth, '2021-12-31')], '2022-06-30');
    expect(e).toMatchObject({ status: 'met', evaluatedOn: '2021-12-31', due: true });
    expect(e.figures).toEqual({ covered: 70, townships: 208, required: 70, shortfall: 0 });
  });

  it('70 citywide: missed when the 70th opens on 2022-01-01, one day late', () => {
    const e = evaluateTarget(citywide, [...sixtyNine, station(seventieth, '2022-01-01')], '2022-06-30');
    expect(e).toMatchObject({ status: 'missed', severity: 'error' });
    expect(e.figures.shortfall).toBe(1);
  });

  it('is open before its deadline and evaluated on the day asked', () => {
    const e = evaluateTarget(citywide, sixtyNine, '2021-12-31');
    expect(e).toMatchObject({ status: 'open', due: false, evaluatedOn: '2021-12-31', severity: 'info' });
  });

  it('≥ 2 per unit [至少2个]: 上街区 with two stations by 2021-12-31 is met, with one missed', () => {
    const target = getTarget('zz-2021/per-unit-2021/410106');
    expect(evaluateTarget(target, stationsIn('410106', 2, '2021-12-31'), '2022-01-01').status).toBe('met');
    expect(evaluateTarget(target, stationsIn('410106', 1, '2021-12-31'), '2022-01-01').status).toBe('missed');
  });

  it('60% 以上 includes 60%: 新郑市 (15 townships) needs exactly 9', () => {
    const target = getTarget('zz-2021/others-60pct-2022/410184');
    const nine = evaluateTarget(target, stationsIn('410184', 9, '2022-12-31'), '2023-01-01');
    expect(nine).toMatchObject({ status: 'met', figures: { covered: 9, townships: 15, required: 9 } });
    const eight = evaluateTarget(target, stationsIn('410184', 8, '2022-12-31'), '2023-01-01');
    expect(eight).toMatchObject({ status: 'missed', figures: { required: 9, shortfall: 1 } });
    // 中原区: 14 × 60% = 8.4, so 9 are needed.
    expect(
      evaluateTarget(getTarget('zz-2021/others-60pct-2022/410102'), [], '2022-01-01').figures.required,
    ).toBe(9);
  });

  it('金水区 full coverage by 2022-12-31: one township opened on 2023-01-01 misses it', () => {
    const target = getTarget('zz-2021/jinshui-full-2022');
    const all = stationsIn('410105', 24, '2022-12-31');
    expect(evaluateTarget(target, all, '2023-03-01').status).toBe('met');
    const late = [...all.slice(1), station(all[0]?.regionCode as string, '2023-01-01')];
    expect(evaluateTarget(target, late, '2023-03-01')).toMatchObject({
      status: 'missed',
      figures: { shortfall: 1 },
    });
    expect(evaluateTarget(target, late, '2022-06-01').status).toBe('open');
  });

  it('a 力争 (strive) target missed is a warning, not an error', () => {
    expect(evaluateTarget(getTarget('wh-2021/full-2023'), [], '2024-01-01')).toMatchObject({
      status: 'missed',
      severity: 'warning',
    });
  });
});

describe('planVsActual', () => {
  it("gives a county its own annex rows and the city's targets (enclosing), not other cities'", () => {
    const stations = stationsIn('410927', 3, '2021-10-01');
    const progress = planVsActual('410927', stations, '2022-01-15');
    expect(progress.coverage).toMatchObject({ townships: 9, covered: 3 });
    const own = progress.targets.filter((t) => t.relation === 'same').map((t) => [t.target.id, t.status]);
    expect(own).toEqual([
      ['py-2021/taiqian/2021', 'met'],
      ['py-2021/taiqian/2022', 'open'],
      ['py-2021/taiqian/2023', 'open'],
      ['py-2021/taiqian/xiang', 'open'],
      ['py-2021/taiqian/zhen', 'open'],
    ]);
    const enclosing = progress.targets.filter((t) => t.relation === 'enclosing');
    expect(enclosing.length).toBeGreaterThan(0);
    expect(enclosing.every((t) => t.target.planId === 'py-2021')).toBe(true);
    expect(enclosing.find((t) => t.target.id === 'py-2021/total/2021')).toMatchObject({
      status: 'missed',
      figures: { covered: 3, required: 27 },
    });
  });

  it('marks the 示范区 rows indeterminate and checks 开发区 + 示范区 together on 410972', () => {
    const progress = planVsActual('410900', stationsIn('410972', 3, '2021-12-01'), '2022-01-01');
    const status = (id: string) => progress.targets.find((t) => t.target.id === id)?.status;
    expect(status('py-2021/shifanqu/2021')).toBe('indeterminate');
    expect(status('py-2021/kaifaqu/2021')).toBe('indeterminate');
    expect(status('py-2021/kaifaqu-shifanqu/2021')).toBe('met');
    expect(status('py-2021/gongyeyuanqu/2021')).toBe('missed');
  });

  it('keeps a target it cannot evaluate, with the reason', () => {
    const lhasa = planVsActual('540100', [], '2025-01-01').targets;
    expect(lhasa).toHaveLength(1);
    expect(lhasa[0]).toMatchObject({ status: 'indeterminate', reason: expect.stringMatching(/village/) });
  });
});
