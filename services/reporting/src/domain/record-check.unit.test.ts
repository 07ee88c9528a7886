import { describe, expect, it } from 'vitest';
import { seededRandom, serviceRecord } from '../test-harness.ts';
import { plainRecord, ServiceRecordSchema, validateRecords } from './records.ts';

/** Values each field is tried with: the good, the edges the schema draws, and the wrong types. */
const CANDIDATES: Record<string, readonly unknown[]> = {
  id: ['r1', '', 'x'.repeat(120), 'x'.repeat(121), 7, null, undefined, 'tab\there', '名'],
  stationId: ['st-jbl', '', 's'.repeat(121), 3, undefined],
  catalogId: ['zz-2021', '', 12, undefined],
  itemRef: ['1.3', '', null],
  populations: [
    [],
    ['dibao'],
    ['dibao', 'dibao'],
    ['dibao', 'tekun'],
    ['all'],
    ['nobody'],
    [1],
    'dibao',
    Array.from({ length: 31 }, () => 'dibao'),
    Array.from({ length: 30 }, () => 'dibao'),
    undefined,
  ],
  kind: ['case', 'group', 'activity', 'visit', 'CASE', '', 1, undefined],
  date: [
    '2023-03-14',
    '2024-02-29',
    '2023-02-29',
    '2023-13-01',
    '2023-3-14',
    '2023-03-14T00:00:00Z',
    20230314,
    '',
  ],
  beneficiaries: [0, 1, 1_000_000, 1_000_001, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '1', undefined],
  hours: [0, 2, 0.5, 0.07, 0.1, 1.1, 0.005, 100_000, 100_000.01, -0.5, Number.NaN, '2', undefined],
  volunteers: [0, 3, 100_000, 100_001, -1, 0.5, null],
};

function mutated(random: () => number): unknown {
  const row: Record<string, unknown> = { ...serviceRecord('r1') };
  for (const [field, values] of Object.entries(CANDIDATES)) {
    if (random() < 0.3) row[field] = values[Math.floor(random() * values.length)];
  }
  if (random() < 0.1) row.extra = 'ignored';
  if (random() < 0.05) delete row.kind;
  return row;
}

describe('plainRecord (the schema fast path)', () => {
  it('takes a row only when the schema takes it, giving back what the schema gives back', () => {
    const random = seededRandom(42);
    let taken = 0;
    let schemaTook = 0;
    for (let i = 0; i < 20_000; i++) {
      const row = mutated(random);
      const fast = plainRecord(row);
      const parsed = ServiceRecordSchema.safeParse(row);
      if (parsed.success) schemaTook++;
      if (fast === undefined) continue;
      taken++;
      expect(parsed.success, JSON.stringify(row)).toBe(true);
      // same fields, same values, same order (unknown fields stripped as the schema strips them)
      expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
    }
    // the fast path must carry the common row, or it buys nothing
    expect(taken).toBeGreaterThan(schemaTook * 0.8);
  });

  it('declines what is not a plain object', () => {
    for (const row of [null, undefined, 'r1', 3, [serviceRecord('r1')]]) {
      expect(plainRecord(row)).toBeUndefined();
    }
  });

  it('leaves the wording of every refusal to the schema', () => {
    const stations = new Map([['st-jbl', { regionPath: ['410000', '410100', '410105', '410105001'] }]]);
    const { rejected } = validateRecords([serviceRecord('r1', { hours: 0.005 }), { id: 'r2' }], stations);
    expect(rejected.map((r) => r.errors.map((e) => e.path))).toEqual([
      ['records[0].hours'],
      [
        'records[1].stationId',
        'records[1].catalogId',
        'records[1].itemRef',
        'records[1].populations',
        'records[1].kind',
        'records[1].date',
        'records[1].beneficiaries',
        'records[1].hours',
        'records[1].volunteers',
      ],
    ]);
  });
});
