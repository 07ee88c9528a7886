export {
  type Citation,
  CitationSchema,
  type PolicyDocumentId,
  PolicyDocumentIdSchema,
  parseCitation,
} from './citation.ts';
export { DomainError, formatPath } from './errors.ts';
