import { CitationSchema } from '@shegong/kernel';
import { z } from 'zod';

/** A canonical item id: `<domain prefix>.<slug>`, e.g. `sa.policy-outreach`. */
export const CanonicalItemIdSchema = z.string().regex(/^[a-z]{2}\.[a-z0-9-]+$/, {
  message: 'a canonical item id looks like "sa.policy-outreach"',
});

/** A target-population code, e.g. `dibao`. */
export const PopulationCodeSchema = z.string().regex(/^[a-z][a-z0-9-]*$/);

const LabelSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });

/** The province-wide taxonomy every local catalog maps onto (`data/canonical.yaml`). */
export const CanonicalTaxonomySchema = z.object({
  version: z.string().min(1),
  domains: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z-]+$/),
        prefix: z.string().regex(/^[a-z]{2}$/),
        label: LabelSchema,
        items: z.array(z.object({ id: CanonicalItemIdSchema, label: LabelSchema })).min(1),
      }),
    )
    .min(1),
});
export type CanonicalTaxonomy = z.infer<typeof CanonicalTaxonomySchema>;

/** A target population (服务对象) with its labels and where the documents name it (`data/populations.yaml`). */
export const PopulationSchema = z.object({
  code: PopulationCodeSchema,
  label: LabelSchema,
  citations: z.array(CitationSchema).min(1),
});
export type Population = z.infer<typeof PopulationSchema>;

export const CatalogItemSchema = z.object({
  /** The item's number as printed in its domain (1, 2, …); absent for an unnumbered item (WH's 党建引领). */
  number: z.number().int().positive().optional(),
  name: z.string().min(1),
  description: z.string().min(1),
  /** Canonical items this local item maps onto: the crosswalk. Empty means "unmapped" and is reported. */
  canonical: z.array(CanonicalItemIdSchema),
  /** Target populations the item's text names. */
  populations: z.array(PopulationCodeSchema).default([]),
});
export type CatalogItem = z.infer<typeof CatalogItemSchema>;

export const CatalogDomainSchema = z.object({
  /** The domain's number as printed ((一) → 1); absent where the document does not number it. */
  number: z.number().int().positive().optional(),
  name: z.string().min(1),
  /** Wuhan's 1+4+N: `core` (the 1), `basic` (the 4), `special` (the N). Absent for flat catalogs. */
  tier: z.enum(['core', 'basic', 'special']).optional(),
  /** Set when the document's text differs from what the data says, e.g. a heading the annex leaves out. */
  note: z.string().optional(),
  items: z.array(CatalogItemSchema),
});
export type CatalogDomain = z.infer<typeof CatalogDomainSchema>;

/** An approval that lets a city catalog add an item outside the provincial catalog [ZZ §3]. */
export const CatalogApprovalSchema = z.object({
  /** `<domain number>.<item number>` of the approved item, e.g. `4.5`. */
  item: z.string().regex(/^\d+\.\d+$/),
  approvedBy: z.string().min(1),
  document: z.string().min(1),
  date: z.iso.date(),
});
export type CatalogApproval = z.infer<typeof CatalogApprovalSchema>;

/** One city's (or province's) service catalog, as one YAML/JSON file under `data/catalogs/`. */
export const CatalogSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Edition of this catalog; a revised document is a new file with a new version. */
  version: z.string().min(1),
  /** The issuing jurisdiction: a city's or a province's 6-digit code. */
  regionCode: z.string().regex(/^\d{6}$/),
  title: z.string().min(1),
  document: z.object({ ref: z.string().min(1), issued: z.iso.date().optional() }),
  citation: CitationSchema,
  structure: z.enum(['domains', '1+4+N']),
  /** For a city catalog: the provincial catalog it must stay within [ZZ §3]. */
  provincialCatalog: z.string().optional(),
  /**
   * For a provincial catalog: the canonical items cities may offer without further approval. Where the
   * provincial document itself is not in the seeds, `scopeNote` says where the scope comes from.
   */
  scope: z.array(CanonicalItemIdSchema).optional(),
  scopeNote: z.string().optional(),
  approvals: z.array(CatalogApprovalSchema).default([]),
  domains: z.array(CatalogDomainSchema),
});
export type Catalog = z.infer<typeof CatalogSchema>;
export type CatalogInput = z.input<typeof CatalogSchema>;
