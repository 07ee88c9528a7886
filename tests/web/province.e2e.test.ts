/**
 * The province console in a real browser (Debian's chromium, driven by playwright-core): the hub started in
 * this process as `pnpm start` starts it (the app server building and serving the consoles, proxying /trpc
 * to the gateway), on this spec's own database with the demo data. Signs in as Henan's provincial user and
 * checks the dashboard against what the gateway answers that user, drills down to a station's finding,
 * then signs in as the ministry for the side-by-side of its three provinces. Screenshots of each page go to
 * tests/e2e/screenshots/province-*.png (git-ignored).
 */
import type { RunningHub } from '@shegong/hub';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHub, startConsoleHub } from './console-hub.ts';

/** 二七区's first demo station: only one resident worker (DEMO_VIOLATIONS). */
const ERQI_FIRST = 'st-410103001';

/** The text of each cell of each data row of the table inside `testId`. */
async function rowsOf(page: Page, testId: string): Promise<string[][]> {
  const rows = page.getByTestId(testId).locator('tbody tr.ant-table-row');
  const out: string[][] = [];
  for (const row of await rows.all())
    out.push((await row.locator('td').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim()));
  return out;
}

/** What the test reads of a `<canvas>` in the page (this package has no DOM types). */
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
  } | null;
}

/** A count as the console writes it (zh-CN grouping: 2,586). */
const count = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
const percent = (share: number) =>
  new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 2 }).format(share);

describe('the province console', () => {
  let ctx: ConsoleHub;
  let hub: RunningHub;
  let page: Page;
  let consoleUrl: string;
  let log: string[];
  const shot = (name: string) => ctx.shot(name);

  const signIn = (username: string) => ctx.signIn(username);
  const gatewayAs = (username: string) => ctx.gatewayAs(username);

  beforeAll(async () => {
    ctx = await startConsoleHub('province');
    ({ hub, page, consoleUrl, log } = ctx);
  }, 240_000);

  afterAll(async () => {
    await ctx?.[Symbol.asyncDispose]();
  });

  it('is built and served by the hub beside the county console', async () => {
    expect(log.join('\n')).toMatch(
      /consoles: (built the province console|the province console is up to date)/,
    );
    const index = await fetch(`${consoleUrl}/regions/410100`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="root">');
    expect((await fetch(`${hub.urls.consoles}/county/stations`)).status).toBe(200);
  });

  it("shows Henan's coverage by city exactly as the gateway gives it, with the chart drawn", async () => {
    await signIn('henan');
    await page.waitForURL('**/province/dashboard/410000');
    await page
      .getByTestId('coverage-table')
      .locator('tbody tr.ant-table-row')
      .first()
      .waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('shell-region').textContent()).toContain('河南省');
    expect(await page.getByTestId('dashboard-title').textContent()).toContain('河南省');

    const coverage = await (await gatewayAs('henan')).reporting.rollups.coverage.query({
      regionCode: '410000',
    });
    expect(coverage.children.length).toBeGreaterThan(10);
    expect(coverage.operatingStations).toBeGreaterThan(0);
    const shown = await rowsOf(page, 'coverage-table');
    expect(shown).toEqual(
      coverage.children.map((c) => [
        c.name,
        count(c.operatingStations),
        `${count(c.coveredTownships)} / ${count(c.townships)}`,
        percent(c.coverage),
      ]),
    );
    expect(shown.find((r) => r[0] === '郑州市')?.[1]).not.toBe('0');

    // Staffing compliance by city: the cities with operating stations, the numbers the gateway gives.
    const compliance = await (await gatewayAs('henan')).reporting.compliance.summary.query({
      regionCode: '410000',
    });
    expect(await rowsOf(page, 'compliance-table')).toEqual(
      compliance.children.map((c) => [
        c.name,
        count(c.stations),
        count(c.compliant),
        count(c.nonCompliant),
        count(c.notEvaluated),
      ]),
    );
    // Service volumes: the latest demo month, by canonical domain.
    await page
      .getByTestId('services-table')
      .locator('tbody tr.ant-table-row')
      .first()
      .waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('services-period').textContent()).toMatch(/^\d{4}-\d{2} /);
    expect((await rowsOf(page, 'services-table')).map((r) => r[0])).toContain('社会救助');

    // The chart: an ECharts canvas with something painted on it.
    const canvas = page.getByTestId('coverage-chart').locator('canvas').first();
    await canvas.waitFor({ timeout: 15_000 });
    await expect
      .poll(() =>
        canvas.evaluate((c: Canvas) => {
          const context = c.getContext('2d');
          if (!context || c.width === 0 || c.height === 0) return 0;
          const pixels = context.getImageData(0, 0, c.width, c.height).data;
          let painted = 0;
          for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) painted++;
          return painted;
        }),
      )
      .toBeGreaterThan(1_000);
    await expect.poll(() => page.getByTestId('data-as-of').first().textContent()).toMatch(/^数据截至 /);
    // Henan's user reads one province: no switcher, no comparison.
    expect(await page.getByTestId('province-switcher').count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: '多省对比' }).count()).toBe(0);
    await shot('dashboard');
  });

  it('drills down 郑州市 → 二七区 → its first station, to the min-residents finding and its clause', async () => {
    await page.getByTestId('coverage-table').getByRole('link', { name: '郑州市' }).click();
    await page.waitForURL('**/province/regions/410100');
    const counties = page.getByTestId('county-coverage');
    await counties.locator('tbody tr.ant-table-row').first().waitFor({ timeout: 15_000 });
    const zhengzhou = await (await gatewayAs('henan')).reporting.rollups.coverage.query({
      regionCode: '410100',
    });
    expect((await rowsOf(page, 'county-coverage')).map((r) => r[0])).toEqual(
      zhengzhou.children.map((c) => c.name),
    );
    await shot('city');

    await counties.getByRole('link', { name: '二七区' }).click();
    await page.waitForURL('**/province/regions/410103');
    const stations = page.getByTestId('county-stations');
    await stations.locator('tbody tr.ant-table-row').first().waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('region-trail').textContent()).toMatch(/河南省.*郑州市.*二七区/);
    // Every township code with its name (regions.names through the gateway).
    for (const cell of (await rowsOf(page, 'county-stations')).map((r) => r[1]))
      expect(cell).toMatch(/^410103\d{3} \S+(街道|镇|乡)$/);
    await shot('county');

    await stations.locator(`a[href$="/stations/${ERQI_FIRST}"]`).click();
    await page.waitForURL(`**/province/stations/${ERQI_FIRST}`);
    const finding = page.getByTestId('compliance').locator('tr', { hasText: 'staffing.min-residents' });
    await finding.waitFor({ timeout: 15_000 });
    expect(await finding.textContent()).toContain('ZZ §4.4');
    expect(await finding.textContent()).toContain('违规');
    await expect
      .poll(() => page.getByTestId('region-trail').textContent())
      .toMatch(/河南省.*郑州市.*二七区.*社会工作服务站/);
    await shot('station');
  });

  it('switches to English', async () => {
    await page.getByText('English', { exact: true }).click();
    await page.getByText('Staffing compliance').first().waitFor();
    await page.goto(`${consoleUrl}/dashboard`);
    await page.getByText('Township coverage by city').waitFor({ timeout: 15_000 });
    await shot('dashboard-en');
    await page.getByText('简体中文', { exact: true }).click();
    await page.getByText('各市乡镇（街道）社工站覆盖').waitFor();
  });

  it("refuses Hubei to Henan's user: the server answers 403, and the page says so", async () => {
    await page.goto(`${consoleUrl}/dashboard/420000`);
    const refused = page.getByTestId('dashboard-error');
    await refused.waitFor({ timeout: 15_000 });
    expect(await refused.textContent()).toContain('无权查看');
  });

  it("lists the ministry's three provinces side by side, and switches between them", async () => {
    await page.getByRole('button', { name: /退出登录/ }).click();
    await signIn('ministry');
    await page.waitForURL('**/province/dashboard/410000');
    const switcher = page.getByTestId('province-switcher');
    await expect.poll(() => switcher.textContent(), { timeout: 15_000 }).toMatch(/河南省.*湖北省.*河北省/);

    await page.getByRole('menuitem', { name: '多省对比' }).click();
    await page.waitForURL('**/province/compare');
    await page
      .getByTestId('compare-table')
      .locator('tbody tr.ant-table-row')
      .first()
      .waitFor({ timeout: 15_000 });
    const rows = await rowsOf(page, 'compare-table');
    expect(rows.map((r) => r[0])).toEqual(['河南省', '湖北省', '河北省']);
    const ministry = await gatewayAs('ministry');
    for (const [i, code] of ['410000', '420000', '130000'].entries()) {
      const coverage = await ministry.reporting.rollups.coverage.query({ regionCode: code });
      const compliance = await ministry.reporting.compliance.summary.query({ regionCode: code });
      expect(rows[i]).toEqual([
        coverage.name,
        count(coverage.operatingStations),
        `${count(coverage.coveredTownships)} / ${count(coverage.townships)}`,
        percent(coverage.coverage),
        count(compliance.compliant),
        count(compliance.nonCompliant),
        count(compliance.notEvaluated),
      ]);
    }
    await shot('compare');

    await page.getByTestId('compare-table').getByRole('link', { name: '湖北省' }).click();
    await page.waitForURL('**/province/dashboard/420000');
    await page
      .getByTestId('coverage-table')
      .getByRole('link', { name: '武汉市' })
      .waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('dashboard-title').textContent()).toContain('湖北省');
    await shot('dashboard-hubei');
  });
});
