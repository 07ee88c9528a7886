/**
 * The city console in a real browser (Debian's chromium, driven by playwright-core): the hub started in
 * this process as `pnpm start` starts it (the app server building and serving the consoles, proxying /trpc
 * to the gateway), on this spec's own database with the demo data. Signs in as Zhengzhou's city user and
 * checks its three screens — counties' progress against plan, catalog governance, the approval queue of
 * county reports — against what the gateway answers that user. Screenshots go to
 * tests/e2e/screenshots/city-*.png (git-ignored).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHub, startConsoleHub } from './console-hub.ts';

/** The text of each cell of each data row of the table inside `testId`. */
async function rowsOf(page: Page, testId: string): Promise<string[][]> {
  const rows = page.getByTestId(testId).locator('tbody tr.ant-table-row');
  const out: string[][] = [];
  for (const row of await rows.all())
    out.push((await row.locator('td').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim()));
  return out;
}

/** A count and a share as the console writes them in zh-CN. */
const count = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
const percent = (share: number) =>
  new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 2 }).format(share);

describe('the city console', () => {
  let ctx: ConsoleHub;
  let page: Page;
  const shot = (name: string) => ctx.shot(name);

  beforeAll(async () => {
    ctx = await startConsoleHub('city');
    ({ page } = ctx);
  }, 240_000);

  afterAll(async () => {
    await ctx?.[Symbol.asyncDispose]();
  });

  it('is built and served by the hub beside the county and province consoles', async () => {
    expect(ctx.log.join('\n')).toMatch(/consoles: (built the city console|the city console is up to date)/);
    const index = await fetch(`${ctx.consoleUrl}/approvals/410105/anything`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="root">');
  });

  it("shows Zhengzhou's counties' coverage exactly as the gateway counts it, beside the plan's targets", async () => {
    await ctx.signIn('zhengzhou');
    await page.waitForURL('**/city/progress');
    await page
      .getByTestId('progress-table')
      .locator('tbody tr.ant-table-row')
      .first()
      .waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('shell-region').textContent()).toContain('郑州市');

    const coverage = await (await ctx.gatewayAs('zhengzhou')).reporting.rollups.coverage.query({
      regionCode: '410100',
    });
    const rows = await rowsOf(page, 'progress-table');
    expect(rows.map((r) => r[0])).toEqual(coverage.children.map((c) => c.name));
    for (const [i, c] of coverage.children.entries()) {
      expect(rows[i]?.[1]).toBe(count(c.operatingStations));
      expect(rows[i]?.[2]).toBe(`${count(c.coveredTownships)} / ${count(c.townships)}`);
      expect(rows[i]?.[3]).toBe(percent(c.coverage));
    }
    expect(await page.getByTestId('progress-city').textContent()).toContain(
      `覆盖乡镇（街道）${count(coverage.coveredTownships)} / ${count(coverage.townships)} 个`,
    );
    // 金水区 has stations in the demo and the ZZ §5 targets of its own: full coverage by 2022 and 2023.
    const jinshui = rows.find((r) => r[0] === '金水区');
    const jinshuiCounts = coverage.children.find((c) => c.name === '金水区');
    expect(jinshuiCounts?.operatingStations).toBeGreaterThan(0);
    expect(jinshui?.[4]).toContain('全覆盖（2022年12月31日）');
    const gap = (jinshuiCounts?.townships ?? 0) - (jinshuiCounts?.coveredTownships ?? 0);
    expect(jinshui?.[4]).toContain(gap > 0 ? `当前差 ${count(gap)} 个` : '当前已达到');
    // The citywide target of 70 stations by 2021 [ZZ §5], against the city's covered townships.
    const cityWide = page.getByTestId('city-targets');
    expect(await cityWide.textContent()).toContain('2021年全市共建成70个乡镇（街道）社工站');
    expect(await cityWide.textContent()).toContain(
      coverage.coveredTownships >= 70 ? '当前已达到' : `当前差 ${count(70 - coverage.coveredTownships)} 个`,
    );
    await expect.poll(() => page.getByTestId('data-as-of').first().textContent()).toMatch(/^数据截至 /);
    await shot('progress');
  });

  it("shows Zhengzhou's catalog with its crosswalk and what awaits provincial approval [ZZ §3]", async () => {
    await page.getByRole('menuitem', { name: '服务目录' }).click();
    await page.waitForURL('**/city/catalog');
    const table = page.getByTestId('catalog-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor({ timeout: 15_000 });
    const rows = await rowsOf(page, 'catalog-table');
    const summary = (await page.getByTestId('catalog-counts').textContent()) ?? '';
    const [, items, awaiting] = /共 (\d+) 项，待省级审批 (\d+) 项/.exec(summary) ?? [];
    expect(rows.length).toBe(Number(items));
    expect(await page.getByTestId('catalog-page').textContent()).toContain('社会工作站服务内容（试行）');
    // 1.1 政策宣传 maps onto the canonical policy-outreach item of social assistance.
    expect(rows[0]?.slice(0, 3)).toEqual(['1.1', '社会救助', '政策宣传']);
    expect(rows[0]?.[4]).toBe('范围内');
    expect(await page.getByTestId('awaiting-approval').count()).toBe(Number(awaiting));
    await shot('catalog');

    await page.getByText(/^待省级审批（\d+）$/).click();
    if (Number(awaiting) === 0) await page.getByText('没有待省级审批的事项').waitFor();
    else expect((await rowsOf(page, 'catalog-table')).length).toBe(Number(awaiting));
  });

  it("lists the counties' submitted reports as the gateway does, and opens one with its figures", async () => {
    // 金水区 files its quarterly report through the gateway, as its console does (for a quarter the demo's
    // own reports leave alone: they are for the quarter of its service records).
    const county = await ctx.gatewayAs('jinshui');
    const draft = await county.reporting.reports.draft.mutate({
      definitionId: 'county-quarterly-report',
      unitRegionCode: '410105',
      period: '2026-Q2',
    });
    await county.reporting.reports.correct.mutate({
      reportId: draft.id,
      unitRegionCode: '410105',
      path: 'services.records',
      value: draft.figures.services.records + 2,
      reason: '两条线下服务记录未录入',
    });
    await county.reporting.reports.submit.mutate({ reportId: draft.id, unitRegionCode: '410105' });

    await page.getByRole('menuitem', { name: '报表审核' }).click();
    await page.waitForURL('**/city/approvals');
    await page.getByTestId('queue-table').locator('tbody tr.ant-table-row').first().waitFor();
    const listed = await (await ctx.gatewayAs('zhengzhou')).reporting.reports.list.query({
      regionCode: '410100',
    });
    const pending = listed.filter((r) => r.status === 'submitted' && r.unitRegionCode !== '410100');
    const rows = await rowsOf(page, 'queue-table');
    expect(rows.map((r) => [r[0], r[2]])).toEqual(pending.map((r) => [r.unitName, r.period.key]));
    expect(rows.every((r) => r[3] === '已提交')).toBe(true);
    expect(rows.map((r) => r[2])).toContain('2026-Q2');
    await shot('approvals');

    await page
      .getByTestId('queue-table')
      .locator('tr', { hasText: '2026-Q2' })
      .getByRole('link', { name: '金水区' })
      .click();
    await page.waitForURL(`**/city/approvals/410105/${draft.id}`);
    const figures = page.getByTestId('report-figures');
    await figures.locator('tbody tr.ant-table-row').first().waitFor();
    const report = await (await ctx.gatewayAs('zhengzhou')).reporting.reports.get.query({
      reportId: draft.id,
      unitRegionCode: '410105',
    });
    const records = (await rowsOf(page, 'report-figures')).find((r) => r[0] === '服务记录数');
    expect(records).toEqual([
      '服务记录数',
      count(report.figures.services.records),
      count(report.reported.services.records),
      '两条线下服务记录未录入',
    ]);
    const operating = (await rowsOf(page, 'report-figures')).find((r) => r[0] === '运营中社工站数');
    expect(operating?.[1]).toBe(count(report.figures.stations.operating));
    await page.getByTestId('review-form').waitFor();
    await shot('approval-report');
  });

  it('switches to English', async () => {
    await page.getByText('English', { exact: true }).click();
    await page.getByText('Computed', { exact: true }).waitFor();
    expect(await page.getByTestId('report-figures').textContent()).toContain('Service records');
  });
});
