import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, actors, seed } from './fixtures.ts';
import { type Hub, startHub } from './hub.ts';

/**
 * `regions.*`: the published division through the gateway, for consoles that bundle none. Reference data:
 * every signed-in caller reads any region, inside its jurisdiction or not; nobody reads it signed out.
 */

let hub: Hub;
let everyone: Actor[];
beforeAll(async () => {
  hub = await startHub();
  await seed(hub);
  everyone = await actors(hub);
}, 120_000);
afterAll(async () => {
  await hub?.[Symbol.asyncDispose]();
});

const errorOf = (error: unknown) => {
  if (!(error instanceof TRPCClientError)) throw error;
  const data = error.data as {
    code?: string;
    httpStatus?: number;
    domain?: { code: string; path: unknown[] };
  };
  return { message: error.message, code: data.code, status: data.httpStatus, domain: data.domain };
};

describe('regions', () => {
  it('names a batch of codes, in the order asked, each once, in any common spelling', async () => {
    const county = everyone.find((a) => a.principal.role === 'county') as Actor;
    const names = await hub
      .client(county.headers)
      .regions.names.query({ codes: ['410105', '410105002', '4201', '410105', '130102001000'] });
    expect(names).toEqual([
      { code: '410105', name: '金水区', level: 'county', parentCode: '410100' },
      { code: '410105002', name: '花园路街道', level: 'township', parentCode: '410105' },
      { code: '420100', name: '武汉市', level: 'city', parentCode: '420000' },
      { code: '130102001', name: expect.any(String), level: 'township', parentCode: '130102' },
    ]);
  });

  it('answers every signed-in caller, whatever its jurisdiction: the division is public reference data', async () => {
    for (const actor of everyone) {
      const client = hub.client(actor.headers);
      expect(await client.regions.get.query({ code: '420102' }), actor.name).toEqual({
        code: '420102',
        name: '江岸区',
        level: 'county',
        parentCode: '420100',
      });
    }
  });

  it('answers a region with its ancestors, province first, in one call; a province is its own chain', async () => {
    const client = hub.client(everyone[0]?.headers);
    expect(await client.regions.chain.query({ code: '410105002' })).toEqual([
      { code: '410000', name: '河南省', level: 'province', parentCode: null },
      { code: '410100', name: '郑州市', level: 'city', parentCode: '410000' },
      { code: '410105', name: '金水区', level: 'county', parentCode: '410100' },
      { code: '410105002', name: '花园路街道', level: 'township', parentCode: '410105' },
    ]);
    expect((await client.regions.chain.query({ code: '4201' })).map((r) => r.code)).toEqual([
      '420000',
      '420100',
    ]);
    expect(await client.regions.chain.query({ code: '410000' })).toEqual([
      { code: '410000', name: '河南省', level: 'province', parentCode: null },
    ]);
    const unknown = errorOf(await client.regions.chain.query({ code: '419999' }).catch((e) => e));
    expect(unknown.status).toBe(404);
    expect(unknown.domain?.path).toEqual(['code']);
  });

  it('lists the children of a region in code order, and none of a township', async () => {
    const client = hub.client(everyone[0]?.headers);
    const counties = await client.regions.children.query({ code: '410100' });
    expect(counties.map((c) => c.name)).toEqual(expect.arrayContaining(['中原区', '二七区', '金水区']));
    expect(counties.every((c) => c.level === 'county' && c.parentCode === '410100')).toBe(true);
    expect(counties.map((c) => c.code)).toEqual(counties.map((c) => c.code).sort());
    const cities = await client.regions.children.query({ code: '410000' });
    expect(cities[0]).toEqual({ code: '410100', name: '郑州市', level: 'city', parentCode: '410000' });
    expect(await client.regions.children.query({ code: '410105001' })).toEqual([]);
  });

  it('answers an unknown code with a 404 naming it, and a malformed one with a 400', async () => {
    const client = hub.client(everyone[0]?.headers);
    const single = errorOf(await client.regions.get.query({ code: '419999' }).catch((e) => e));
    expect(single).toMatchObject({ code: 'NOT_FOUND', status: 404, domain: { code: 'REGION_NOT_FOUND' } });
    expect(single.message).toContain('"419999"');
    const batch = errorOf(
      await client.regions.names.query({ codes: ['410105', '419999', '999999'] }).catch((e) => e),
    );
    expect(batch).toMatchObject({ status: 404, domain: { code: 'REGION_NOT_FOUND', path: ['codes', 1] } });
    expect(batch.message).toContain('"419999", "999999"');
    const children = errorOf(await client.regions.children.query({ code: '419999' }).catch((e) => e));
    expect(children.status).toBe(404);
    const malformed = errorOf(await client.regions.get.query({ code: 'abcdef' }).catch((e) => e));
    expect(malformed.status).toBe(400);
    // More than 2,000 codes: sent as POST, as a client with `methodOverride: 'POST'` sends a long query.
    const tooMany = await fetch(`${hub.url}/trpc/regions.names`, {
      method: 'POST',
      headers: { ...everyone[0]?.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ codes: Array.from({ length: 2_001 }, () => '41') }),
    });
    expect(tooMany.status).toBe(400);
  });

  it('refuses a caller who has not signed in with a 401', async () => {
    for (const call of [
      hub.client().regions.get.query({ code: '410000' }),
      hub.client().regions.names.query({ codes: ['410000'] }),
      hub.client().regions.children.query({ code: '410000' }),
    ])
      expect(errorOf(await call.catch((e) => e))).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
  });
});

/**
 * `catalog.*`: the published service catalogs and target populations through the gateway, for consoles
 * that bundle none (a record's item named, an import template's allowed values). Public policy, like the
 * division: any signed-in caller reads any catalog.
 */
describe('catalog', () => {
  it("names a catalog's items in document order with their crosswalk, for any signed-in caller", async () => {
    for (const actor of everyone) {
      const zz = await hub.client(actor.headers).catalog.get.query({ id: 'zz-2021' });
      expect(zz, actor.name).toMatchObject({ id: 'zz-2021', regionCode: '410100' });
      expect(zz.items[0], actor.name).toEqual({
        ref: '1.1',
        domain: '社会救助',
        name: '政策宣传',
        canonical: [
          {
            id: 'sa.policy-outreach',
            label: { zh: expect.any(String), en: expect.any(String) },
            domain: expect.any(String),
          },
        ],
        populations: [],
      });
      expect(new Set(zz.items.map((i) => i.ref)).size).toBe(zz.items.length);
    }
  });

  it('finds the catalog that governs a region, its own or its nearest ancestor’s', async () => {
    const client = hub.client(everyone[0]?.headers);
    expect((await client.catalog.forRegion.query({ regionCode: '410105002' })).id).toBe('zz-2021');
    expect((await client.catalog.forRegion.query({ regionCode: '410902' })).id).toBe('py-2021');
    expect((await client.catalog.forRegion.query({ regionCode: '420102' })).id).toBe('wh-2021');
    // A Henan city with no catalog of its own gets the provincial one.
    expect((await client.catalog.forRegion.query({ regionCode: '410300' })).id).toBe('henan-2020');
  });

  it('lists every catalog that covers a region, nearest first: what reporting accepts for its stations', async () => {
    const client = hub.client(everyone[0]?.headers);
    const ids = async (regionCode: string) =>
      (await client.catalog.covering.query({ regionCode })).map((c) => c.id);
    // 金水区 (and a township of it): Zhengzhou's catalog, then Henan's; reporting takes a record under either.
    expect(await ids('410105')).toEqual(['zz-2021', 'henan-2020']);
    expect(await ids('410105002')).toEqual(['zz-2021', 'henan-2020']);
    expect(await ids('410928')).toEqual(['py-2021', 'henan-2020']);
    // Hubei has no provincial catalog here: Wuhan's alone.
    expect(await ids('420102')).toEqual(['wh-2021']);
    expect(await ids('410300')).toEqual(['henan-2020']);
    // No catalog covers 山西: nothing to record under, not an error.
    expect(await ids('140105')).toEqual([]);
    const [zz] = await client.catalog.covering.query({ regionCode: '410105' });
    expect(zz).toEqual(await client.catalog.get.query({ id: 'zz-2021' }));
    const unknown = errorOf(await client.catalog.covering.query({ regionCode: '419999' }).catch((e) => e));
    expect(unknown).toMatchObject({
      status: 404,
      domain: { code: 'REGION_NOT_FOUND', path: ['regionCode'] },
    });
  });

  it('lists the target populations with both labels', async () => {
    const populations = await hub.client(everyone[0]?.headers).catalog.populations.query();
    expect(populations.map((p) => p.code)).toEqual(expect.arrayContaining(['dibao', 'tekun']));
    expect(populations.every((p) => p.label.zh.length > 0 && p.label.en.length > 0)).toBe(true);
  });

  it('answers an unknown catalog or a region no catalog covers with a 404, and a signed-out caller with a 401', async () => {
    const client = hub.client(everyone[0]?.headers);
    const unknown = errorOf(await client.catalog.get.query({ id: 'xx-1999' }).catch((e) => e));
    expect(unknown).toMatchObject({ status: 404, domain: { code: 'CATALOG_NOT_FOUND' } });
    expect(unknown.message).toContain('xx-1999');
    const uncovered = errorOf(await client.catalog.forRegion.query({ regionCode: '140105' }).catch((e) => e));
    expect(uncovered).toMatchObject({ status: 404, domain: { code: 'CATALOG_NOT_FOUND' } });
    expect(
      errorOf(
        await hub
          .client()
          .catalog.populations.query()
          .catch((e) => e),
      ),
    ).toMatchObject({ status: 401 });
  });
});
