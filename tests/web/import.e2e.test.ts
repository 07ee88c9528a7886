/**
 * Excel in the county console, in a real browser (Debian's chromium via playwright-core) against the hub
 * started as `pnpm start` starts it, on this spec's own database with the demo data: a table exported as
 * the rows the gateway gave the user, and a stations import whose dry run lists each bad row by its Excel
 * row number and column header and writes nothing, then a clean sheet that writes once confirmed; the same
 * for resident workers (a bad ID number, never shown back unmasked) and service records (a bad date, the
 * template's own example row, a sheet uploaded twice counted once, and a 10,000-row sheet read off the
 * page's thread and sent in calls with progress). What was (not) written is checked through the gateway,
 * not the page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbook, writeWorkbook } from '@shegong/cli';
import ExcelJS from 'exceljs';
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
/** In the page (a script: this file has no DOM types): keeps the longest task its main thread runs. */
const LONGEST_TASK = `(() => {
  globalThis.longestTask = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) globalThis.longestTask = Math.max(globalThis.longestTask, entry.duration);
  }).observe({ type: 'longtask' });
})()`;

/** The problems table's rows as [Excel row, column, message]. */
async function problemRows(page: Page): Promise<string[][]> {
  return page
    .getByTestId('import-problems')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

/** Two resident workers of the test's station; valid made-up ID numbers (GB 11643 check digits). */
const GOOD_IDS = ['410105199003150026', '410105199501010018'];
const workerRow = (n: number, stationId: string, overrides: Record<string, string> = {}) => ({
  社工编号: `w-e2e-${n}`,
  站点编号: stationId,
  姓名: `导入社工${n}`,
  身份证号: GOOD_IDS[n - 1] ?? '',
  岗位: '驻站社工',
  是否专职: '是',
  到岗日期: '2026-06-01',
  学历: '本科',
  社会工作专业毕业: '是',
  ...overrides,
});

/** This month: no demo record is dated in it (the demo covers the three months before) and no report locks it. */
const MONTH = new Date().toISOString().slice(0, 7);
const recordRow = (stationId: string, overrides: Record<string, string | number> = {}) => ({
  站点编号: stationId,
  服务目录: 'zz-2021',
  服务项目: '1.3 资源链接',
  服务对象: '最低生活保障对象、孤儿',
  服务方式: '个案',
  服务日期: `${MONTH}-01`,
  受益人次: 2,
  '服务时长（小时）': 1.5,
  志愿者人次: 0,
  ...overrides,
});

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

  /** A station of 金水区 the workers and records go to: its first operating one, as the gateway lists it. */
  const station = async () => {
    const listed = await (await ctx.gatewayAs('jinshui')).registry.stations.list.query({ limit: 100 });
    const found = listed.items.find((s) => s.status === 'operating');
    if (!found) throw new Error('no operating station in 金水区');
    return found.id;
  };
  const workerIds = async (stationId: string) =>
    (await (await ctx.gatewayAs('jinshui')).registry.workers.list.query({ stationId })).map((w) => w.id);
  const recordCount = async (stationId: string) => {
    const gateway = await ctx.gatewayAs('jinshui');
    let count = 0;
    let cursor: string | undefined;
    do {
      const page = await gateway.reporting.serviceRecords.list.query({
        stationId,
        month: MONTH,
        limit: 200,
        ...(cursor && { cursor }),
      });
      count += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return count;
  };

  it('workers: a bad ID number is listed by row and column, nothing written; the corrected sheet writes', async () => {
    const stationId = await station();
    await page.getByRole('menuitem', { name: '导入驻站社工' }).click();
    await page.getByTestId('worker-import').waitFor();
    const before = await workerIds(stationId);
    const bad = join(dir, 'workers-bad.xlsx');
    await writeWorkbook(bad, {
      驻站社工: [
        workerRow(1, stationId),
        workerRow(2, stationId, { 身份证号: '410105199501010019' }), // wrong check digit (…18)
      ],
    });
    await page.getByTestId('import-file').setInputFiles(bad);
    await page.getByTestId('import-problems').waitFor({ timeout: 30_000 });
    const cells = await problemRows(page);
    expect(cells.map(([r, column]) => [r, column])).toEqual([['3', '身份证号']]);
    // Worded for the clerk in Chinese, as the ID number rule words it (`serverMessage`).
    expect(cells[0]?.[2]).toBe('身份证号码校验位错误：最后一位应为 8，而不是 9（GB 11643-1999）');
    expect(await page.getByTestId('import-confirm').count()).toBe(0);
    // The ID number is personal information: the page never shows one back as typed.
    const text = (await page.getByTestId('worker-import').textContent()) ?? '';
    for (const id of [...GOOD_IDS, '410105199501010019']) expect(text).not.toContain(id);
    await ctx.shot('import-workers');
    expect(await workerIds(stationId)).toEqual(before);

    const good = join(dir, 'workers-good.xlsx');
    await writeWorkbook(good, { 驻站社工: [workerRow(1, stationId), workerRow(2, stationId)] });
    await page.getByTestId('import-file').setInputFiles(good);
    const clean = page.getByTestId('import-clean');
    await clean.waitFor({ timeout: 30_000 });
    expect(await clean.locator('tbody tr').count()).toBe(2);
    // The preview is the registry's answer: masked (410105********0026).
    const preview = (await clean.textContent()) ?? '';
    expect(preview).toMatch(/410105\*+0026/);
    for (const id of GOOD_IDS) expect(preview).not.toContain(id);
    expect(await workerIds(stationId)).toEqual(before); // a dry run writes nothing
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-done').textContent()).toContain('已导入 2 名驻站社工');
    const after = await workerIds(stationId);
    expect(after.length).toBe(before.length + 2);
    expect(after).toEqual(expect.arrayContaining(['w-e2e-1', 'w-e2e-2']));
  });

  it('records: a bad date is listed by row and column, nothing written; the corrected sheet writes, once', async () => {
    const stationId = await station();
    await page.getByRole('menuitem', { name: '导入服务记录' }).click();
    await page.getByTestId('record-import').waitFor();
    expect(await page.getByTestId('record-import').textContent()).toContain('同一张表重复上传只计一次');
    const before = await recordCount(stationId);
    const bad = join(dir, 'records-bad.xlsx');
    await writeWorkbook(bad, {
      服务记录: [
        recordRow(stationId),
        recordRow(stationId, { 服务日期: `${MONTH}-32`, 服务方式: '小组' }),
        recordRow(stationId, { 服务方式: '走访探访', 服务日期: `${MONTH}-02` }),
      ],
    });
    await page.getByTestId('import-file').setInputFiles(bad);
    await page.getByTestId('import-problems').waitFor({ timeout: 30_000 });
    const dateProblems = await problemRows(page);
    expect(dateProblems.map(([r, column]) => [r, column])).toEqual([['3', '服务日期']]);
    // A schema refusal in zod's zh-CN wording, not the service's English.
    expect(dateProblems[0]?.[2]).toBe('无效ISO日期');
    expect(await page.getByTestId('import-confirm').count()).toBe(0);
    await ctx.shot('import-records');
    expect(await recordCount(stationId)).toBe(before);

    const good = join(dir, 'records-good.xlsx');
    const rows = [
      recordRow(stationId),
      recordRow(stationId, { 服务日期: `${MONTH}-01`, 服务方式: '小组' }),
      recordRow(stationId, { 服务方式: '走访探访', 服务日期: `${MONTH}-02` }),
    ];
    await writeWorkbook(good, { 服务记录: rows });
    await page.getByTestId('import-file').setInputFiles(good);
    await page.getByTestId('import-clean').waitFor({ timeout: 30_000 });
    expect(await recordCount(stationId)).toBe(before);
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-done').textContent()).toContain('已导入 3 条服务记录');
    expect(await recordCount(stationId)).toBe(before + rows.length);

    // The same sheet again: its rows are named as before, so the dry run lists them as ingested, and
    // nothing is counted twice.
    await page.getByTestId('import-done').getByRole('button', { name: '重新选择文件' }).click();
    await page.getByTestId('import-file').setInputFiles(good);
    await page
      .locator('[data-testid=import-problems],[data-testid=import-clean],[data-testid=import-failed]')
      .waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('record-import').textContent()).toContain('未写入任何数据');
    const again = await problemRows(page);
    expect(again.map(([r]) => r)).toEqual(['2', '3', '4']);
    expect(again[0]?.[2]).toBe('此记录编号已报送过，或在本表中重复');
    expect(await recordCount(stationId)).toBe(before + rows.length);
  });

  it("records: the template holds the county's catalog items and population codes, and its example row passes", async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('record-import').getByTestId('import-template').click(),
    ]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      '服务记录',
      '填写说明 Notes',
      '服务项目 Catalog items',
      '服务对象 Populations',
    ]);
    const rowsOf = (name: string) => {
      const rows: string[][] = [];
      workbook.getWorksheet(name)?.eachRow((r) => {
        rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? '')));
      });
      return rows;
    };
    // Zhengzhou's catalog (金水区's city) item by item, and every population code with its names.
    expect(rowsOf('服务项目 Catalog items')).toContainEqual([
      'zz-2021',
      '社会工作站服务内容（试行）',
      '1.3',
      '社会救助',
      '资源链接',
    ]);
    expect(rowsOf('服务对象 Populations')).toContainEqual(['orphan', '孤儿', 'Orphans']);
    // Exactly what the gateway says covers 金水区 (`catalog.covering`: Zhengzhou's, then Henan's scope with
    // no items of its own), item by item in its order, and its populations: the page bundles no copy.
    const gateway = await ctx.gatewayAs('jinshui');
    const covering = await gateway.catalog.covering.query({ regionCode: '410105' });
    expect(covering.map((c) => c.id)).toEqual(['zz-2021', 'henan-2020']);
    const ids = new Set(covering.map((c) => c.id));
    expect(rowsOf('服务项目 Catalog items').filter((r) => ids.has(r[0] ?? ''))).toEqual(
      covering.flatMap((c) => c.items.map((i) => [c.id, c.title, i.ref, i.domain, i.name])),
    );
    const populations = await gateway.catalog.populations.query();
    expect(rowsOf('服务对象 Populations').slice(-populations.length)).toEqual(
      populations.map((p) => [p.code, p.label.zh, p.label.en]),
    );
    expect(rowsOf('填写说明 Notes').map((r) => r[0])).toContain('服务日期');
    await page.getByTestId('import-file').setInputFiles(file);
    const clean = page.getByTestId('import-clean');
    await clean.waitFor({ timeout: 30_000 });
    expect(await clean.locator('tbody tr').count()).toBe(1);
  });

  it('records: a 10,000-row sheet is read off the page thread and dry-run in calls with progress', async () => {
    const stationId = await station();
    const big = join(dir, 'records-big.xlsx');
    await writeWorkbook(big, {
      服务记录: Array.from({ length: 10_000 }, (_, i) =>
        recordRow(stationId, { 记录编号: `big-${i}`, 受益人次: (i % 7) + 1 }),
      ),
    });
    // The longest task the page's thread ran while the sheet was read and checked (reported, not asserted:
    // a time belongs in a benchmark, not in a test on a shared machine), and the workers the page started.
    await page.evaluate(LONGEST_TASK);
    const workers: string[] = [];
    const onWorker = (worker: { url(): string }) => workers.push(worker.url());
    page.on('worker', onWorker);
    const started = Date.now();
    await page.getByTestId('import-file').setInputFiles(big);
    await page.getByTestId('import-progress').waitFor({ timeout: 60_000 });
    const clean = page.getByTestId('import-clean');
    await clean.waitFor({ timeout: 120_000 });
    const seconds = (Date.now() - started) / 1000;
    const longest = await page.evaluate<number>('globalThis.longestTask');
    console.log(
      `10,000-row records sheet: read and dry-run in ${seconds.toFixed(1)} s, longest main-thread task ${Math.round(longest)} ms`,
    );
    expect(await clean.textContent()).toContain('10000 行均可导入');
    page.off('worker', onWorker);
    // Read off the page's thread: in the sheet reader's Web Worker, not by the page-thread fallback.
    expect(workers.some((url) => url.includes('sheet-reader'))).toBe(true);
  }, 180_000);
});
