import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getCatalog } from './catalogs.ts';
import { CatalogValidationError } from './errors.ts';
import { checkProvincialScope } from './governance.ts';
import type { CatalogInput } from './schema.ts';
import { loadCatalogFile, parseCatalog } from './validate.ts';

const EXAMPLE = fileURLToPath(new URL('../../../examples/catalogs/luoyang-example.yaml', import.meta.url));

function minimal(overrides: Partial<CatalogInput> = {}): CatalogInput {
  return {
    id: 'test-city',
    version: '1',
    regionCode: '410300',
    title: '测试目录',
    document: { ref: '测试' },
    citation: 'ZZ §3',
    structure: 'domains',
    domains: [
      {
        number: 1,
        name: '社会救助',
        items: [
          { number: 1, name: '政策宣传', description: '宣传社会救助政策', canonical: ['sa.policy-outreach'] },
        ],
      },
    ],
    ...overrides,
  };
}

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogValidationError);
    return (error as CatalogValidationError).issues;
  }
  throw new Error('expected a CatalogValidationError');
}

describe('parseCatalog', () => {
  it('accepts a minimal catalog and fills defaults', () => {
    const catalog = parseCatalog(minimal());
    expect(catalog.approvals).toEqual([]);
    expect(catalog.domains[0]?.items[0]?.populations).toEqual([]);
  });

  it('names every schema problem with its path', () => {
    const bad = minimal({ regionCode: '4103', citation: 'somewhere' });
    (bad.domains[0]?.items[0] as Record<string, unknown>).name = '';
    const issues = issuesOf(() => parseCatalog(bad, 'bad.yaml'));
    expect(issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['regionCode', 'citation', 'domains.0.items.0.name']),
    );
  });

  it('rejects unknown canonical items and populations, naming them', () => {
    const bad = minimal();
    const item = bad.domains[0]?.items[0];
    if (!item) throw new Error('fixture');
    item.canonical = ['sa.policy-outreach', 'sa.not-a-thing'];
    item.populations = ['dibao', 'martians'];
    const issues = issuesOf(() => parseCatalog(bad));
    expect(issues).toEqual([
      {
        path: ['domains', 0, 'items', 0, 'canonical', 1],
        message: 'unknown canonical item "sa.not-a-thing"',
      },
      { path: ['domains', 0, 'items', 0, 'populations', 1], message: 'unknown population "martians"' },
    ]);
  });

  it('rejects numbering that skips or repeats', () => {
    const bad = minimal();
    bad.domains[0]?.items.push({
      number: 3,
      name: '心理疏导',
      description: '心理支持',
      canonical: ['sa.psychological-support'],
    });
    bad.domains.push({ number: 3, name: '养老服务', items: [] });
    const issues = issuesOf(() => parseCatalog(bad));
    expect(issues.map((i) => i.message)).toEqual([
      'domain numbers must run 1, 2, 3 …: expected 2, found 3',
      'item numbers in "社会救助" must run 1, 2, 3 …: expected 2, found 3',
    ]);
  });

  it('rejects an approval for an item that does not exist', () => {
    const bad = minimal({
      approvals: [{ item: '1.9', approvedBy: '省民政厅', document: '批复', date: '2026-01-01' }],
    });
    expect(issuesOf(() => parseCatalog(bad))[0]).toMatchObject({ path: ['approvals', 0, 'item'] });
  });
});

describe('loadCatalogFile', () => {
  it('loads the documented example of a new city, defined as data only', () => {
    const catalog = loadCatalogFile(EXAMPLE);
    expect(catalog.id).toBe('ly-example');
    expect(checkProvincialScope(catalog)).toEqual([]);
  });

  it('reads JSON too, and names the file when it cannot be parsed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    const good = join(dir, 'city.json');
    writeFileSync(good, JSON.stringify(minimal()));
    expect(loadCatalogFile(good).id).toBe('test-city');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"id": ');
    expect(() => loadCatalogFile(broken)).toThrow(new RegExp(`${broken}.*cannot be parsed`, 's'));
  });
});

describe('provincial scope [ZZ §3]', () => {
  it('is kept by the Henan cities as published', () => {
    expect(checkProvincialScope(getCatalog('zz-2021'))).toEqual([]);
    expect(checkProvincialScope(getCatalog('py-2021'))).toEqual([]);
  });

  it('flags an item outside the provincial catalog without an approval, and clears it with one', () => {
    const extra = {
      number: 2,
      name: '巡访探视',
      description: '对高龄老人定期巡访',
      canonical: ['el.care-visits'],
    };
    const withoutApproval = parseCatalog(
      minimal({
        provincialCatalog: 'henan-2020',
        domains: [
          {
            ...minimal().domains[0],
            number: 1,
            name: '社会救助',
            items: [...(minimal().domains[0]?.items ?? []), extra],
          },
        ],
      }),
    );
    const violations = checkProvincialScope(withoutApproval);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({
      ruleId: 'catalog.provincial-scope',
      citation: 'ZZ §3',
      ref: '1.2',
      outsideScope: ['el.care-visits'],
    });
    expect(violations[0]?.message.zh).toContain('巡访探视');

    const approved = parseCatalog({
      ...withoutApproval,
      approvals: [{ item: '1.2', approvedBy: '河南省民政厅', document: '批复', date: '2026-01-01' }],
    });
    expect(checkProvincialScope(approved)).toEqual([]);
  });

  it('does not apply to a catalog with no provincial catalog (Wuhan)', () => {
    expect(checkProvincialScope(getCatalog('wh-2021'))).toEqual([]);
  });
});
