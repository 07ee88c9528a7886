import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { townshipsUnder } from './areas.ts';
import { coverageOf, coverageTrend } from './progress.ts';
import type { OperatingStation } from './stations.ts';

// 华龙区 and 濮阳经济技术开发区: 18 townships, plus one outside the county (in 台前县).
const pool = [
  ...townshipsUnder('410902'),
  ...townshipsUnder('410972'),
  ...townshipsUnder('410927').slice(0, 1),
];
const day = fc
  .integer({ min: 0, max: 1_400 })
  .map((n) => new Date(Date.UTC(2021, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const stationArb: fc.Arbitrary<OperatingStation> = fc.record({
  regionCode: fc.constantFrom(...pool.map((t) => t.code)),
  type: fc.constantFrom('township-station', 'township-station', 'community-room', 'county-centre'),
  openedOn: day,
});
const area = fc.constantFrom('410902', '410972', '410900', '410902001');

describe('coverage properties', () => {
  it('adding an operating station never lowers coverage', () => {
    fc.assert(
      fc.property(
        fc.array(stationArb, { maxLength: 30 }),
        stationArb,
        area,
        day,
        (stations, extra, code, asOf) => {
          const before = coverageOf(code, stations, asOf).covered;
          const after = coverageOf(code, [...stations, extra], asOf).covered;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });

  it('the gap list and the covered set partition the townships', () => {
    fc.assert(
      fc.property(fc.array(stationArb, { maxLength: 30 }), area, day, (stations, code, asOf) => {
        const c = coverageOf(code, stations, asOf);
        const covered = new Set(c.coveredTownships.map((t) => t.code));
        const gaps = new Set(c.gaps.map((t) => t.code));
        expect([...covered].some((t) => gaps.has(t))).toBe(false);
        expect([...covered, ...gaps].sort()).toEqual(
          townshipsUnder(code)
            .map((t) => t.code)
            .sort(),
        );
        expect(c.covered + c.gaps.length).toBe(c.townships);
      }),
    );
  });

  it('a trend never falls and ends at the coverage on `to`', () => {
    fc.assert(
      fc.property(fc.array(stationArb, { maxLength: 30 }), area, day, day, (stations, code, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const points = coverageTrend(code, stations, from, to);
        for (let i = 1; i < points.length; i++)
          expect(points[i]?.covered).toBeGreaterThanOrEqual(points[i - 1]?.covered as number);
        expect(points.at(-1)?.covered).toBe(coverageOf(code, stations, to).covered);
      }),
    );
  });
});
