import { describe, expect, it } from 'vitest';
import { compareTalent, talentTargetsFor } from './talent.ts';

describe('talent targets [ZT §1, §11, HB item 5]', () => {
  const zz = talentTargetsFor('410105'); // a district sees its city's targets

  it("are Zhengzhou's 2025 figures: 10,000 professionals, 2,500 posts, 240 organizations, 50 demonstration ones", () => {
    expect(zz.map((t) => [t.metric, t.value, t.by, t.citation])).toEqual([
      ['professionals', 10_000, '2025-12-31', 'ZT §1'],
      ['posts', 2_500, '2025-12-31', 'ZT §1'],
      ['organizations', 240, '2025-12-31', 'ZT §1'],
      ['demonstration-organizations', 50, '2025-12-31', 'ZT §11'],
    ]);
    expect(talentTargetsFor('130100').map((t) => [t.metric, t.basis, t.value])).toEqual([
      ['certified-workers', 'added', 5_000],
    ]);
  });

  it('达到 includes the number; the deadline day counts; later it is missed', () => {
    const counts = { professionals: 10_000, posts: 2_499, organizations: { total: 240 } };
    expect(compareTalent(zz, counts, '2025-12-31').map((c) => [c.status, c.shortfall])).toEqual([
      ['met', 0],
      ['open', 1],
      ['met', 0],
      ['no-data', 50],
    ]);
    const after = compareTalent(zz, counts, '2026-01-01');
    expect(after[1]).toMatchObject({ status: 'missed', severity: 'warning', progressBasisPoints: 9_996 });
  });

  it("compares an 'added' target with the number added, not the stock", () => {
    const [hb] = talentTargetsFor('130000');
    if (!hb) throw new Error('no HB target');
    expect(compareTalent([hb], { 'certified-workers': 60_000 }, '2023-12-31')[0]?.status).toBe('no-data');
    expect(compareTalent([hb], { 'certified-workers': { added: 5_000 } }, '2023-12-31')[0]?.status).toBe(
      'met',
    );
    expect(compareTalent([hb], { 'certified-workers': { added: 4_999 } }, '2024-01-01')[0]?.status).toBe(
      'missed',
    );
  });
});
