import { catalogFor, crosswalk } from '@shegong/catalog';
import { categoriesOf, contains, getRegion, parentChain, searchRegions, townshipsOf } from '@shegong/regions';
import { Bench } from 'tinybench';
import { report, rowsOf } from './report.ts';

/**
 * Lookups a service does per incoming record (resolve a township, walk to its province, check a
 * jurisdiction, find its catalog) and the slower interactive ones (name search).
 */
export async function benchRegions(): Promise<void> {
  const coldStart = performance.now();
  getRegion('410105001'); // loads and indexes ~41,000 townships once
  const coldLoadMs = performance.now() - coldStart;

  const [wuhan, puyang] = [townshipsOf('420102')[0]?.code, townshipsOf('410928')[0]?.code];
  if (!wuhan || !puyang) throw new Error('division data has no townships for 420102 / 410928');

  const bench = new Bench({ time: 500, warmupTime: 100 });
  bench
    .add('getRegion(township)', () => {
      getRegion(wuhan);
    })
    .add('parentChain(township)', () => {
      parentChain('410105001');
    })
    .add('contains(province, township)', () => {
      contains('410000', puyang);
    })
    .add('categoriesOf(township)', () => {
      categoriesOf(wuhan);
    })
    .add('catalogFor(township)', () => {
      catalogFor('410105001');
    })
    .add('crosswalk(zz-2021)', () => {
      crosswalk(catalogFor('410100'));
    })
    .add('searchRegions("金水")', () => {
      searchRegions('金水');
    });
  await bench.run();
  report('regions', rowsOf(bench), { coldLoadMs: Number(coldLoadMs.toFixed(1)) });
}
