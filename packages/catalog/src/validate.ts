import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type CatalogIssue, CatalogValidationError } from './errors.ts';
import { findCanonicalItem, findPopulation } from './reference-data.ts';
import { type Catalog, CatalogSchema } from './schema.ts';

/**
 * Validates a catalog given as plain data (parsed JSON or YAML): the schema first, then what a schema
 * can't say — canonical ids and population codes that exist, domain and item numbers that are unique and
 * run 1, 2, 3 …, approvals that name an existing item.
 *
 * @param source where the data came from, for messages (a file path, `request body` …)
 * @throws CatalogValidationError listing every issue
 */
export function parseCatalog(data: unknown, source = 'catalog'): Catalog {
  const parsed = CatalogSchema.safeParse(data);
  if (!parsed.success) {
    throw new CatalogValidationError(
      source,
      parsed.error.issues.map((issue) => ({ path: issue.path.map(pathPart), message: issue.message })),
    );
  }
  const issues = crossReferenceIssues(parsed.data);
  if (issues.length > 0) throw new CatalogValidationError(source, issues);
  return parsed.data;
}

function pathPart(part: PropertyKey): string | number {
  return typeof part === 'number' ? part : String(part);
}

function crossReferenceIssues(catalog: Catalog): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const numbered = catalog.domains.filter((d) => d.number !== undefined);
  numbered.forEach((domain, i) => {
    if (domain.number !== i + 1) {
      issues.push({
        path: ['domains', catalog.domains.indexOf(domain), 'number'],
        message: `domain numbers must run 1, 2, 3 …: expected ${i + 1}, found ${domain.number}`,
      });
    }
  });
  catalog.domains.forEach((domain, d) => {
    const numberedItems = domain.items.filter((item) => item.number !== undefined);
    numberedItems.forEach((item, i) => {
      if (item.number !== i + 1) {
        issues.push({
          path: ['domains', d, 'items', domain.items.indexOf(item), 'number'],
          message: `item numbers in "${domain.name}" must run 1, 2, 3 …: expected ${i + 1}, found ${item.number}`,
        });
      }
    });
    domain.items.forEach((item, i) => {
      item.canonical.forEach((id, c) => {
        if (!findCanonicalItem(id)) {
          issues.push({
            path: ['domains', d, 'items', i, 'canonical', c],
            message: `unknown canonical item "${id}"`,
          });
        }
      });
      item.populations.forEach((code, p) => {
        if (!findPopulation(code)) {
          issues.push({
            path: ['domains', d, 'items', i, 'populations', p],
            message: `unknown population "${code}"`,
          });
        }
      });
    });
  });
  catalog.approvals.forEach((approval, a) => {
    const [domainNo, itemNo] = approval.item.split('.').map(Number);
    const domain = catalog.domains.find((d) => d.number === domainNo);
    if (!domain?.items.some((item) => item.number === itemNo)) {
      issues.push({
        path: ['approvals', a, 'item'],
        message: `approval names item ${approval.item}, which is not in the catalog`,
      });
    }
  });
  return issues;
}

/**
 * Reads and validates a catalog file: `.yaml`/`.yml` or `.json`.
 * @throws CatalogValidationError naming the file and every bad field
 */
export function loadCatalogFile(path: string): Catalog {
  const text = readFileSync(path, 'utf8');
  let data: unknown;
  try {
    data = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new CatalogValidationError(path, [
      { path: [], message: `cannot be parsed: ${(error as Error).message}` },
    ]);
  }
  return parseCatalog(data, path);
}
