import {
  type Catalog,
  catalogFor,
  checkProvincialScope,
  crosswalk,
  listCatalogs,
  listPopulations,
  loadCatalogFile,
  unmappedItems,
} from '@shegong/catalog';
import type { Command } from 'commander';
import { printRows } from '../output.ts';
import type { GlobalOptions } from '../program.ts';

function items(catalog: Catalog) {
  return catalog.domains.flatMap((domain) =>
    domain.items.map((item) => ({
      domain: `${domain.number ?? ''} ${domain.name}`.trim(),
      tier: domain.tier,
      number: item.number,
      name: item.name,
      description: item.description,
      populations: item.populations,
    })),
  );
}

export function registerCatalog(program: Command, options: () => GlobalOptions): void {
  const catalog = program
    .command('catalog')
    .description('service catalogs, crosswalks and target populations');

  catalog
    .command('list [regionCode]')
    .description('the catalog that governs a city (or any region in it); without a code, every catalog')
    .action((regionCode: string | undefined) => {
      const { format } = options();
      if (regionCode === undefined) {
        const all = listCatalogs();
        printRows(format, all, [
          { header: 'id', value: (c) => c.id },
          { header: 'region', value: (c) => c.regionCode },
          { header: 'title', value: (c) => c.title },
          { header: 'structure', value: (c) => c.structure },
          { header: 'items', value: (c) => c.domains.reduce((n, d) => n + d.items.length, 0) },
        ]);
        return;
      }
      const found = catalogFor(regionCode);
      process.stdout.write(format === 'json' ? '' : `${found.title} (${found.id}, ${found.citation})\n`);
      printRows(
        format,
        items(found),
        [
          { header: 'domain', value: (r) => (r.tier ? `${r.domain} [${r.tier}]` : r.domain) },
          { header: '#', value: (r) => r.number },
          { header: 'item', value: (r) => r.name },
          { header: 'populations', value: (r) => r.populations.join(', ') },
        ],
        found,
      );
    });

  catalog
    .command('crosswalk <regionCode>')
    .description("how a city's catalog maps onto the canonical taxonomy; unmapped items are listed")
    .action((regionCode: string) => {
      const { format } = options();
      const found = catalogFor(regionCode);
      const rows = crosswalk(found);
      const unmapped = unmappedItems(found);
      const violations = checkProvincialScope(found);
      printRows(
        format,
        rows,
        [
          { header: 'ref', value: (r) => r.ref },
          { header: 'local item', value: (r) => `${r.domain} / ${r.item}` },
          {
            header: 'canonical',
            value: (r) => r.canonical.map((c) => `${c.id} ${c.label}`).join('\n') || '(unmapped)',
          },
        ],
        { catalog: found.id, rows, unmapped, provincialScopeViolations: violations },
      );
      if (format === 'table') {
        process.stdout.write(
          `${rows.length} items, ${unmapped.length} unmapped, ${violations.length} outside the provincial catalog without approval\n`,
        );
        for (const v of violations) process.stdout.write(`  ${v.message.zh} [${v.citation}]\n`);
      }
    });

  catalog
    .command('validate <file>')
    .description('validate a catalog file (YAML or JSON) before adding it to data/catalogs/')
    .action((file: string) => {
      const found = loadCatalogFile(file);
      const unmapped = unmappedItems(found);
      const violations = found.provincialCatalog === undefined ? [] : checkProvincialScope(found);
      printRows(
        options().format,
        [
          {
            file,
            id: found.id,
            items: crosswalk(found).length,
            unmapped: unmapped.length,
            violations: violations.length,
          },
        ],
        [
          { header: 'file', value: (r) => r.file },
          { header: 'id', value: (r) => r.id },
          { header: 'items', value: (r) => r.items },
          { header: 'unmapped', value: (r) => r.unmapped },
          { header: 'outside provincial scope', value: (r) => r.violations },
        ],
        { file, id: found.id, valid: true, unmapped, provincialScopeViolations: violations },
      );
    });

  catalog
    .command('populations')
    .description('the target-population code list')
    .action(() => {
      printRows(options().format, listPopulations(), [
        { header: 'code', value: (p) => p.code },
        { header: '中文', value: (p) => p.label.zh },
        { header: 'English', value: (p) => p.label.en },
        { header: 'cited in', value: (p) => p.citations.join('; ') },
      ]);
    });
}
