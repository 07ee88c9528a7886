import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentChain } from '@shegong/regions';
import { CatalogNotFoundError } from './errors.ts';
import { DATA_DIR } from './reference-data.ts';
import type { Catalog } from './schema.ts';
import { loadCatalogFile } from './validate.ts';

const CATALOG_DIR = new URL('catalogs/', DATA_DIR);
let builtIn: Map<string, Catalog> | undefined;

/**
 * Every catalog shipped in `data/catalogs/` (one YAML file each), validated on first use. A new city's
 * catalog is a new file there: no code changes (see README, "Adding a city's catalog").
 */
export function listCatalogs(): Catalog[] {
  builtIn ??= new Map(
    readdirSync(CATALOG_DIR)
      .filter((name) => /\.(ya?ml|json)$/.test(name))
      .sort()
      .map((name) => {
        const catalog = loadCatalogFile(fileURLToPath(new URL(name, CATALOG_DIR)));
        return [catalog.id, catalog] as const;
      }),
  );
  return [...builtIn.values()];
}

/** @throws CatalogNotFoundError */
export function getCatalog(id: string): Catalog {
  const catalog = listCatalogs().find((c) => c.id === id);
  if (!catalog) throw new CatalogNotFoundError(`no catalog has the id "${id}"`);
  return catalog;
}

/**
 * The catalog that governs a region: the nearest catalog issued by the region itself or one of its
 * ancestors (a township in Zhengzhou gets Zhengzhou's; a region of a city with no catalog of its own gets
 * its province's, if there is one). Among several editions of one issuer, the highest version wins.
 *
 * @example catalogFor('410105').id // 'zz-2021'
 * @throws CatalogNotFoundError when no catalog covers the region; RegionError for a bad code
 */
export function catalogFor(regionCode: string): Catalog {
  const all = listCatalogs();
  for (const region of parentChain(regionCode)) {
    const own = all
      .filter((c) => c.regionCode === region.code)
      .sort((a, b) => b.version.localeCompare(a.version, 'en', { numeric: true }));
    if (own[0]) return own[0];
  }
  throw new CatalogNotFoundError(`no service catalog covers region ${regionCode}`);
}
