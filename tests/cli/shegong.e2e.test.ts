import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('shegong regions', () => {
  it('show prints the region and its parent chain as a table', () => {
    const { status, stdout } = runCli('regions', 'show', '410105001');
    expect(status).toBe(0);
    for (const name of ['经八路街道', '金水区', '郑州市', '河南省']) expect(stdout).toContain(name);
  });

  it('show --format json prints machine-readable output', () => {
    const { status, stdout } = runCli('--format', 'json', 'regions', 'show', '4201');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      code: '420100',
      name: '武汉市',
      level: 'city',
      parentChain: [{ code: '420000', name: '湖北省' }],
    });
  });

  it('children lists the townships of a county', () => {
    const { status, stdout } = runCli('--format', 'json', 'regions', 'children', '410105');
    expect(status).toBe(0);
    const rows = JSON.parse(stdout) as Array<{ level: string; parentCode: string }>;
    expect(rows.length).toBeGreaterThan(15);
    expect(rows.every((r) => r.level === 'township' && r.parentCode === '410105')).toBe(true);
  });

  it('search finds by Chinese name, best match first', () => {
    const { status, stdout } = runCli('--format', 'json', 'regions', 'search', '硚口');
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as Array<{ name: string; path: string }>)[0]).toMatchObject({
      name: '硚口区',
      path: '湖北省 / 武汉市',
    });
  });

  it('exits 2 and names the code for an unknown or malformed code', () => {
    const unknown = runCli('regions', 'show', '419999');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('REGION_NOT_FOUND');
    expect(unknown.stderr).toContain('419999');
    const malformed = runCli('regions', 'show', '41-01');
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('"41-01"');
  });

  it('exits 2 with usage for a bad option', () => {
    const { status, stderr } = runCli('regions', 'search', '金水', '--level', 'village');
    expect(status).toBe(2);
    expect(stderr).toContain('Allowed choices are province, city, county, township');
  });
});

describe('shegong catalog', () => {
  it('list <city> prints the city catalog items', () => {
    const { status, stdout } = runCli('catalog', 'list', '410900');
    expect(status).toBe(0);
    expect(stdout).toContain('濮阳市社会工作服务站服务内容');
    expect(stdout).toContain('生活无着流浪乞讨人员救助服务');
  });

  it('crosswalk <city> --format json gives every item with canonical ids and no gaps', () => {
    const { status, stdout } = runCli('--format', 'json', 'catalog', 'crosswalk', '420100');
    expect(status).toBe(0);
    const body = JSON.parse(stdout) as {
      catalog: string;
      rows: Array<{ canonical: unknown[] }>;
      unmapped: unknown[];
    };
    expect(body.catalog).toBe('wh-2021');
    expect(body.rows).toHaveLength(14);
    expect(body.unmapped).toEqual([]);
  });

  it('validate accepts the documented example of a new city', () => {
    const { status, stdout } = runCli('catalog', 'validate', 'examples/catalogs/luoyang-example.yaml');
    expect(status).toBe(0);
    expect(stdout).toContain('ly-example');
  });

  it('validate exits 2 and names the file and field of a bad catalog', () => {
    const { status, stderr } = runCli('catalog', 'validate', 'packages/catalog/data/canonical.yaml');
    expect(status).toBe(2);
    expect(stderr).toContain('CATALOG_INVALID');
    expect(stderr).toContain('canonical.yaml');
    expect(stderr).toMatch(/regionCode/);
  });

  it('exits 2 for a region no catalog covers', () => {
    const { status, stderr } = runCli('catalog', 'list', '130100');
    expect(status).toBe(2);
    expect(stderr).toContain('CATALOG_NOT_FOUND');
  });
});

describe('shegong start', () => {
  it('is not a CLI command: `pnpm start` runs the hub itself (tests/hub)', () => {
    const { status, stderr } = runCli('start');
    expect(status).toBe(2);
    expect(stderr).toContain("unknown command 'start'");
  });
});
