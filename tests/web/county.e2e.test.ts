/**
 * The county console in a real browser (Debian's chromium, driven by playwright-core): the hub started in
 * this process as `pnpm start` starts it (the app server building and serving the console, proxying /trpc
 * to the gateway), on this spec's own database with the demo data. Signs in as 金水区's county user and
 * checks what the screens show against what the gateway answers that user. Screenshots of each page go to
 * tests/e2e/screenshots/ (git-ignored).
 */
import { DEMO_PASSWORD, type RunningHub } from '@shegong/hub';
import { createHubTrpcClient } from '@shegong/sdk';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHub, startConsoleHub } from './console-hub.ts';

/** 金水区's second demo station: a worker 47 at appointment (DEMO_VIOLATIONS). */
const JINSHUI_SECOND = 'st-410105002';
/** 二七区's first demo station: outside 金水区's jurisdiction. */
const ERQI_FIRST = 'st-410103001';

describe('the county console', () => {
  let ctx: ConsoleHub;
  let hub: RunningHub;
  let page: Page;
  let consoleUrl: string;
  let log: string[];
  const shot = (name: string) => ctx.shot(name);

  beforeAll(async () => {
    ctx = await startConsoleHub('county');
    ({ hub, page, consoleUrl, log } = ctx);
  }, 240_000);

  afterAll(async () => {
    await ctx?.[Symbol.asyncDispose]();
  });

  it('is built and served by the hub, with the gateway on the same origin', async () => {
    expect(log.join('\n')).toMatch(/consoles: (built the county console|the county console is up to date)/);
    const index = await fetch(`${consoleUrl}/stations/anything`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="root">');
    const health = await fetch(`${hub.urls.consoles}/trpc/auth.me`);
    expect(health.status).toBe(401); // the gateway's answer, through the proxy
  });

  it("signs in as 金水区's county user and lists exactly the stations the gateway gives that user", async () => {
    await page.goto(`${consoleUrl}/`);
    await page.getByLabel('用户名').fill('jinshui');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await shot('sign-in');
    await page.getByRole('button', { name: /登\s*录/ }).click();

    const table = page.getByTestId('stations-page');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('shell-region').textContent()).toContain('金水区');
    const names = await table.locator('tbody tr td:first-child').allTextContents();
    const townships = await table.locator('tbody tr td:nth-child(2)').allTextContents();

    const listed = await (await ctx.gatewayAs('jinshui')).registry.stations.list.query({ limit: 20 });
    expect(listed.items.length).toBeGreaterThan(1);
    expect(listed.items.every((s) => s.regionCode.startsWith('410105'))).toBe(true);
    expect(names).toEqual(listed.items.map((s) => s.name));
    // Each township code is shown with its name.
    expect(townships[1]).toMatch(/^410105002\s*花园路街道$/);
    await expect.poll(() => page.getByTestId('data-as-of').first().textContent()).toMatch(/^数据截至 /);
    await shot('stations');
  });

  it("opens 金水区's second station and shows its age-at-appointment finding with its clause", async () => {
    await page.getByRole('link', { name: '花园路街道社会工作服务站' }).click();
    await page.waitForURL(`**/county/stations/${JINSHUI_SECOND}`);
    const finding = page.getByTestId('compliance').locator('tr', { hasText: 'staffing.age-at-appointment' });
    await finding.waitFor({ timeout: 15_000 });
    expect(await finding.textContent()).toContain('ZZ §4.4');
    expect(await finding.textContent()).toContain('违规');
    expect(await finding.textContent()).toMatch(/47 周岁/);
    // Resident workers, their ID numbers as the server masked them.
    const ids = await page.getByTestId('workers').locator('tbody code').allTextContents();
    expect(ids.length).toBeGreaterThanOrEqual(2);
    for (const id of ids) expect(id).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    await shot('station-detail');
  });

  it('switches to English', async () => {
    await page.getByText('English', { exact: true }).click();
    await page.getByText('Staffing compliance').waitFor();
    expect(
      await page
        .getByTestId('compliance')
        .locator('tr', { hasText: 'staffing.age-at-appointment' })
        .textContent(),
    ).toContain('Violation');
    await shot('station-detail-en');
  });

  it('shows the not-found state for a 二七区 station: the server refuses it (jurisdiction)', async () => {
    await page.goto(`${consoleUrl}/stations/${ERQI_FIRST}`);
    const refused = page.getByTestId('station-error');
    await refused.waitFor({ timeout: 15_000 });
    expect(await refused.textContent()).toContain('Not found');
    expect(await refused.textContent()).toContain('outside your jurisdiction');
    await shot('not-found');
    // The server, not the page, refused it: the gateway answers 404 for that token.
    const token = await page.evaluate(
      () => JSON.parse(sessionStorage.getItem('shegong.session') ?? '{}').token,
    );
    const client = createHubTrpcClient(hub.urls.gateway, { token });
    await expect(client.registry.stations.get.query({ id: ERQI_FIRST })).rejects.toMatchObject({
      data: { httpStatus: 404 },
    });
  });
});
