/**
 * Accessibility of the consoles in a real browser (Debian's chromium via playwright-core), on the hub as
 * `pnpm start` starts it with the demo data: axe-core (its source injected into each page) on each main
 * page of the county and province consoles (and the city's, when that app exists) finds no serious or
 * critical violation; and the sign-in form and the stations import can be completed with the keyboard
 * alone. Screenshots of each page checked go to tests/e2e/screenshots/.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWorkbook } from '@shegong/cli';
import { DEMO_PASSWORD } from '@shegong/hub';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHub, startConsoleHub } from './console-hub.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SCREENSHOTS = fileURLToPath(new URL('../e2e/screenshots/', import.meta.url));
const HAS_CITY = existsSync(fileURLToPath(new URL('../../apps/city/package.json', import.meta.url)));

/** The focused element's test id, run in the page. */
const FOCUSED = "document.activeElement?.getAttribute('data-testid') ?? ''";

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** axe-core's serious and critical violations on the page as it stands, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  // A string, run in the page: this file is type-checked without the DOM's types.
  const violations = await page.evaluate(
    "axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations)",
  );
  return (violations as Violation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility of the consoles', () => {
  let ctx: ConsoleHub;
  let dir: string;

  beforeAll(async () => {
    ctx = await startConsoleHub('county');
    dir = mkdtempSync(join(tmpdir(), 'shegong-a11y-e2e-'));
  }, 240_000);

  afterAll(async () => {
    await ctx?.[Symbol.asyncDispose]();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh browser context (its own session storage) signed in to a console as a demo user. */
  async function signedIn(app: string, username: string): Promise<Page> {
    const page = await (
      await ctx.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    ).newPage();
    await page.goto(`${ctx.hub.urls.consoles}/${app}/`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('shell-user').waitFor({ timeout: 20_000 });
    return page;
  }

  async function check(page: Page, app: string, path: string, ready: string, shot: string) {
    await page.goto(`${ctx.hub.urls.consoles}/${app}${path}`);
    await page.locator(ready).first().waitFor({ timeout: 20_000 });
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    await page.screenshot({ path: join(SCREENSHOTS, `a11y-${app}-${shot}.png`), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('the sign-in page has no serious violation', async () => {
    await ctx.page.goto(`${ctx.consoleUrl}/`);
    await ctx.page.getByLabel('用户名').waitFor();
    await ctx.shot('a11y-sign-in');
    expect(await seriousViolations(ctx.page)).toEqual([]);
  });

  it("the county console's main pages have no serious violation", async () => {
    const page = await signedIn('county', 'jinshui');
    await check(page, 'county', '/stations', '[data-testid=stations-page] tbody tr', 'stations');
    await check(page, 'county', '/stations/st-410105002', '[data-testid=workers] tbody tr', 'station');
    await check(page, 'county', '/import/stations', '[data-testid=station-import]', 'import');
    await check(page, 'county', '/import/workers', '[data-testid=worker-import]', 'import-workers');
    // The records import once the gateway's catalogs and populations have loaded (the card shows then).
    await check(page, 'county', '/import/records', '[data-testid=record-import]', 'import-records');
    // The editing and evaluation screens: every field labelled (axe's `label` rule), contrast kept.
    await check(
      page,
      'county',
      '/stations/st-410105002/edit',
      '[data-testid=institutions] input',
      'station-edit',
    );
    await check(page, 'county', '/stations/new', '[data-testid=station-form]', 'station-new');
    await check(page, 'county', '/stations/st-410105002/workers/new', '[data-testid=worker-form]', 'worker');
    await check(
      page,
      'county',
      '/stations/st-410105002/evaluations',
      '[data-testid=evaluation-form]',
      'evaluate',
    );
    await check(page, 'county', '/evaluations', '[data-testid=county-evaluations-page]', 'evaluations');
    await check(page, 'county', '/contracts', '[data-testid=contracts-page] tbody tr', 'contracts');
    await check(page, 'county', '/operators', '[data-testid=operators-page] tbody tr', 'operators');
    await check(page, 'county', '/operators/op-410122', '[data-testid=operator-findings]', 'operator');
    await check(
      page,
      'county',
      '/stations/st-410105002/records',
      '[data-testid=records] tbody tr',
      'records',
    );
  });

  it("reaches every field of the county's worker form with the keyboard, in order, up to its save button", async () => {
    const page = await signedIn('county', 'jinshui');
    await page.goto(`${ctx.consoleUrl}/stations/st-410105002/workers/new`);
    await page.getByTestId('worker-form').waitFor({ timeout: 20_000 });
    const fields = await page.evaluate<string[]>(
      "[...document.querySelectorAll('[data-testid=worker-form] input:not([disabled])')].map((e) => e.id).filter(Boolean)",
    );
    expect(fields.length).toBeGreaterThan(8);
    const visited: string[] = [];
    let focused = '';
    for (let i = 0; i < 80 && focused !== 'worker-save'; i += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate<string>(FOCUSED);
      const id = await page.evaluate<string>("document.activeElement?.id ?? ''");
      if (id && !visited.includes(id)) visited.push(id);
    }
    expect(focused).toBe('worker-save');
    expect(visited.filter((id) => fields.includes(id))).toEqual(fields);
  });

  it("the province console's main pages have no serious violation", async () => {
    const page = await signedIn('province', 'henan');
    await check(page, 'province', '/dashboard/410000', '[data-testid=services-table] tbody tr', 'dashboard');
    await check(page, 'province', '/regions/410100', '[data-testid=county-coverage] tbody tr', 'city');
    await check(page, 'province', '/regions/410105', '[data-testid=county-stations] tbody tr', 'county');
    await check(
      page,
      'province',
      '/completeness/410000',
      '[data-testid=completeness-table] tbody tr',
      'completeness',
    );
    await check(page, 'province', '/funding/410000', '[data-testid=execution-table] tbody tr', 'funding');
    await check(page, 'province', '/plans/410000', '[data-testid=plan-gaps-table] tbody tr', 'plans');
    const ministry = await signedIn('province', 'ministry');
    await check(ministry, 'province', '/compare', '[data-testid=compare-table] tbody tr', 'compare');
  });

  it.runIf(HAS_CITY)("the city console's first page has no serious violation", async () => {
    const page = await signedIn('city', 'zhengzhou');
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(SCREENSHOTS, 'a11y-city-home.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await check(page, 'city', '/spot-checks', '[data-testid=evaluation-form]', 'spot-checks');
  });

  it('signs in with the keyboard alone', async () => {
    const page = await (await ctx.browser.newContext({ locale: 'zh-CN' })).newPage();
    await page.goto(`${ctx.consoleUrl}/`);
    await page.getByLabel('用户名').waitFor();
    // The username field has the focus on arrival; Tab moves to the password, Enter submits.
    await page.keyboard.type('jinshui');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('stations-page').locator('tbody tr').first().waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('shell-user').textContent()).toContain('jinshui');
  });

  it('imports stations with the keyboard alone: file field, dry run, confirm', async () => {
    const page = await signedIn('county', 'jinshui');
    await page.goto(`${ctx.consoleUrl}/import/stations`);
    await page.getByTestId('station-import').waitFor();
    const file = join(dir, 'keyboard.xlsx');
    await writeWorkbook(file, {
      站点: [
        {
          站点编号: 'st-410105095',
          站点名称: '键盘导入社工站',
          区划代码: '410105001',
          站点类型: 'township-station',
        },
      ],
    });
    // Tab from the page's start until the file field has the focus, then open it with Space.
    let focused = '';
    for (let i = 0; i < 40 && focused !== 'import-file'; i += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate<string>(FOCUSED);
    }
    expect(focused).toBe('import-file');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles(file);
    await page.getByTestId('import-clean').waitFor({ timeout: 20_000 });
    for (let i = 0; i < 20 && focused !== 'import-confirm'; i += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate<string>(FOCUSED);
    }
    expect(focused).toBe('import-confirm');
    await page.keyboard.press('Enter');
    await page.getByTestId('import-done').waitFor({ timeout: 20_000 });
    const listed = await (await ctx.gatewayAs('jinshui')).registry.stations.list.query({ limit: 100 });
    expect(listed.items.map((s) => s.id)).toContain('st-410105095');
  });
});
