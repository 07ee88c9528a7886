/**
 * The province console's report, budget and plan screens in a real browser (Debian's chromium, driven by
 * playwright-core), on the hub started in this process with the demo data. Signs in as Henan's provincial
 * user and checks each screen against what the gateway answers that user: report completeness and
 * timeliness by city, drilled to Puyang and its never-filed county report with its days late; budget
 * execution by city and county in 元 from integer fen; plan vs actual with its gap list. Screenshots go to
 * tests/e2e/screenshots/province-{completeness,funding,plans}.png (git-ignored).
 */
import { DEMO_PASSWORD } from '@shegong/hub';
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

/** Waits for the first data row of the table inside `testId`. */
const tableReady = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('tbody tr.ant-table-row').first().waitFor({ timeout: 20_000 });

/** A page that drills down refetches: give it the time two shared cores need. */
const POLL = { timeout: 15_000 };

/** Figures as the console writes them in zh-CN: counts grouped, shares in %, money in 元 from fen. */
const count = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
const percentBp = (bp: number) =>
  new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
/** Integer fen as `1,234.56 元`, computed here independently of the console's formatter. */
function yuan(fen: number): string {
  const whole = new Intl.NumberFormat('zh-CN').format(Math.trunc(fen / 100));
  return `${whole}.${String(fen % 100).padStart(2, '0')} 元`;
}

/** The latest quarter that has ended, by this machine's clock (the screen's default period). */
function latestQuarter(today = new Date()): string {
  const q = Math.floor(today.getMonth() / 3) + 1;
  return q === 1 ? `${today.getFullYear() - 1}-Q4` : `${today.getFullYear()}-Q${q - 1}`;
}

describe("the province console's reports, budget and plan screens", () => {
  let ctx: ConsoleHub;
  let page: Page;
  let henan: Awaited<ReturnType<ConsoleHub['gatewayAs']>>;
  const period = latestQuarter();

  beforeAll(async () => {
    ctx = await startConsoleHub('province');
    ({ page } = ctx);
    henan = await ctx.gatewayAs('henan');
    await ctx.signIn('henan');
    await page.waitForURL('**/province/dashboard/410000');
  }, 240_000);

  afterAll(async () => {
    await ctx?.[Symbol.asyncDispose]();
  });

  it('shows completeness and timeliness by city as the gateway counts them, with the overdue list', async () => {
    await page.getByRole('menuitem', { name: '报表报送' }).click();
    await page.waitForURL('**/province/completeness/410000');
    await tableReady(page, 'completeness-table');
    const api = await henan.reporting.reports.completeness.query({
      regionCode: '410000',
      period,
      overdueLimit: 20,
      overdueOffset: 0,
    });
    expect(await page.getByTestId('period-select').textContent()).toContain(period);
    const rows = await rowsOf(page, 'completeness-table');
    expect(rows.map((r) => r[0])).toEqual(api.children.map((c) => c.name));
    for (const [i, c] of api.children.entries()) {
      const f = c.totals;
      expect(rows[i]?.slice(1)).toEqual([
        count(f.expected),
        count(f.owed),
        count(f.received),
        count(f.onTime),
        count(f.late),
        count(f.overdue),
        percentBp(f.completenessBasisPoints),
        percentBp(f.timelinessBasisPoints),
      ]);
    }
    // The demo's county reports for the quarter are in Zhengzhou and Puyang: expected there, and some overdue.
    expect(api.region.totals.expected).toBeGreaterThan(0);
    expect(api.overdue.total).toBeGreaterThan(0);
    const totals = (await page.getByTestId('completeness-totals').textContent()) ?? '';
    expect(totals).toContain(`应报${count(api.region.totals.expected)}`);
    expect(totals).toContain(`逾期未报${count(api.region.totals.overdue)}`);
    expect(totals).toContain(`完整率${percentBp(api.region.totals.completenessBasisPoints)}`);
    expect(await page.getByTestId('overdue').textContent()).toContain(
      `逾期未报清单（${count(api.overdue.total)} 份）`,
    );
    const overdue = await rowsOf(page, 'overdue-table');
    expect(overdue.map((r) => [r[0], r[2], r[4]])).toEqual(
      api.overdue.items.map((o) => [o.unitName, o.periodKey, `逾期 ${count(o.daysLate)} 天`]),
    );
    await expect.poll(() => page.getByTestId('data-as-of').first().textContent()).toMatch(/^数据截至 /);
    await ctx.shot('completeness');
  });

  it("drills down to Puyang, where 华龙区's quarterly report was never filed, with its days late", async () => {
    await page.getByTestId('completeness-table').getByRole('link', { name: '濮阳市' }).click();
    await page.waitForURL(`**/province/completeness/410900?period=${period}`);
    await expect.poll(() => page.getByTestId('completeness-title').textContent(), POLL).toContain('濮阳市');
    await tableReady(page, 'overdue-table');
    const api = await henan.reporting.reports.completeness.query({
      regionCode: '410900',
      period,
      overdueLimit: 20,
      overdueOffset: 0,
    });
    // The demo never files 华龙区's report (apps/hub/src/demo/load-reports.ts: the fourth county, `missing`).
    const missing = api.overdue.items.find(
      (o) => o.unitRegionCode === '410902' && o.definitionId === 'county-quarterly-report',
    );
    expect(missing).toBeDefined();
    expect(missing?.daysLate).toBeGreaterThan(0);
    const overdue = await rowsOf(page, 'overdue-table');
    const row = overdue.find((r) => r[0] === '华龙区');
    expect(row?.[2]).toBe(period);
    expect(row?.[4]).toBe(`逾期 ${count(missing?.daysLate ?? 0)} 天`);
    const rows = await rowsOf(page, 'completeness-table');
    expect(rows.map((r) => r[0])).toEqual(api.children.map((c) => c.name));
    expect(await page.getByTestId('screen-trail').textContent()).toContain('河南省');

    // and on to the county itself
    await page.getByTestId('completeness-table').getByRole('link', { name: '华龙区' }).click();
    await page.waitForURL('**/province/completeness/410902?**');
    await expect.poll(() => page.getByTestId('completeness-title').textContent(), POLL).toContain('华龙区');
    await tableReady(page, 'overdue-table');
    expect((await rowsOf(page, 'overdue-table')).map((r) => r[0])).toContain('华龙区');
  });

  it("shows budget execution by city and county equal to the gateway's executionSummary, in 元", async () => {
    await page.getByRole('menuitem', { name: '预算执行' }).click();
    await page.waitForURL('**/province/funding/410000');
    // The screen opens on the latest year with any money in it (the demo's purchases are of 2021).
    let year = new Date().getFullYear();
    let province = await henan.funding.funding.executionSummary.query({ regionCode: '410000', year });
    while (province.contractCount + province.budgetCount + province.paymentCount === 0 && year > 2021) {
      year -= 1;
      province = await henan.funding.funding.executionSummary.query({ regionCode: '410000', year });
    }
    await tableReady(page, 'execution-table');
    expect(await page.getByTestId('year-select').textContent()).toContain(`${year}年`);
    expect(province.budgetedFen).toBeGreaterThan(0);
    expect(await page.getByTestId('total-contracted').textContent()).toContain(yuan(province.contractedFen));
    expect(await page.getByTestId('total-budgeted').textContent()).toContain(yuan(province.budgetedFen));
    expect(await page.getByTestId('total-paid').textContent()).toContain(yuan(province.paidFen));
    if (province.executionBp !== null)
      expect(await page.getByTestId('total-execution').textContent()).toContain(
        percentBp(province.executionBp),
      );

    const cities = await henan.regions.children.query({ code: '410000' });
    const perCity = await Promise.all(
      cities.map((c) => henan.funding.funding.executionSummary.query({ regionCode: c.code, year })),
    );
    const rows = await rowsOf(page, 'execution-table');
    expect(rows.map((r) => r[0])).toEqual(cities.map((c) => c.name));
    for (const [i, s] of perCity.entries()) {
      expect(rows[i]?.slice(1, 7)).toEqual([
        count(s.contractCount),
        yuan(s.contractedFen),
        count(s.budgetCount),
        yuan(s.budgetedFen),
        count(s.paymentCount),
        yuan(s.paidFen),
      ]);
    }
    // The cities' rows add up to the province's own totals, to the fen.
    expect(perCity.reduce((sum, s) => sum + s.paidFen, 0)).toBe(province.paidFen);
    expect(perCity.reduce((sum, s) => sum + s.budgetedFen, 0)).toBe(province.budgetedFen);
    const total = await page.getByTestId('execution-total').locator('td').allTextContents();
    expect(total.slice(0, 7).map((c) => c.trim())).toEqual([
      '河南省',
      count(province.contractCount),
      yuan(province.contractedFen),
      count(province.budgetCount),
      yuan(province.budgetedFen),
      count(province.paymentCount),
      yuan(province.paidFen),
    ]);
    await ctx.shot('funding');

    // 郑州市 by county: the rows are its summary's counties.
    await page.getByTestId('execution-table').getByRole('link', { name: '郑州市' }).click();
    await page.waitForURL(`**/province/funding/410100?year=${year}`);
    await expect.poll(() => page.getByTestId('funding-title').textContent(), POLL).toContain('郑州市');
    await tableReady(page, 'execution-table');
    const city = await henan.funding.funding.executionSummary.query({ regionCode: '410100', year });
    expect(city.byCounty.length).toBeGreaterThan(0);
    await expect
      .poll(async () => (await rowsOf(page, 'execution-table')).map((r) => r[6]), POLL)
      .toEqual(city.byCounty.map((c) => yuan(c.paidFen)));
    expect(await page.getByTestId('total-paid').textContent()).toContain(yuan(city.paidFen));
  });

  it("shows plan vs actual with the gap list the gateway's plans.progress gives", async () => {
    await page.getByRole('menuitem', { name: '规划目标' }).click();
    await page.waitForURL('**/province/plans/410000');
    await tableReady(page, 'plan-gaps-table');
    const api = await henan.reporting.plans.progress.query({ regionCode: '410000', gapLimit: 50 });
    expect(api.gaps.total).toBeGreaterThan(0);
    expect(await page.getByTestId('gap-count').textContent()).toContain(count(api.gaps.total));
    expect(await page.getByTestId('plan-gaps').textContent()).toContain(
      `未覆盖乡镇（街道）（${count(api.gaps.total)} 个）`,
    );
    const gaps = await rowsOf(page, 'plan-gaps-table');
    expect(gaps.map((r) => r[0])).toEqual(api.gaps.items.map((g) => g.name));
    expect(await page.getByTestId('count-missed').textContent()).toContain(count(api.statusCounts.missed));
    const targets = await rowsOf(page, 'plan-targets-table');
    // A 力争 target's title carries its binding after it.
    expect(targets.map((r) => r[0]?.replace(/ ?（力争）$/, ''))).toEqual(api.targets.map((x) => x.title));
    await ctx.shot('plans');

    // Puyang: its annex 1 [PY annex 1], 89 = 27 + 32 + 30, against its stations.
    await page.getByTestId('plans-drill').getByRole('link', { name: '濮阳市' }).click();
    await page.waitForURL('**/province/plans/410900');
    await expect.poll(() => page.getByTestId('plans-title').textContent(), POLL).toContain('濮阳市');
    await tableReady(page, 'plan-targets-table');
    const puyang = await henan.reporting.plans.progress.query({ regionCode: '410900', gapLimit: 50 });
    const totals = puyang.targets.filter((x) => /^py-2021\/total\/\d{4}$/.test(x.id)).map((x) => x.target);
    expect(totals).toEqual([27, 59, 89]);
    await expect
      .poll(async () => (await rowsOf(page, 'plan-targets-table')).length, POLL)
      .toBe(puyang.targets.length);
    const rows = await rowsOf(page, 'plan-targets-table');
    const status = { met: '已达成', missed: '未按期达成', pending: '未到期', indeterminate: '无法判定' };
    for (const [i, x] of puyang.targets.entries()) {
      expect(rows[i]?.[3]).toBe(x.citation);
      expect(rows[i]?.[7]).toBe(status[x.status]);
    }
    expect(await page.getByTestId('gap-count').textContent()).toContain(count(puyang.gaps.total));
  });

  it("is what the city console's progress page shows as each target's judgement by its deadline", async () => {
    // The same hub serves the city console: Zhengzhou's progress page asks plans.progress too.
    const city = await (await ctx.browser.newContext({ locale: 'zh-CN' })).newPage();
    await city.goto(`${ctx.hub.urls.consoles}/city/`);
    await city.getByLabel('用户名').fill('zhengzhou');
    await city.getByLabel('密码').fill(DEMO_PASSWORD);
    await city.getByRole('button', { name: /登\s*录/ }).click();
    await city.waitForURL('**/city/progress');
    const zhengzhou = await ctx.gatewayAs('zhengzhou');
    const api = await zhengzhou.reporting.plans.progress.query({ regionCode: '410100', gapLimit: 0 });
    const citywide = api.targets.find((x) => x.id === 'zz-2021/citywide-70');
    expect(citywide).toMatchObject({ deadline: '2021-12-31', target: 70, citation: 'ZZ §5' });
    const judged = {
      met: '按期已达成',
      missed: '截止日未达成',
      pending: '未到截止日',
      indeterminate: '无法判定',
    };
    await expect
      .poll(() => city.getByTestId('city-targets').textContent(), POLL)
      .toContain(`当前差 ${count(70 - api.coverage.covered)} 个 · ${judged[citywide?.status ?? 'met']}`);
  });
});
