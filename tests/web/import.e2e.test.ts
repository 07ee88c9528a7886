/**
 * Excel in the county console, in a real browser (Debian's chromium via playwright-core) against the hub
 * started as `pnpm start` starts it, on this spec's own database with the demo data: a table exported as
 * the rows the gateway gave the user, and a stations import whose dry run lists each bad row by its Excel
 * row number and column header and writes nothing, then a clean sheet that writes once confirmed. What was
 * (not) written is checked through the gateway, not the page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbook, writeWorkbook } from '@shegong/cli';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHub, startConsoleHub } from './console-hub.ts';

/** New stations in 经八路街道 (金水区, the demo county user's own). */
const NEW_A = 'st-410105091';
const NEW_B = 'st-410105092';

/** A stations sheet with the template's headers; row n of `rows` is Excel row n + 2. */
function stationSheet(rows: Array<Record<string, string>>) {
  return { 站点: rows };
}
const row = (id: string, overrides: Record<string, string> = {}) => ({
  站点编号: id,
  站点名称: `${id} 社会工作服务站`,
  区划代码: '410105001',
  站点类型: '乡镇（街道）社工站',
  状态: '规划中',
  ...overrides,
});

describe('Excel in the county console', () => {
  let ctx: ConsoleHub;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    ctx = await startConsoleHub('county');
    ({ page } = ctx);
    dir = mkdtempSync(join(tmpdir(), 'shegong-import-e2e-'));
    await ctx.signIn('jinshui');
    await page.getByTestId('stations-page').locator('tbody tr').first().waitFor({ timeout: 20_000 });
  }, 240_000);

  afterAll(async () => {
    await ctx?.[Symbol.asyncDispose]();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const stationIds = async () =>
    (await (await ctx.gatewayAs('jinshui')).registry.stations.list.query({ limit: 100 })).items.map(
      (s) => s.id,
    );

  it('exports the stations table: title, unit, data as of, then exactly the rows the gateway gave', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('stations-page').getByTestId('export-excel').click(),
    ]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^本辖区社工站-\d{4}-\d{2}-\d{2}\.xlsx$/);
    // readWorkbook keys cells by row 1: the title, merged across the table, so every column has the same
    // key and a row's value under it is its last filled cell — the meta lines' text, then the signage.
    const [sheet] = Object.values(await readWorkbook(file));
    const cells = (sheet ?? []).map((r) => String(Object.values(r.values)[0] ?? ''));
    expect(cells[0]).toBe('单位：金水区（410105）');
    expect(cells[1]).toMatch(/^数据截至：/);
    expect(cells[2]).toMatch(/^行数：\d+$/);
    expect(cells[3]).toBe('标牌名称');
    const listed = await (await ctx.gatewayAs('jinshui')).registry.stations.list.query({ limit: 20 });
    expect(cells.slice(4)).toEqual(listed.items.map((s) => s.signageName));
    expect(cells[2]).toBe(`行数：${listed.items.length}`);
  });

  it('dry-runs a sheet with bad rows: lists each by row and column, and writes nothing', async () => {
    await page.getByRole('menuitem', { name: '导入社工站' }).click();
    await page.getByTestId('station-import').waitFor();
    const before = await stationIds();
    const file = join(dir, 'bad.xlsx');
    await writeWorkbook(
      file,
      stationSheet([
        row(NEW_A),
        row(NEW_B, { 区划代码: '410103001' }), // 二七区: outside 金水区's jurisdiction
        row('st-410105093', { 站点类型: '服务中心' }), // not a station type
      ]),
    );
    await page.getByTestId('import-file').setInputFiles(file);
    const problems = page.getByTestId('import-problems');
    await problems.waitFor({ timeout: 20_000 });
    expect(await problems.getByRole('alert').textContent()).toContain('未写入任何数据');
    const cells = await problems
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    expect(cells.map(([sheetRow, column]) => [sheetRow, column])).toEqual([
      ['3', '区划代码'],
      ['4', '站点类型'],
    ]);
    expect(cells[0]?.[2]).toMatch(/jurisdiction|辖区|410103001/);
    expect(await page.getByTestId('import-confirm').count()).toBe(0);
    await ctx.shot('import-dry-run');
    // Nothing written, not even the good row: the gateway lists what it listed before.
    expect(await stationIds()).toEqual(before);
    expect(before).not.toContain(NEW_A);
  });

  it('imports a clean sheet once the dry run passes and the user confirms', async () => {
    const file = join(dir, 'clean.xlsx');
    await writeWorkbook(file, stationSheet([row(NEW_A), row(NEW_B)]));
    await page.getByTestId('import-file').setInputFiles(file);
    const clean = page.getByTestId('import-clean');
    await clean.waitFor({ timeout: 20_000 });
    // The dry run shows what would be saved, signage generated by the registry [ZZ §4.5].
    expect(await clean.locator('tbody tr').count()).toBe(2);
    expect(await clean.textContent()).toContain('经八路街道社会工作服务站');
    expect(await stationIds()).not.toContain(NEW_A); // still nothing written
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('import-done').textContent()).toContain('已导入 2 个站点');
    await ctx.shot('import-done');
    const after = await stationIds();
    expect(after).toEqual(expect.arrayContaining([NEW_A, NEW_B]));
  });
});
