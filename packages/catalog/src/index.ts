/**
 * @shegong/catalog: the stations' service catalogs as versioned data (Zhengzhou, Puyang, Wuhan …), the
 * canonical taxonomy with a crosswalk from every local item, target populations, and the rule that a city
 * catalog stays within its provincial catalog [ZZ §3].
 */
export { catalogFor, getCatalog, listCatalogs } from './catalogs.ts';
export { type CrosswalkRow, canonicalCoverage, crosswalk, unmappedItems } from './crosswalk.ts';
export { type CatalogIssue, CatalogNotFoundError, CatalogValidationError } from './errors.ts';
export { checkProvincialScope, type GovernanceViolation } from './governance.ts';
export { canonicalTaxonomy, findCanonicalItem, findPopulation, listPopulations } from './reference-data.ts';
export {
  type CanonicalTaxonomy,
  CanonicalTaxonomySchema,
  type Catalog,
  type CatalogApproval,
  CatalogApprovalSchema,
  type CatalogDomain,
  CatalogDomainSchema,
  type CatalogInput,
  type CatalogItem,
  CatalogItemSchema,
  CatalogSchema,
  type Population,
  PopulationSchema,
} from './schema.ts';
export { loadCatalogFile, parseCatalog } from './validate.ts';
