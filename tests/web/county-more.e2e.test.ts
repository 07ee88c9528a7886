/**
 * The county console's operators, service records and PII reveal in a real browser (Debian's chromium,
 * playwright-core), on the hub with the demo data. What the screens show is checked against what the
 * gateway answers the same user. Screenshots go to tests/e2e/screenshots/county-*.png.
 */
import { DEMO_PASSWORD } from '@shegong/hub';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHub, startConsoleHub } from './console-hub.ts';

/** 金水区's second demo station (two or more resident workers, three months of records). */
const STATION = 'st-410105002';
/** 中牟县's operator, brought in from 开封 rated 2A: fails the imported-rating rule [ZZ §4.1]. */
const ZHONGMU_OPERATOR = 'op-410122';

describe('the county console: operators, service records, PII reveal', () => {
  let ctx: ConsoleHub;
  let page: Page;

  beforeAll(async () => {
    ctx = await startConsoleHub('county');
    page = ctx.page;
  }, 240_000);

  afterAll(async () => {
    await ctx?.[Symbol.asyncDispose]();
  });

  it('lists the operators the gateway returns, and 中牟县’s shows its imported-rating finding', async () => {
    await ctx.signIn('jinshui');
    await page.getByTestId('shell-user').waitFor({ timeout: 20_000 });
    await page.goto(`${ctx.consoleUrl}/operators`);
    const table = page.getByTestId('operators-page');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const listed = await (await ctx.gatewayAs('jinshui')).registry.operators.list.query({ limit: 20 });
    const names = await table.locator('tbody tr td:first-child').allTextContents();
    const codes = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(names).toEqual(listed.items.map((o) => o.name));
    expect(codes).toEqual(listed.items.map((o) => o.unifiedSocialCreditCode));
    const zhongmu = listed.items.find((o) => o.id === ZHONGMU_OPERATOR);
    expect(zhongmu?.findings.map((f) => f.ruleId)).toContain('operator.imported-rating');
    const row = table.locator('tbody tr', { hasText: zhongmu?.name ?? '' });
    expect(await row.textContent()).toMatch(/operator\.imported-rating（ZZ §4\.1/);
    await expect.poll(() => table.getByRole('button', { name: /导出/ }).count()).toBe(1);
    await ctx.shot('operators');

    await row.getByRole('link').click();
    await page.waitForURL(`**/county/operators/${ZHONGMU_OPERATOR}`);
    const findings = page.getByTestId('operator-findings');
    await findings.waitFor({ timeout: 15_000 });
    expect(await findings.textContent()).toContain('ZZ §4.1');
    expect(await page.getByTestId('operator-detail').textContent()).toContain('2A');
    expect(await page.getByTestId('operator-detail').textContent()).toContain('外地引进');
    await ctx.shot('operator-detail');
  });

  it('shows the station’s service records as serviceRecords.list returns them, filtered by month', async () => {
    const api = await ctx.gatewayAs('jinshui');
    const first = await api.reporting.serviceRecords.list.query({ stationId: STATION, limit: 50 });
    expect(first.items.length).toBeGreaterThan(0);
    // The item shows by its name in the station's published catalog, the codes on hover.
    const catalog = await api.catalog.get.query({ id: first.items[0]?.catalogId ?? '' });
    const named = (r: { itemRef: string }) =>
      `${r.itemRef} ${catalog.items.find((i) => i.ref === r.itemRef)?.name ?? '(not in the catalog)'}`;
    await page.goto(`${ctx.consoleUrl}/stations/${STATION}/records`);
    const records = page.getByTestId('records');
    await expect
      .poll(() => records.locator('tbody tr').count(), { timeout: 15_000 })
      .toBe(first.items.length);
    // The names come with the catalog (`catalog.get`), which may answer after the rows: until then the codes show.
    await expect
      .poll(() => records.locator('tbody tr td:nth-child(2)').allTextContents(), { timeout: 15_000 })
      .toEqual(first.items.map(named));
    const beneficiaries = await records.locator('tbody tr td:nth-child(5)').allTextContents();
    const kinds = await records.locator('tbody tr td:nth-child(3)').allTextContents();
    const KIND: Record<string, string> = {
      case: '个案',
      group: '小组',
      activity: '社区活动',
      visit: '走访探访',
    };
    expect(kinds).toEqual(first.items.map((r) => KIND[r.kind]));
    expect(beneficiaries).toEqual(first.items.map((r) => String(r.beneficiaries)));
    await ctx.shot('station-records');

    const month = (first.items.at(-1)?.date ?? '').slice(0, 7);
    const inMonth = await api.reporting.serviceRecords.list.query({ stationId: STATION, month, limit: 50 });
    await records.getByRole('combobox', { name: '月份' }).click();
    await page.locator('.ant-select-item-option', { hasText: month }).click();
    await expect
      .poll(() => records.locator('tbody tr td:nth-child(2)').allTextContents(), { timeout: 15_000 })
      .toEqual(inMonth.items.map(named));
    const dates = await records.locator('tbody tr td:first-child').allTextContents();
    expect(dates.length).toBe(inMonth.items.length);
  });

  it('offers no 查看 without the PII grant', async () => {
    await page.goto(`${ctx.consoleUrl}/stations/${STATION}`);
    await page.getByTestId('workers').locator('tbody tr').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid^=worker-reveal-]').count()).toBe(0);
  });

  it('reveals a worker’s ID number and phone under the grant, after saying it is logged, and audits it', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const henan = await context.newPage();
    await henan.goto(`${ctx.consoleUrl}/`);
    await henan.getByLabel('用户名').fill('henan');
    await henan.getByLabel('密码').fill(DEMO_PASSWORD);
    await henan.getByRole('button', { name: /登\s*录/ }).click();
    await henan.getByTestId('shell-user').waitFor({ timeout: 20_000 });
    await henan.goto(`${ctx.consoleUrl}/stations/${STATION}`);
    const reveal = henan.locator('[data-testid^=worker-reveal-]').first();
    await reveal.waitFor({ timeout: 15_000 });
    const workerId = ((await reveal.getAttribute('data-testid')) ?? '').replace('worker-reveal-', '');
    await reveal.click();
    const confirm = henan.locator('.ant-popconfirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('审计日志');
    await henan.screenshot({ path: 'tests/e2e/screenshots/county-reveal-confirm.png' });
    await confirm.getByRole('button', { name: '查看并记录' }).click();
    const shown = henan.getByTestId(`worker-revealed-${workerId}`);
    await shown.waitFor({ timeout: 15_000 });

    const api = await ctx.gatewayAs('henan');
    const revealed = await api.registry.workers.reveal.query({ id: workerId });
    expect(revealed.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(await shown.textContent()).toContain(revealed.idNumber);
    if (revealed.phone) expect(await shown.textContent()).toContain(revealed.phone);
    await henan.screenshot({ path: 'tests/e2e/screenshots/county-reveal.png', fullPage: true });

    const audit = await api.audit.list.query({ limit: 50 });
    const reads = audit.items.filter(
      (e) => e.action === 'registry.workers.reveal' && e.actor.id !== '' && e.outcome === 'ok',
    );
    // The browser's read and this test's own: two entries for the worker, both by henan.
    expect(reads.filter((e) => JSON.stringify(e.target).includes(workerId)).length).toBeGreaterThanOrEqual(2);
    await context.close();
  });
});
