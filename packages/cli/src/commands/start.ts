import { listCatalogs } from '@shegong/catalog';
import { childrenOf, getRegion } from '@shegong/regions';
import type { Command } from 'commander';

/**
 * `pnpm start`. The services (registry, funding, reporting) and the gateway are not built yet, so for now
 * this shows what the hub already has: the domain packages and their data, and where to go next.
 */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('start the hub (today: report the domain packages that exist; services come next)')
    .action(() => {
      const provinces = ['410000', '420000', '130000'].map((code) => getRegion(code));
      const lines = [
        'Shegong Hub — provincial integration hub for township social work stations (社工站)',
        '',
        'Ready now:',
        ...provinces.map((p) => `  regions   ${p.name} (${p.code}): ${childrenOf(p.code).length} cities`),
        ...listCatalogs().map(
          (c) =>
            `  catalog   ${c.id}: ${c.title} — ${c.domains.reduce((n, d) => n + d.items.length, 0)} items`,
        ),
        '',
        'Try:',
        '  pnpm shegong regions show 410105',
        '  pnpm shegong regions search 金水',
        '  pnpm shegong catalog list 410100',
        '  pnpm shegong catalog crosswalk 420100',
        '',
        'Not yet running: the registry, funding and reporting services and the tRPC/OpenAPI gateway',
        '(issues "Registry, funding and reporting services…" and "The gateway…"). Nothing is listening.',
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
