import { z } from 'zod';

/**
 * The policy documents the hub encodes, by the short id used in every citation (`[ZZ §4.4]`).
 * See `../shared/DOMAIN.md`; a new jurisdiction's document gets a new id here.
 */
export const PolicyDocumentIdSchema = z.enum(['ZZ', 'PY', 'ZT', 'WH', 'HB', 'NATIONAL']);
export type PolicyDocumentId = z.infer<typeof PolicyDocumentIdSchema>;

const DOCUMENT = `(?:${PolicyDocumentIdSchema.options.join('|')})`;
const CLAUSE = '(?:§\\d+(?:\\.\\d+)*|annex(?: \\d+)?|item \\d+)';
const CITATION = new RegExp(`^${DOCUMENT} ${CLAUSE}(?:, (?:${DOCUMENT} )?${CLAUSE})*$`);

/**
 * A reference to one or more clauses as printed in the digest: `ZZ §4.4`, `WH annex`, `HB item 2`,
 * `ZZ §5.3, PY §5.3` or `ZZ §6.5, §6.3`.
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
