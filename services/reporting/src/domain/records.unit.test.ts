import { describe, expect, it } from 'vitest';
import { serviceRecord } from '../test-harness.ts';
import {
  type AcceptedRecord,
  ALL,
  aggregateRollups,
  createRollupAggregator,
  domainsOf,
  internPath,
  keyOrder,
  periodOf,
  type RollupDeltas,
  rolledUpPath,
  type ServiceRecord,
  type StationPlace,
  validateRecords,
} from './records.ts';

const JINSHUI_TOWNSHIP = ['410000', '410100', '410105', '410105001'];
const PUYANG_TOWNSHIP = ['410000', '410900', '410902', '410902001'];

const stations: ReadonlyMap<string, StationPlace> = new Map([
  ['st-jbl', { regionPath: JINSHUI_TOWNSHIP }],
  ['st-zyl', { regionPath: PUYANG_TOWNSHIP }],
]);

function row(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return serviceRecord('r1', overrides);
}

describe('validateRecords', () => {
  it('accepts a good record with the domains of its item and the path of its station', () => {
    const { accepted, rejected } = validateRecords([row()], stations);
    expect(rejected).toEqual([]);
    expect(accepted).toEqual([
      {
        index: 0,
        record: row(),
        domains: ['social-assistance'],
        regionPath: JINSHUI_TOWNSHIP,
      },
    ]);
  });

  it('names the row and field of an unknown station: records[3].stationId', () => {
    const rows = [
      row({ id: 'a' }),
      row({ id: 'b' }),
      row({ id: 'c' }),
      row({ id: 'd', stationId: 'st-none' }),
    ];
    const { accepted, rejected } = validateRecords(rows, stations);
    expect(accepted.map((a) => a.index)).toEqual([0, 1, 2]);
    expect(rejected).toEqual([
      {
        index: 3,
        id: 'd',
        errors: [
          {
            path: 'records[3].stationId',
            code: 'STATION_NOT_FOUND',
            message: 'no registered station "st-none"',
          },
        ],
      },
    ]);
  });

  it('refuses an unknown population, naming its position in the list', () => {
    const { rejected } = validateRecords([row({ populations: ['dibao', 'martians'] })], stations);
    expect(rejected).toEqual([
      {
        index: 0,
        id: 'r1',
        errors: [
          {
            path: 'records[0].populations[1]',
            code: 'RECORD_FIELD_INVALID',
            message: 'not a known population code',
            issue: { code: 'custom' },
          },
        ],
      },
    ]);
  });

  it('refuses the `all` sentinel as a population: it is the total, not a group of people', () => {
    const { rejected } = validateRecords([row({ populations: [ALL] })], stations);
    expect(rejected[0]?.errors.map((e) => e.path)).toEqual(['records[0].populations[0]']);
  });

  it('refuses a catalog that does not cover the station (a Zhengzhou catalog for a Puyang station)', () => {
    const { rejected } = validateRecords([row({ stationId: 'st-zyl' })], stations);
    expect(rejected).toEqual([
      {
        index: 0,
        id: 'r1',
        errors: [
          {
            path: 'records[0].catalogId',
            code: 'CATALOG_NOT_FOR_STATION',
            message: expect.stringContaining('zz-2021 (issued for 410100) does not cover station st-zyl'),
          },
        ],
      },
    ]);
    // the Puyang catalog does
    expect(validateRecords([row({ stationId: 'st-zyl', catalogId: 'py-2021' })], stations).rejected).toEqual(
      [],
    );
  });

  it('refuses an unknown catalog and an item the catalog does not have', () => {
    const { rejected } = validateRecords(
      [row({ id: 'a', catalogId: 'zz-1999' }), row({ id: 'b', itemRef: '9.9' })],
      stations,
    );
    expect(rejected.map((r) => r.errors)).toEqual([
      [{ path: 'records[0].catalogId', code: 'CATALOG_NOT_FOUND', message: 'no catalog "zz-1999"' }],
      [
        {
          path: 'records[1].itemRef',
          code: 'CATALOG_ITEM_NOT_FOUND',
          message: 'catalog zz-2021 has no item "9.9"',
        },
      ],
    ]);
  });

  it('gives every reason a row is wrong at once, not just the first', () => {
    const { rejected } = validateRecords([row({ stationId: 'st-zyl', itemRef: '9.9' })], stations);
    expect(rejected[0]?.errors.map((e) => `${e.path} ${e.code}`)).toEqual([
      'records[0].itemRef CATALOG_ITEM_NOT_FOUND',
      'records[0].catalogId CATALOG_NOT_FOR_STATION',
    ]);
  });

  it('refuses a record id repeated in the batch for the same station, keeping the first', () => {
    const rows = [
      row({ id: 'x' }),
      row({ id: 'x', stationId: 'st-zyl', catalogId: 'py-2021' }),
      row({ id: 'x' }),
    ];
    const { accepted, rejected } = validateRecords(rows, stations);
    // the same id at another station is another record
    expect(accepted.map((a) => a.index)).toEqual([0, 1]);
    expect(rejected).toEqual([
      {
        index: 2,
        id: 'x',
        errors: [
          {
            path: 'records[2].id',
            code: 'SERVICE_RECORD_DUPLICATE',
            message: 'record "x" of station st-jbl appears twice in this batch',
          },
        ],
      },
    ]);
  });

  it('refuses hours with more than two decimals, and accepts floating-point noise on two', () => {
    const { accepted, rejected } = validateRecords(
      [row({ id: 'a', hours: 1.005 }), row({ id: 'b', hours: 0.1 + 0.2 }), row({ id: 'c', hours: 1.25 })],
      stations,
    );
    expect(rejected).toEqual([
      {
        index: 0,
        id: 'a',
        errors: [
          {
            path: 'records[0].hours',
            code: 'RECORD_FIELD_INVALID',
            message: 'hours have at most 2 decimal places',
            issue: { code: 'custom' },
          },
        ],
      },
    ]);
    expect(accepted.map((a) => a.index)).toEqual([1, 2]);
  });

  it('names every bad field of a malformed row, with the id when there is one', () => {
    const { rejected } = validateRecords(
      [
        row({ kind: 'party', date: '2023-02-30', beneficiaries: -1, volunteers: 1.5 }),
        null,
        { stationId: 7 },
      ],
      stations,
    );
    expect(rejected[0]).toMatchObject({ index: 0, id: 'r1' });
    expect(rejected[0]?.errors.map((e) => e.path).sort()).toEqual([
      'records[0].beneficiaries',
      'records[0].date',
      'records[0].kind',
      'records[0].volunteers',
    ]);
    expect(rejected[0]?.errors.every((e) => e.code === 'RECORD_FIELD_INVALID')).toBe(true);
    expect(rejected[1]).toMatchObject({ index: 1, id: null, errors: [{ path: 'records[1]' }] });
    expect(rejected[2]?.id).toBeNull();
    expect(rejected[2]?.errors.map((e) => e.path)).toContain('records[2].stationId');
  });

  it('counts a population listed twice once', () => {
    const { accepted } = validateRecords([row({ populations: ['dibao', 'orphan', 'dibao'] })], stations);
    expect(accepted[0]?.record.populations).toEqual(['dibao', 'orphan']);
  });
});

describe('domainsOf', () => {
  it('maps a local item to its canonical domains, each once', () => {
    // ZZ 1.3 crosswalks to two social-assistance items: one domain
    expect(domainsOf('zz-2021', '1.3')).toEqual(['social-assistance']);
    expect(domainsOf('zz-2021', '2.1')).toEqual(['elderly']);
    expect(domainsOf('wh-2021', '党建引领社会工作服务.党建引领')).toEqual(['party-building']);
  });

  it('is undefined for an item or catalog that does not exist', () => {
    expect(domainsOf('zz-2021', '9.9')).toBeUndefined();
    expect(domainsOf('nope', '1.1')).toBeUndefined();
  });
});

describe('periodOf', () => {
  it('is the month of a date', () => {
    expect(periodOf('2023-03-14')).toBe('2023-03');
  });
});

/** The deltas as a map `region|period|domain` → counters per population code (`all` first). */
function cube(deltas: RollupDeltas, codes: readonly string[]) {
  const parse = (literal: string) => literal.slice(1, -1).split(',').map(Number);
  const out = new Map<
    string,
    Record<string, { records: number; beneficiaries: number; hoursCenti: number; volunteers: number }>
  >();
  deltas.regionCode.forEach((region, i) => {
    const columns = {
      records: parse(deltas.records[i] as string),
      beneficiaries: parse(deltas.beneficiaries[i] as string),
      hoursCenti: parse(deltas.hoursCenti[i] as string),
      volunteers: parse(deltas.volunteers[i] as string),
    };
    for (const column of Object.values(columns)) expect(column).toHaveLength(deltas.width);
    const cells: Record<
      string,
      { records: number; beneficiaries: number; hoursCenti: number; volunteers: number }
    > = {};
    codes.forEach((code, ordinal) => {
      if ((columns.records[ordinal] ?? 0) === 0) return;
      cells[code] = {
        records: columns.records[ordinal] as number,
        beneficiaries: columns.beneficiaries[ordinal] as number,
        hoursCenti: columns.hoursCenti[ordinal] as number,
        volunteers: columns.volunteers[ordinal] as number,
      };
    });
    out.set(`${region}|${deltas.period[i]}|${deltas.domain[i]}`, cells);
  });
  return out;
}

function accepted(
  record: Partial<ServiceRecord>,
  domains: string[],
  regionPath = JINSHUI_TOWNSHIP,
): AcceptedRecord {
  return {
    index: 0,
    record: { ...(row() as ServiceRecord), ...record },
    domains,
    regionPath,
  };
}

describe('aggregateRollups', () => {
  const ordinals = new Map([
    ['dibao', 1],
    ['orphan', 2],
    ['tekun', 3],
  ]);
  const codes = [ALL, 'dibao', 'orphan', 'tekun'];

  it('counts a record once in every region level × its month × (each domain, all) × (each population, all)', () => {
    const deltas = aggregateRollups(
      [
        accepted({ populations: ['dibao', 'orphan'], beneficiaries: 3, hours: 1.5, volunteers: 2 }, [
          'child-welfare',
          'social-assistance',
        ]),
      ],
      ordinals,
    );
    expect(deltas.width).toBe(4);
    const cells = cube(deltas, codes);
    const one = { records: 1, beneficiaries: 3, hoursCenti: 150, volunteers: 2 };
    const expected = new Map<string, unknown>();
    for (const region of JINSHUI_TOWNSHIP)
      for (const domain of [ALL, 'child-welfare', 'social-assistance'])
        expected.set(`${region}|2023-03|${domain}`, { all: one, dibao: one, orphan: one });
    expect(cells).toEqual(expected);
  });

  it('adds records up per month, and keeps stations of other regions apart', () => {
    const deltas = aggregateRollups(
      [
        accepted({ date: '2023-03-01', populations: [], beneficiaries: 10, hours: 0.25 }, ['elderly']),
        accepted({ date: '2023-03-31', populations: ['tekun'], beneficiaries: 5, hours: 0.5 }, ['elderly']),
        accepted({ date: '2023-04-01', populations: ['tekun'], beneficiaries: 1, hours: 1 }, ['elderly']),
        accepted(
          { date: '2023-03-15', populations: ['dibao'], beneficiaries: 2, hours: 3 },
          ['elderly'],
          PUYANG_TOWNSHIP,
        ),
      ],
      ordinals,
    );
    const cells = cube(deltas, codes);
    expect(cells.get('410105001|2023-03|elderly')).toEqual({
      all: { records: 2, beneficiaries: 15, hoursCenti: 75, volunteers: 0 },
      tekun: { records: 1, beneficiaries: 5, hoursCenti: 50, volunteers: 0 },
    });
    expect(cells.get('410105001|2023-04|all')).toEqual({
      all: { records: 1, beneficiaries: 1, hoursCenti: 100, volunteers: 0 },
      tekun: { records: 1, beneficiaries: 1, hoursCenti: 100, volunteers: 0 },
    });
    // the province holds both cities' March
    expect(cells.get('410000|2023-03|all')).toEqual({
      all: { records: 3, beneficiaries: 17, hoursCenti: 375, volunteers: 0 },
      dibao: { records: 1, beneficiaries: 2, hoursCenti: 300, volunteers: 0 },
      tekun: { records: 1, beneficiaries: 5, hoursCenti: 50, volunteers: 0 },
    });
    expect(cells.has('410100|2023-03|all') && cells.has('410900|2023-03|all')).toBe(true);
    expect(cells.get('410900|2023-03|all')?.all?.records).toBe(1);
  });

  it('sums hours exactly in hundredths, however many records', () => {
    const records = Array.from({ length: 1_000 }, () => accepted({ hours: 0.1 }, ['elderly']));
    const cells = cube(aggregateRollups(records, ordinals), codes);
    expect(cells.get('410000|2023-03|all')?.all?.hoursCenti).toBe(10_000);
  });

  it('sorts keys (region, then period, then domain) so concurrent upserts lock rows in one order', () => {
    const deltas = aggregateRollups(
      [
        accepted({ date: '2023-04-02' }, ['social-assistance']),
        accepted({ date: '2023-03-02' }, ['elderly'], PUYANG_TOWNSHIP),
        accepted({ date: '2023-03-02' }, ['child-welfare']),
      ],
      ordinals,
    );
    const keys = deltas.regionCode.map(
      (r, i) => [r, deltas.period[i] ?? '', deltas.domain[i] ?? ''] as const,
    );
    const byKey = (a: readonly string[], b: readonly string[]) => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? '') < (b[i] ?? '') ? -1 : 1;
      return 0;
    };
    expect(keys).toEqual([...keys].sort(byKey));
    expect(new Set(keys.map((k) => k.join('|'))).size).toBe(keys.length);
  });

  it('adds up at the county and rolls up to city and province exactly as counting every level per record', () => {
    // townships of two counties of one city and of another city, stations sharing their path arrays as
    // ingest's do; slices added one at a time as the COPY pass adds them
    const paths = [
      JINSHUI_TOWNSHIP,
      ['410000', '410100', '410105', '410105002'],
      ['410000', '410100', '410103', '410103001'],
      PUYANG_TOWNSHIP,
      ['410000', '410100', '410105'], // a county-level centre: its county is its finest level
    ].map(internPath);
    const domainSets = [['elderly'], ['child-welfare', 'social-assistance'], []];
    const populationSets = [[], ['dibao'], ['orphan', 'tekun'], ['tekun']];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const records = Array.from({ length: 3_000 }, () =>
      accepted(
        {
          date: `2023-0${1 + next(3)}-1${next(9)}`,
          populations: populationSets[next(4)] as string[],
          beneficiaries: next(40),
          hours: next(33) / 4,
          volunteers: next(5),
        },
        domainSets[next(3)] as string[],
        paths[next(5)] as string[],
      ),
    );
    const aggregator = createRollupAggregator(ordinals, rolledUpPath);
    for (let from = 0; from < records.length; from += 1_000)
      aggregator.add(records.slice(from, from + 1_000));
    const got = cube(aggregator.deltas(), codes);
    // the reference: every record into every stored level of its path, one cell at a time
    type Cell = { records: number; beneficiaries: number; hoursCenti: number; volunteers: number };
    const expected = new Map<string, Record<string, Cell>>();
    for (const { record, domains, regionPath } of records) {
      for (const region of rolledUpPath(regionPath)) {
        for (const domain of [ALL, ...domains]) {
          const key = `${region}|${periodOf(record.date)}|${domain}`;
          const cells = expected.get(key) ?? {};
          for (const code of [ALL, ...record.populations]) {
            const cell = cells[code] ?? { records: 0, beneficiaries: 0, hoursCenti: 0, volunteers: 0 };
            cell.records += 1;
            cell.beneficiaries += record.beneficiaries;
            cell.hoursCenti += Math.round(record.hours * 100);
            cell.volunteers += record.volunteers;
            cells[code] = cell;
          }
          expected.set(key, cells);
        }
      }
    }
    expect(got).toEqual(expected);
    expect([...got.keys()].some((k) => k.startsWith('410105001|'))).toBe(false); // townships read raw rows
  });

  it('is empty for an empty batch', () => {
    expect(aggregateRollups([], ordinals)).toMatchObject({ regionCode: [], records: [], width: 4 });
  });
});

describe('keyOrder', () => {
  it("orders rows as the raw table's key: by station, then id; rows without string keys first; ties stay", () => {
    const rows: unknown[] = [
      { stationId: 'st-b', id: 'r2' },
      { stationId: 'st-a', id: 'r9' },
      null,
      { stationId: 'st-b', id: 'r1' },
      { stationId: 'st-a', id: 'r10' },
      { stationId: 7, id: 'x' },
      { stationId: 'st-b', id: 'r1' },
    ];
    expect(keyOrder(rows)).toEqual([2, 5, 4, 1, 3, 6, 0]);
  });

  it('keeps every row exactly once', () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => ({
      stationId: `st-${i % 37}`,
      id: `r${(i * 7919) % 5_000}`,
    }));
    const order = keyOrder(rows);
    expect([...order].sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
    for (let k = 1; k < order.length; k++) {
      const a = rows[order[k - 1] as number] as { stationId: string; id: string };
      const b = rows[order[k] as number] as { stationId: string; id: string };
      expect(a.stationId < b.stationId || (a.stationId === b.stationId && a.id <= b.id)).toBe(true);
    }
  });
});
