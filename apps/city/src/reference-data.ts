/**
 * The city console's public reference data, computed at build time in Node from `@shegong/catalog` and
 * `@shegong/plans` (both read YAML with `node:fs`, so the browser cannot import them) and bundled as the
 * virtual module `virtual:city-reference`. It is published policy — catalogs, their crosswalk, the
 * provincial-scope check [ZZ §3], rollout targets [ZZ §5, PY annex 1, WH §1.2] — not anyone's data: the
 * figures it is set beside always come from the gateway.
 */
import {
  type Catalog,
  checkProvincialScope,
  crosswalk,
  findCanonicalItem,
  listCatalogs,
} from '@shegong/catalog';
import { listTargets, type Measure } from '@shegong/plans';
import type { Plugin } from 'vite';

/** One local catalog item, its crosswalk to the canonical taxonomy and its standing under [ZZ §3]. */
export interface CatalogItemRow {
  /** `<domain number>.<item number>` (or the names where the document does not number them). */
  ref: string;
  domain: string;
  item: string;
  canonical: Array<{ id: string; label: { zh: string; en: string }; domain: { zh: string; en: string } }>;
  /** Canonical ids outside the provincial catalog's scope, with no recorded approval [ZZ §3]. */
  outsideScope: string[];
  /** The recorded provincial approval of an item beyond the scope, if any. */
  approval: { approvedBy: string; document: string; date: string } | null;
}

/** A city's own catalog, as the console shows it. */
export interface CityCatalog {
  id: string;
  version: string;
  regionCode: string;
  title: string;
  document: string;
  citation: string;
  /** The provincial catalog it must stay within [ZZ §3], or null (nothing to check: WH). */
  provincialCatalog: { id: string; title: string } | null;
  items: CatalogItemRow[];
}

/** A rollout target about a city or one of its county-level units, resolved to its townships. */
export interface CityTarget {
  id: string;
  planId: string;
  title: string;
  /** A division code (`410105`) or a functional zone id (`410100.zhengdong`). */
  areaKey: string;
  areaName: string;
  areaKind: 'division' | 'zone';
  /** Townships of the area by the published division. */
  townships: number;
  measure: Measure;
  /** The last day that counts. */
  by: string;
  binding: 'must' | 'strive';
  citation: string;
  quote: string;
  notEvaluable: string | null;
}

export interface CityReference {
  /** By the issuing city's code. */
  catalogs: Record<string, CityCatalog>;
  /** By city code (the first four digits of every area it holds). */
  targets: Record<string, CityTarget[]>;
}

const isCityCode = (code: string) => /^\d{4}00$/.test(code) && !code.endsWith('0000');

/** A city catalog as the console shows it: each item with its crosswalk and its standing under [ZZ §3]. */
export function cityCatalogOf(catalog: Catalog, all: readonly Catalog[]): CityCatalog {
  const provincial = all.find((c) => c.id === catalog.provincialCatalog);
  const violations = new Map(
    checkProvincialScope(catalog, provincial).map((v) => [v.ref, v.outsideScope] as const),
  );
  const approvals = new Map(catalog.approvals.map((a) => [a.item, a] as const));
  return {
    id: catalog.id,
    version: catalog.version,
    regionCode: catalog.regionCode,
    title: catalog.title,
    document: catalog.document.ref,
    citation: catalog.citation,
    provincialCatalog: provincial ? { id: provincial.id, title: provincial.title } : null,
    items: crosswalk(catalog).map((row) => {
      const approval = approvals.get(row.ref);
      return {
        ref: row.ref,
        domain: row.domain,
        item: row.item,
        canonical: row.canonical.map(({ id }) => {
          const found = findCanonicalItem(id);
          return {
            id,
            label: found?.label ?? { zh: id, en: id },
            domain: found?.domain.label ?? { zh: '', en: '' },
          };
        }),
        outsideScope: violations.get(row.ref) ?? [],
        approval: approval
          ? { approvedBy: approval.approvedBy, document: approval.document, date: approval.date }
          : null,
      };
    }),
  };
}

/**
 * Every city catalog with its crosswalk and scope check, and every rollout target whose area lies in a
 * city (the city itself, a county-level unit or a functional zone of it), by city code.
 * @example cityReferenceData().catalogs['410100'].id // 'zz-2021'
 */
export function cityReferenceData(): CityReference {
  const all = listCatalogs();
  const catalogs: Record<string, CityCatalog> = {};
  for (const catalog of all) {
    if (!isCityCode(catalog.regionCode)) continue;
    const current = catalogs[catalog.regionCode];
    // Among editions of one city's catalog the highest version governs (as `catalogFor` picks).
    if (current && current.version.localeCompare(catalog.version, 'en', { numeric: true }) >= 0) continue;
    catalogs[catalog.regionCode] = cityCatalogOf(catalog, all);
  }
  const targets: Record<string, CityTarget[]> = {};
  for (const target of listTargets()) {
    const city = `${target.area.anchor.slice(0, 4)}00`;
    if (!isCityCode(city) || target.area.anchor.length < 6) continue;
    const list = targets[city] ?? [];
    targets[city] = list;
    list.push({
      id: target.id,
      planId: target.planId,
      title: target.title,
      areaKey: target.area.key,
      areaName: target.area.name,
      areaKind: target.area.kind,
      townships: target.area.townships.length,
      measure: target.measure,
      by: target.by,
      binding: target.binding,
      citation: target.citation,
      quote: target.quote,
      notEvaluable: target.notEvaluable ?? null,
    });
  }
  return { catalogs, targets };
}

const VIRTUAL = 'virtual:city-reference';

/** The Vite plugin that serves `virtual:city-reference` (types in `src/city-reference.d.ts`). */
export function cityReference(): Plugin {
  return {
    name: 'shegong-city-reference',
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : undefined),
    load: (id) =>
      id === `\0${VIRTUAL}` ? `export default ${JSON.stringify(cityReferenceData())};` : undefined,
  };
}
