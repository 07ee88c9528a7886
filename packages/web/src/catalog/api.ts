import type { Locale } from '../format.ts';
import type { HubClient } from '../hub.tsx';
import { useHubQuery } from '../hub.tsx';

export type CatalogView = Awaited<ReturnType<HubClient['catalog']['get']['query']>>;
export type CatalogItemView = CatalogView['items'][number];
export type PopulationView = Awaited<ReturnType<HubClient['catalog']['populations']['query']>>[number];

/** Published reference data: it changes with a new document, not during a session. */
const REFERENCE = { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY } as const;

/** One published service catalog by id (`catalog.get`), as a service record names it (`zz-2021`). */
export function useCatalog(id: string | undefined) {
  return useHubQuery(['catalog.get', id], (hub) => hub.catalog.get.query({ id: id ?? '' }), {
    ...REFERENCE,
    enabled: id !== undefined,
  });
}

/** The catalog that governs a region (`catalog.forRegion`): the nearest issued by it or an ancestor. */
export function useCatalogForRegion(regionCode: string | undefined) {
  return useHubQuery(
    ['catalog.forRegion', regionCode],
    (hub) => hub.catalog.forRegion.query({ regionCode: regionCode ?? '' }),
    { ...REFERENCE, enabled: regionCode !== undefined },
  );
}

/**
 * Every catalog covering a region, nearest first (`catalog.covering`): what its stations may record under,
 * as reporting checks it (a catalog issued on the station's region path: the city's and the province's).
 */
export function useCoveringCatalogs(regionCode: string | undefined) {
  return useHubQuery(
    ['catalog.covering', regionCode],
    (hub) => hub.catalog.covering.query({ regionCode: regionCode ?? '' }),
    { ...REFERENCE, enabled: regionCode !== undefined },
  );
}

/** Every target population with its labels (`catalog.populations`). */
export function usePopulations() {
  return useHubQuery(['catalog.populations'], (hub) => hub.catalog.populations.query(), REFERENCE);
}

/** A catalog item's name by its ref, or undefined while the catalog loads or for a ref it lacks. */
export function itemName(catalog: CatalogView | undefined, ref: string): string | undefined {
  return catalog?.items.find((item) => item.ref === ref)?.name;
}

/** A population's label in the locale, its code when the list has not loaded or lacks it. */
export function populationLabel(
  populations: readonly PopulationView[] | undefined,
  code: string,
  locale: Locale,
) {
  const found = populations?.find((p) => p.code === code);
  return found ? (locale === 'en' ? found.label.en : found.label.zh) : code;
}
