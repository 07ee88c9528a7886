import { getCatalog } from './catalogs.ts';
import { itemRef } from './crosswalk.ts';
import type { Catalog } from './schema.ts';

/** An item a city catalog adds outside its provincial catalog without a recorded approval. */
export interface GovernanceViolation {
  ruleId: 'catalog.provincial-scope';
  citation: 'ZZ §3';
  ref: string;
  item: string;
  /** The canonical ids of the item that the provincial catalog does not include. */
  outsideScope: string[];
  message: { zh: string; en: string };
}

/**
 * 未经省级民政、财政部门批准，基层不得自行扩大服务范围、增加服务事项 [ZZ §3]: every item of a city catalog
 * must map only onto canonical items in its provincial catalog's scope, unless an approval for that item is
 * recorded in the city catalog's `approvals`. A catalog with no `provincialCatalog` has nothing to check.
 */
export function checkProvincialScope(catalog: Catalog, provincial?: Catalog): GovernanceViolation[] {
  if (catalog.provincialCatalog === undefined) return [];
  const province = provincial ?? getCatalog(catalog.provincialCatalog);
  const scope = new Set(province.scope ?? []);
  const approved = new Set(catalog.approvals.map((a) => a.item));
  return catalog.domains.flatMap((domain) =>
    domain.items.flatMap((item): GovernanceViolation[] => {
      const ref = itemRef(domain, item);
      const outsideScope = item.canonical.filter((id) => !scope.has(id));
      if (outsideScope.length === 0 || approved.has(ref)) return [];
      return [
        {
          ruleId: 'catalog.provincial-scope',
          citation: 'ZZ §3',
          ref,
          item: item.name,
          outsideScope,
          message: {
            zh: `服务事项 ${ref}「${item.name}」超出省级目录（${outsideScope.join('、')}），且无省级批准记录`,
            en: `item ${ref} "${item.name}" goes beyond the provincial catalog (${outsideScope.join(', ')}) with no recorded approval`,
          },
        },
      ];
    }),
  );
}
