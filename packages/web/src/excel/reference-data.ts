/**
 * The published code lists a service-records sheet is written against: the target populations and the
 * local catalogs' items (`@shegong/catalog`'s `data/`). That package reads its YAML with `node:fs`, so it
 * cannot run in the browser and no gateway procedure serves it; the files' text is inlined at build time
 * by Vite (`?raw`, as `evaluations/scheme.ts` does) and read here with the fields an import needs. A new
 * catalog file is added to `CATALOG_TEXTS`. The server checks every record against the catalogs whatever
 * this module says [ZZ §3]; here they only fill the template's notes and turn labels into codes.
 */
import { parse } from 'yaml';
import { z } from 'zod';
import henan2020 from '../../../catalog/data/catalogs/henan-2020.yaml?raw';
import py2021 from '../../../catalog/data/catalogs/py-2021.yaml?raw';
import wh2021 from '../../../catalog/data/catalogs/wh-2021.yaml?raw';
import zz2021 from '../../../catalog/data/catalogs/zz-2021.yaml?raw';
import populationsText from '../../../catalog/data/populations.yaml?raw';
import type { ImportOption } from './import-columns.ts';

const CATALOG_TEXTS = [henan2020, py2021, wh2021, zz2021];

const PopulationsSchema = z.array(
  z.object({ code: z.string().min(1), label: z.object({ zh: z.string(), en: z.string() }) }),
);

const CatalogViewSchema = z.object({
  id: z.string().min(1),
  regionCode: z.string().regex(/^\d{6}$/),
  title: z.string().min(1),
  citation: z.string(),
  domains: z.array(
    z.object({
      number: z.number().int().optional(),
      name: z.string().min(1),
      items: z.array(z.object({ number: z.number().int().optional(), name: z.string().min(1) })),
    }),
  ),
});

/** The target populations (服务对象) by code, in the file's order [ZZ §3, PY §3]. */
export const POPULATION_OPTIONS: readonly ImportOption[] = PopulationsSchema.parse(
  parse(populationsText),
).map((p) => ({ code: p.code, zh: p.label.zh, en: p.label.en }));

/** One item of a local catalog as a records sheet names it: `catalogId` and `ref` (`zz-2021`, `1.3`). */
export interface CatalogItemNote {
  catalogId: string;
  catalogTitle: string;
  /** The issuing city's or province's code. */
  regionCode: string;
  citation: string;
  /** `<domain number>.<item number>`, or the names where the document does not number them (`itemRef`). */
  ref: string;
  domain: string;
  item: string;
}

let catalogItems: CatalogItemNote[] | undefined;

function allCatalogItems(): CatalogItemNote[] {
  catalogItems ??= CATALOG_TEXTS.flatMap((text) => {
    const catalog = CatalogViewSchema.parse(parse(text));
    return catalog.domains.flatMap((domain) =>
      domain.items.map((item) => ({
        catalogId: catalog.id,
        catalogTitle: catalog.title,
        regionCode: catalog.regionCode,
        citation: catalog.citation,
        // As @shegong/catalog's `itemRef`: the number where the document numbers it, else the name.
        ref: `${domain.number ?? domain.name}.${item.number ?? item.name}`,
        domain: domain.name,
        item: item.name,
      })),
    );
  });
  return catalogItems;
}

/**
 * The catalog items a county's stations may record under: those of the catalogs issued for its city or its
 * province (a catalog covers the stations whose region path holds its code, as reporting checks), the
 * city's own first.
 * @example catalogItemsFor('410105')[0] // { catalogId: 'zz-2021', ref: '1.1', item: '政策宣传', … }
 */
export function catalogItemsFor(regionCode: string): CatalogItemNote[] {
  const city = `${regionCode.slice(0, 4)}00`;
  const province = `${regionCode.slice(0, 2)}0000`;
  const items = allCatalogItems();
  return [
    ...items.filter((i) => i.regionCode === regionCode || (i.regionCode === city && city !== province)),
    ...items.filter((i) => i.regionCode === province),
  ];
}
