import { z } from 'zod';

/**
 * The policy documents the hub encodes, by the short id used in every citation (`[ZZ §4.4]`).
 * See `../shared/DOMAIN.md`; a new jurisdiction's document gets a new id here. National documents:
 * - `CIVIL`: 中华人民共和国民法典 (counting terms art. 1259, periods art. 201–203);
 * - `SWREG`: 社会工作者职业水平证书登记办法 (registration of the national certificate);
 * - `SWCE`: 社会工作者继续教育办法 (continuing education per registration period).
 * The seeds do not reproduce SWREG and SWCE, so their citations name the document without an article.
 */
export const PolicyDocumentIdSchema = z.enum(['ZZ', 'PY', 'ZT', 'WH', 'HB', 'CIVIL', 'SWREG', 'SWCE']);
export type PolicyDocumentId = z.infer<typeof PolicyDocumentIdSchema>;

/** National documents the seeds do not reproduce may be cited whole. */
const WHOLE_DOCUMENTS: readonly PolicyDocumentId[] = ['SWREG', 'SWCE'];
const DOCUMENT = `(?:${PolicyDocumentIdSchema.options.filter((id) => !WHOLE_DOCUMENTS.includes(id)).join('|')})`;
const WHOLE = `(?:${WHOLE_DOCUMENTS.join('|')})`;
const CLAUSE = '(?:§\\d+(?:\\.\\d+)*|annex(?: \\d+)?|item \\d+|art\\. \\d+)';
const PART = `(?:${DOCUMENT} ${CLAUSE}|${WHOLE}(?: ${CLAUSE})?)`;
const CITATION = new RegExp(`^${PART}(?:, (?:${PART}|${CLAUSE}))*$`);

/**
 * A reference to one or more clauses as printed in the digest: `ZZ §4.4`, `WH annex`, `HB item 2`,
 * `ZZ §5.3, PY §5.3`, `ZZ §6.5, §6.3`, `CIVIL art. 1259` or a whole national document, `SWREG`.
 */
export const CitationSchema = z.string().regex(CITATION, {
  message: 'a citation looks like "ZZ §4.4", "WH annex", "HB item 2" or "ZZ §5.3, PY §5.3"',
});
export type Citation = z.infer<typeof CitationSchema>;

/**
 * Splits a citation into its clauses, each with its document (a clause without one takes the previous).
 * @example parseCitation('ZZ §6.5, PY §6.4, §6.3') // [{ZZ, §6.5}, {PY, §6.4}, {PY, §6.3}]
 */
export function parseCitation(citation: Citation): Array<{ document: PolicyDocumentId; clause: string }> {
  let document: PolicyDocumentId | undefined;
  return CitationSchema.parse(citation)
    .split(', ')
    .map((part) => {
      const [head, ...rest] = part.split(' ');
      const named = PolicyDocumentIdSchema.safeParse(head);
      if (named.success) document = named.data;
      return { document: document as PolicyDocumentId, clause: named.success ? rest.join(' ') : part };
    });
}
