import {
  type Catalog,
  catalogFor,
  crosswalk,
  findCanonicalItem,
  getCatalog,
  listCatalogs,
  listPopulations,
} from '@shegong/catalog';
import { getRegionAt, parentChain } from '@shegong/regions';
import { z } from 'zod';
import { authedProcedure, router } from './init.ts';

/**
 * `catalog.*`: the published service catalogs (服务清单) and target populations, for the consoles, which
 * then bundle none: a station's service records name their item by catalog and ref (`zz-2021`, `1.3`), an
 * import template lists the items a county may record, and the city's governance screen shows the
 * crosswalk. Like `regions.*` this is public policy — every catalog is a published document [ZZ §3,
 * PY annex 2, WH §2] — so any signed-in principal may read any of them; what was *recorded* against them
 * stays behind the services' policies.
 */

const LabelSchema = z.object({ zh: z.string(), en: z.string() });

/** One local item as the consoles show it: its ref, names, crosswalk and the populations it names. */
export const ZCatalogItemSchema = z.object({
  /** `<domain number>.<item number>` (`1.3`), or names where the document numbers none. */
  ref: z.string(),
  domain: z.string(),
  name: z.string(),
  /** The canonical items it maps onto, with the canonical domain's id (`social-assistance`). */
  canonical: z.array(z.object({ id: z.string(), label: LabelSchema, domain: z.string() })),
  populations: z.array(z.string()),
});

/** A catalog as the consoles show it: identity, the document it is, and every item in document order. */
export const ZCatalogSchema = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  regionCode: z.string(),
  document: z.string(),
  items: z.array(ZCatalogItemSchema),
});
export type TCatalog = z.infer<typeof ZCatalogSchema>;

/** A target population (服务对象) with its labels. */
export const ZPopulationSchema = z.object({ code: z.string(), label: LabelSchema });

export const ZCatalogGetRequestSchema = z.object({ id: z.string().trim().min(1).max(64) });
export const ZCatalogForRegionRequestSchema = z.object({ regionCode: z.string().trim().min(2).max(12) });

/** A catalog with its items flattened and their crosswalk resolved. */
export function shownCatalog(catalog: Catalog): TCatalog {
  const rows = crosswalk(catalog);
  const items = catalog.domains.flatMap((domain) => domain.items);
  return {
    id: catalog.id,
    version: catalog.version,
    title: catalog.title,
    regionCode: catalog.regionCode,
    document: catalog.document.ref,
    items: rows.map((row, index) => ({
      ref: row.ref,
      domain: row.domain,
      name: row.item,
      canonical: (items[index]?.canonical ?? []).map((id) => {
        const found = findCanonicalItem(id);
        return {
          id,
          label: found?.label ?? { zh: id, en: id },
          domain: found?.domain.id ?? '',
        };
      }),
      populations: items[index]?.populations ?? [],
    })),
  };
}

/**
 * Every catalog that covers a region: those issued by it or by any of its ancestors, nearest issuer first
 * and, among one issuer's editions, the highest version first. Reporting accepts a station's record under
 * any catalog whose issuing region is on the station's region path, whichever edition [ZZ §3]
 * (`validateRecords`: `CATALOG_NOT_FOR_STATION`), so this is exactly what a county's stations may record
 * under: its city's catalog and its province's, not only the nearest that `catalogFor` picks.
 * @example coveringCatalogs('410105').map((c) => c.id) // ['zz-2021', 'henan-2020']
 */
export function coveringCatalogs(regionCode: string): Catalog[] {
  const all = listCatalogs();
  return parentChain(regionCode).flatMap((region) =>
    all
      .filter((c) => c.regionCode === region.code)
      .sort((a, b) => b.version.localeCompare(a.version, 'en', { numeric: true })),
  );
}

export const catalogRouter = router({
  /** `catalog.get`: one catalog by id (`zz-2021`), as a service record names it. */
  get: authedProcedure
    .input(ZCatalogGetRequestSchema)
    .query(({ input }) => shownCatalog(getCatalog(input.id))),
  /** `catalog.forRegion`: the catalog that governs a region (the nearest issued by it or an ancestor). */
  forRegion: authedProcedure
    .input(ZCatalogForRegionRequestSchema)
    .query(({ input }) => shownCatalog(catalogFor(getRegionAt(input.regionCode, ['regionCode']).code))),
  /**
   * `catalog.covering`: every catalog a region's stations may record under, nearest first
   * (`coveringCatalogs`); empty where none covers it (reporting then accepts no record there).
   */
  covering: authedProcedure
    .input(ZCatalogForRegionRequestSchema)
    .query(({ input }) =>
      coveringCatalogs(getRegionAt(input.regionCode, ['regionCode']).code).map(shownCatalog),
    ),
  /** `catalog.populations`: every target population the catalogs and records may name. */
  populations: authedProcedure.query(() =>
    listPopulations().map((p) => ({ code: p.code, label: { zh: p.label.zh, en: p.label.en } })),
  ),
});
