import {
  childrenOf,
  getRegion,
  parentChain,
  type Region,
  type RegionLevel,
  RegionLevelSchema,
  searchRegions,
  TOWNSHIP_KIND_LABELS,
} from '@shegong/regions';
import { type Command, Option } from 'commander';
import { type Column, printRows } from '../output.ts';
import type { GlobalOptions } from '../program.ts';

const regionColumns: Column<Region>[] = [
  { header: 'code', value: (r) => r.code },
  { header: 'name', value: (r) => r.name },
  { header: 'level', value: (r) => r.level },
  {
    header: 'kind',
    value: (r) =>
      r.townshipKind ? TOWNSHIP_KIND_LABELS[r.townshipKind].zh : r.functionalZone ? '功能区' : '',
  },
];

export function registerRegions(program: Command, options: () => GlobalOptions): void {
  const regions = program.command('regions').description('administrative divisions: look up, list, search');

  regions
    .command('show <code>')
    .description('a region and its parent chain, e.g. 410105 or 410105001')
    .action((code: string) => {
      const chain = parentChain(code);
      const region = getRegion(code);
      printRows(options().format, chain, regionColumns, { ...region, parentChain: chain.slice(1) });
    });

  regions
    .command('children <code>')
    .description('the regions one level below, e.g. the townships of a county')
    .action((code: string) => {
      printRows(options().format, childrenOf(code), regionColumns);
    });

  regions
    .command('search <name>')
    .description('regions whose Chinese name contains <name>')
    .addOption(new Option('--level <level>', 'only regions of this level').choices(RegionLevelSchema.options))
    .option('--within <code>', 'only inside this region')
    .option('--limit <n>', 'at most n results', '20')
    .action((name: string, opts: { level?: string; within?: string; limit: string }) => {
      const found = searchRegions(name, {
        ...(opts.level === undefined ? {} : { level: opts.level as RegionLevel }),
        ...(opts.within === undefined ? {} : { within: opts.within }),
        limit: Number.parseInt(opts.limit, 10),
      });
      const withPath = found.map((r) => ({
        ...r,
        path: parentChain(r.code)
          .slice(1)
          .reverse()
          .map((p) => p.name)
          .join(' / '),
      }));
      printRows(options().format, withPath, [...regionColumns, { header: 'in', value: (r) => r.path }]);
    });
}
