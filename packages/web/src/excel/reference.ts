import type { CatalogItemView, CatalogView, PopulationView } from '../catalog/api.ts';
import type { ImportOption } from './import-columns.ts';

/**
 * The published reference data an import sheet is written against, as the gateway serves it for the
 * signed-in user's region: the catalogs its stations may record under (`catalog.covering`, nearest first)
 * and the target populations (`catalog.populations`). `ExcelImport` loads it and hands it to the kind, so
 * the browser has one source of catalog data; the server still checks every record against the catalogs
 * whatever the sheet says [ZZ §3]. Only the fields an import reads are required, so a test can build it.
 */
export interface ImportReference {
  /** The region the catalogs cover: the signed-in user's. */
  regionCode: string;
  catalogs: ReadonlyArray<
    Pick<CatalogView, 'id' | 'title' | 'regionCode'> & {
      items: ReadonlyArray<Pick<CatalogItemView, 'ref' | 'domain' | 'name'>>;
    }
  >;
  populations: ReadonlyArray<Pick<PopulationView, 'code' | 'label'>>;
}

/** No reference data: for the kinds whose sheets name no catalog item or population (stations, workers). */
export function emptyReference(regionCode: string): ImportReference {
  return { regionCode, catalogs: [], populations: [] };
}

/** The target populations (服务对象) as a cell's options, in the order the gateway lists them [ZZ §3, PY §3]. */
export function populationOptions(reference: ImportReference): ImportOption[] {
  return reference.populations.map((p) => ({ code: p.code, zh: p.label.zh, en: p.label.en }));
}

/** One catalog item as a records sheet names it: `catalogId` and `ref` (`zz-2021`, `1.3`). */
export interface CatalogItemNote {
  catalogId: string;
  catalogTitle: string;
  /** The issuing city's or province's code. */
  regionCode: string;
  /** `<domain number>.<item number>`, or the names where the document does not number them. */
  ref: string;
  domain: string;
  item: string;
}

/**
 * Every item the region's stations may record under, catalog by catalog in the reference's order (the
 * nearest issuer's first: a county's city's, then its province's). Henan's provincial catalog is a scope
 * of canonical items with no items of its own, so a Zhengzhou county lists Zhengzhou's items alone.
 * @example catalogItemsOf(reference)[0] // { catalogId: 'zz-2021', ref: '1.1', item: '政策宣传', … }
 */
export function catalogItemsOf(reference: ImportReference): CatalogItemNote[] {
  return reference.catalogs.flatMap((catalog) =>
    catalog.items.map((item) => ({
      catalogId: catalog.id,
      catalogTitle: catalog.title,
      regionCode: catalog.regionCode,
      ref: item.ref,
      domain: item.domain,
      item: item.name,
    })),
  );
}
