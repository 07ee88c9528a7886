/**
 * The report workflow in real browsers (Debian's chromium, driven by playwright-core), the county and the
 * city console side by side on the hub started in this process with the demo data: 金水区 drafts its
 * quarterly report from the hub's data, corrects a figure with a reason and submits it; Zhengzhou finds it
 * in its approval queue and returns it with a reason; the county sees the reason, drafts again and
 * resubmits; the city approves; the county sees it approved and locked. Each step is checked against what
 * the gateway answers. Screenshots go to tests/e2e/screenshots/reports-*.png (git-ignored).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '@shegong/hub';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHub, startConsoleHub } from './console-hub.ts';

const SCREENSHOTS = fileURLToPath(new URL('../e2e/screenshots/', import.meta.url));
const JINSHUI = '410105';

/**
 * The quarter of today in China (UTC+8), the period the test drafts: the demo's own reports are for the
 * quarter of its records, which has been filed already.
 */
function currentQuarter(now = new Date()): string {
  const day = new Date(now.getTime() + 8 * 60 * 60 * 1000).toISOString();
  return `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
}

/** The quarter before `2026-Q1`: `2025-Q4`. */
function previousQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** The text of each cell of each data row of the table inside `testId`. */
async function rowsOf(page: Page, testId: string): Promise<string[][]> {
  const rows = page.getByTestId(testId).locator('tbody tr.ant-table-row');
  const out: string[][] = [];
  for (const row of await rows.all())
    out.push((await row.locator('td').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim()));
  return out;
}

const count = (n: number) => new Intl.NumberFormat('zh-CN').format(n);

describe('a county report through draft, correction, return, resubmission and approval', () => {
  let ctx: ConsoleHub;
  let county: Page;
  let city: Page;
  let cityUrl: string;
  const period = currentQuarter();
  let reportId = '';
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `reports-${name}.png`), fullPage: true });

  /** The report as the gateway gives it to 金水区. */
  const asGateway = async () =>
    (await ctx.gatewayAs('jinshui')).reporting.reports.get.query({ reportId, unitRegionCode: JINSHUI });

  const signIn = async (page: Page, url: string, username: string) => {
    await page.goto(`${url}/`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  };
  const statusOf = (page: Page) =>
    page.getByTestId('report-detail').getByTestId('report-status').textContent();

  beforeAll(async () => {
    ctx = await startConsoleHub('county');
    county = ctx.page;
    cityUrl = `${ctx.hub.urls.consoles}/city`;
    // A tab of its own: the session lives in sessionStorage, one per tab.
    city = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  }, 240_000);

  afterAll(async () => {
    await ctx?.[Symbol.asyncDispose]();
  });

  it("drafts 金水区's quarterly report from the hub's data", async () => {
    await signIn(county, ctx.consoleUrl, 'jinshui');
    await county.getByRole('menuitem', { name: '报表' }).click();
    await county.waitForURL('**/county/reports');
    const form = county.getByTestId('draft-form');
    await form.waitFor();
    // The labels name the fields (keyboard and screen reader users reach them by name).
    await county.getByLabel('报表类型').waitFor();
    // The form offers the last finished quarter first; one already filed (the demo files the quarter of
    // its records) is said so before anyone clicks, and cannot be drafted again.
    const filed = (
      await (await ctx.gatewayAs('jinshui')).reporting.reports.list.query({ regionCode: JINSHUI })
    ).find((r) => r.period.key === previousQuarter(period));
    if (filed && (filed.status === 'submitted' || filed.status === 'approved')) {
      await expect
        .poll(() => county.getByTestId('draft-exists').textContent())
        .toContain(filed.status === 'submitted' ? '已提交' : '已审核');
      expect(await form.getByRole('button', { name: '生成草稿' }).isDisabled()).toBe(true);
    }
    await county.getByLabel('报告期').click();
    await county.locator(`.ant-select-item-option[title="${period}"]`).click();
    await form.getByRole('button', { name: '生成草稿' }).click();
    await county.waitForURL(`**/county/reports/${JINSHUI}/**`);
    reportId = decodeURIComponent(county.url().split('/').at(-1) ?? '');
    expect(reportId).toContain(period);

    await county.getByTestId('report-figures').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await statusOf(county)).toBe('草稿');
    const report = await asGateway();
    expect(report.status).toBe('draft');
    const rows = await rowsOf(county, 'report-figures');
    const byName = new Map(rows.map((r) => [r[0], r] as const));
    expect(byName.get('运营中社工站数')?.[1]).toBe(count(report.figures.stations.operating));
    expect(byName.get('服务记录数')?.[1]).toBe(count(report.figures.services.records));
    expect(byName.get('服务人次')?.[1]).toBe(count(report.figures.services.beneficiaries));
    expect(report.figures.stations.operating).toBeGreaterThan(0);
    await shot(county, 'draft');
  });

  it('refuses a correction without a reason, then keeps one with its reason beside the computed value', async () => {
    const before = await asGateway();
    const computed = before.figures.services.beneficiaries;
    await county.getByRole('button', { name: '更正：服务人次' }).click();
    const form = county.getByTestId('correct-form');
    await expect.poll(() => county.getByLabel('更正后的数值').inputValue()).toBe(String(computed));
    await county.getByLabel('更正后的数值').fill(String(computed + 3));
    await form.getByRole('button', { name: '保存更正' }).click();
    await form.getByText('请说明更正理由').waitFor();
    expect((await asGateway()).corrections).toEqual([]);

    await county.getByLabel('更正理由').fill('三场社区活动的纸质签到表未录入平台，已核实补报');
    await county.getByLabel('更正理由').press('Tab');
    await form.getByRole('button', { name: '保存更正' }).click();
    await expect
      .poll(async () => (await rowsOf(county, 'report-figures')).find((r) => r[0] === '服务人次'))
      .toEqual([
        '服务人次',
        count(computed),
        count(computed + 3),
        '三场社区活动的纸质签到表未录入平台，已核实补报',
        '更正',
      ]);
    const after = await asGateway();
    expect(after.corrections).toMatchObject([
      { path: 'services.beneficiaries', computed, value: computed + 3 },
    ]);
    expect(after.figures.services.beneficiaries).toBe(computed);
    expect(after.reported.services.beneficiaries).toBe(computed + 3);
  });

  it('submits it', async () => {
    await county.getByRole('button', { name: '提交报表' }).click();
    await expect.poll(() => statusOf(county)).toBe('已提交');
    const report = await asGateway();
    expect(report.status).toBe('submitted');
    expect(report.timeliness?.status).toBe('on-time');
    await shot(county, 'submitted');
  });

  it("shows in Zhengzhou's queue; the city returns it with a reason", async () => {
    await signIn(city, cityUrl, 'zhengzhou');
    await city.waitForURL('**/city/progress');
    await city.getByRole('menuitem', { name: '报表审核' }).click();
    const row = city
      .getByTestId('queue-table')
      .locator('tr', { hasText: period })
      .filter({ hasText: '金水区' });
    await row.waitFor({ timeout: 15_000 });
    await shot(city, 'queue');
    await row.getByRole('link', { name: '金水区' }).click();
    await city.waitForURL(`**/city/approvals/${JINSHUI}/**`);
    await city.getByTestId('report-figures').locator('tbody tr.ant-table-row').first().waitFor();
    const corrected = (await rowsOf(city, 'report-figures')).find((r) => r[0] === '服务人次');
    expect(corrected?.[3]).toBe('三场社区活动的纸质签到表未录入平台，已核实补报');

    const review = city.getByTestId('review-form');
    await review.getByRole('button', { name: /退\s*回/ }).click();
    await review.getByText('请填写退回理由').waitFor();
    expect((await asGateway()).status).toBe('submitted');
    await city.getByLabel('退回理由').fill('请在文字说明中补充本季度新增站点的运营情况');
    await review.getByRole('button', { name: /退\s*回/ }).click();
    await expect.poll(() => statusOf(city)).toBe('已退回');
    const report = await asGateway();
    expect(report.status).toBe('returned');
    expect(report.returnReason).toBe('请在文字说明中补充本季度新增站点的运营情况');
  });

  it('the county sees the reason, drafts again and resubmits', async () => {
    await county.reload();
    const reason = county.getByTestId('return-reason');
    await reason.waitFor({ timeout: 15_000 });
    expect(await reason.textContent()).toContain('请在文字说明中补充本季度新增站点的运营情况');
    expect(await statusOf(county)).toBe('已退回');
    await shot(county, 'returned');
    await county.getByRole('button', { name: '重新生成草稿' }).click();
    await expect.poll(() => statusOf(county)).toBe('草稿');
    // Drafting again keeps the correction.
    expect((await asGateway()).corrections).toHaveLength(1);
    await county.getByRole('button', { name: '提交报表' }).click();
    await expect.poll(() => statusOf(county)).toBe('已提交');
    expect((await asGateway()).status).toBe('submitted');
  });

  it('the city approves it', async () => {
    await city.reload();
    const review = city.getByTestId('review-form');
    await review.waitFor({ timeout: 15_000 });
    await review.getByRole('button', { name: '审核通过' }).click();
    await expect.poll(() => statusOf(city)).toBe('已审核');
    await city.getByTestId('report-locked').waitFor();
    expect(await city.getByTestId('review-form').count()).toBe(0);
    await shot(city, 'approved');
  });

  it('downloads the approved report as the XLSX sheet the gateway exports', async () => {
    const [download] = await Promise.all([
      city.waitForEvent('download'),
      city
        .getByTestId('report-download')
        .getByRole('button', { name: /导出 Excel/ })
        .click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^金水区-\d{4}年第.季度-.*\.xlsx$/);
    const file = await download.path();
    const bytes = await readFile(file);
    // An XLSX is a zip: it starts with PK.
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(4_000);
  });

  it('the county sees it approved and locked, with nothing left to change', async () => {
    await county.reload();
    await county.getByTestId('report-locked').waitFor({ timeout: 15_000 });
    expect(await statusOf(county)).toBe('已审核');
    expect(await county.getByRole('button', { name: '提交报表' }).count()).toBe(0);
    expect(await county.getByTestId('correct-form').count()).toBe(0);
    const report = await asGateway();
    expect(report).toMatchObject({ status: 'approved', locked: true });
    expect(report.approvedBy).not.toBeNull();

    await county.getByRole('link', { name: '报表' }).first().click();
    await county.waitForURL('**/county/reports');
    const row = county.getByTestId('reports-table').locator('tr', { hasText: period });
    await row.waitFor();
    expect(await row.textContent()).toContain('已锁定');
    await shot(county, 'locked');
  });
});
