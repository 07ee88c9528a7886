import { talentTargetsFor } from '@shegong/plans';
import { townshipsOf } from '@shegong/regions';
import { describe, expect, it } from 'vitest';
import {
  hubEvent,
  rejection,
  residentWorker,
  startReporting,
  stationOpened,
  workerUpserted,
} from '../test-harness.ts';

/**
 * Talent targets against the hub's counts, which are lower bounds [ZT §1, §11, HB item 5]: a target is met
 * when the count alone reaches it, otherwise unknown, never missed on partial data.
 */
const HEBEI_TOWNSHIP = townshipsOf('130102')[0]?.code as string; // 石家庄 长安区

describe('plans.talent', () => {
  it('counts certified station workers and contracted operators as lower bounds of the targets, never a miss', async () => {
    await using h = await startReporting();
    await h.deliver(
      ...stationOpened('st-a', { regionCode: '410105001', projectStartOn: '2021-03-01' }),
      ...stationOpened('st-hb', { regionCode: HEBEI_TOWNSHIP, projectStartOn: '2021-03-01' }),
      // Hebei counts certificates added in 2023 [HB item 5]: w-1 passed in 2022, w-3 holds none.
      workerUpserted(
        residentWorker('w-1', 'st-hb', {
          certificate: { level: 'assistant', passedOn: '2022-06-20', registrations: [] },
        }),
      ),
      workerUpserted(
        residentWorker('w-2', 'st-hb', {
          certificate: { level: 'intermediate', passedOn: '2023-06-20', registrations: [] },
        }),
      ),
      workerUpserted(residentWorker('w-3', 'st-hb')),
      hubEvent(
        'contract.signed.v1',
        {
          contractId: 'C-a',
          countyCode: '410105',
          operatorId: 'op-a',
          stationIds: ['st-a'],
          signedOn: '2022-03-20',
          termStart: '2022-04-01',
          termEnd: '2025-03-31',
          amountFen: 60_000_000,
        },
        { source: 'funding', key: 'contract:C-a' },
      ),
    );
    const talent = await h.service.router
      .createCaller({ db: h.db, today: () => '2023-12-31' })
      .plans.talent({ regionCode: '410100' });
    expect(talent.targets.map((t) => t.target.id)).toEqual(talentTargetsFor('410100').map((t) => t.id));
    const byMetric = new Map(talent.targets.map((t) => [t.target.metric, t]));
    expect(byMetric.get('organizations')).toMatchObject({ hubCount: 1, status: 'unknown' });
    expect(byMetric.get('professionals')).toMatchObject({ hubCount: null, status: 'no-data' });
    expect(byMetric.get('posts')).toMatchObject({ hubCount: null, status: 'no-data' });
    // A county is not measured against its city's targets; Hebei's province target lies outside Henan.
    expect((await h.caller.plans.talent({ regionCode: '410105', asOf: '2023-12-31' })).targets).toEqual([]);
    const hebei = await h.caller.plans.talent({ regionCode: '130000', asOf: '2023-12-31' });
    expect(hebei.targets.map((t) => [t.target.metric, t.hubCount, t.status])).toEqual([
      ['certified-workers', 1, 'unknown'],
    ]);
    expect((await rejection(h.caller.plans.talent({ regionCode: '419999' }))).fields).toEqual(['regionCode']);
  });
});
