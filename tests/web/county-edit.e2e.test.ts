/**
 * The county's editing screens and evaluation entry, and the city's spot checks, in a real browser
 * (Debian's chromium via playwright-core) on the hub as `pnpm start` starts it with the demo data, on this
 * spec's own database. What the screens write is read back through the gateway's own client: the county
 * (金水区, `jinshui`) edits a station's facilities [ZZ §4.2], registers a station with the server's signage
 * preview [ZZ §4.5] and moves it one lifecycle step; a bad ID number is refused on its field and writes
 * nothing; a worker registered is shown masked; an evaluation [ZZ §5.3] is graded as the API grades it;
 * the city (`zhengzhou`) records a spot check [ZZ §5.3, WH §3.4]. Screenshots go to tests/e2e/screenshots/.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '@shegong/hub';
import { residentIdCheckCharacter } from '@shegong/identifiers';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHub, startConsoleHub } from './console-hub.ts';

const SCREENSHOTS = fileURLToPath(new URL('../e2e/screenshots/', import.meta.url));
/** 金水区's first demo station (经八路街道). */
const JINSHUI_FIRST = 'st-410105001';
/** A station this spec registers, in 金水区's 经八路街道. */
const NEW_STATION = 'st-410105081';

/** A resident ID number of 金水区 born on the day, with its check character (GB 11643-1999). */
function residentId(birth: string, sequence: string): string {
  const body = `410105${birth.replaceAll('-', '')}${sequence}`;
  return `${body}${residentIdCheckCharacter(body)}`;
}

/** The messages Ant Design shows under the form item whose label is `label`. */
async function fieldErrors(page: Page, label: string): Promise<string> {
  const item = page.locator('.ant-form-item', { has: page.locator('label', { hasText: label }) }).first();
  const error = item.locator('.ant-form-item-explain-error');
  await error.first().waitFor({ timeout: 15_000 });
  return (await error.allTextContents()).join(' ');
}

/**
 * Picks an option of an Ant Design select: typed into its search when it has one, then the option whose
 * text contains `text` clicked in the open dropdown.
 */
async function pick(page: Page, label: string, text: string) {
  const box = page.getByLabel(label, { exact: true });
  await box.click();
  if (await box.isEditable()) await box.fill(text);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first()
    .click();
}

/** The options an Ant Design select offers, read from its own open dropdown, which is closed again. */
async function optionsOf(page: Page, select: ReturnType<Page['getByLabel']>): Promise<string[]> {
  await select.click();
  // Its dropdown holds the listbox the combobox controls; another select's may still be fading out.
  const list = await select.getAttribute('aria-controls');
  const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${list}"]`) });
  const options = dropdown.locator('.ant-select-item-option');
  await options.first().waitFor();
  const texts = await options.allTextContents();
  await page.keyboard.press('Escape');
  return texts;
}

describe('the county editing screens and evaluations, and the city spot checks', () => {
  let ctx: ConsoleHub;
  let page: Page;

  beforeAll(async () => {
    ctx = await startConsoleHub('county');
    page = ctx.page;
    await ctx.signIn('jinshui');
    await page.getByTestId('stations-page').locator('tbody tr').first().waitFor({ timeout: 20_000 });
  }, 240_000);

  afterAll(async () => {
    await ctx?.[Symbol.asyncDispose]();
  });

  it("edits a station's facilities, previews its sign from the dry run, and the gateway sees the change", async () => {
    const gateway = await ctx.gatewayAs('jinshui');
    const before = await gateway.registry.stations.get.query({ id: JINSHUI_FIRST });
    const office = (before.facilities.officeM2 ?? 0) + 17;

    await page.goto(`${ctx.consoleUrl}/stations/${JINSHUI_FIRST}`);
    await page.getByTestId('station-edit').click();
    await page.getByTestId('station-form').waitFor({ timeout: 15_000 });
    // The preview is the server's: the sign as the registry generates it.
    await expect
      .poll(() => page.getByTestId('signage-name').textContent(), { timeout: 15_000 })
      .toBe(before.signageName);

    await page.getByLabel('办公面积（平方米）').fill(String(office));
    const equipment = page.getByLabel('设备', { exact: true });
    await equipment.click();
    await equipment.fill('投影仪');
    await page.keyboard.press('Enter');
    await page.getByLabel(/投诉机制/).check();
    await ctx.shot('edit-station');
    await page.getByTestId('station-save').click();
    await page.waitForURL(`**/county/stations/${JINSHUI_FIRST}`);

    const after = await gateway.registry.stations.get.query({ id: JINSHUI_FIRST });
    expect(after.facilities.officeM2).toBe(office);
    expect(after.facilities.equipment).toContain('投影仪');
    expect(after.institutions).toContain('complaints');
    // Everything else kept as it was.
    expect(after.name).toBe(before.name);
    expect(after.status).toBe(before.status);
    expect(after.facilities.rooms).toEqual(before.facilities.rooms);
    await expect
      .poll(() => page.getByTestId('station-detail').textContent(), { timeout: 15_000 })
      .toContain(`${office} 平方米`);
  });

  it('registers a station with the signage preview, and offers only the lifecycle steps allowed', async () => {
    const gateway = await ctx.gatewayAs('jinshui');
    await page.goto(`${ctx.consoleUrl}/stations`);
    await page.getByTestId('station-new').click();
    await page.getByTestId('station-form').waitFor({ timeout: 15_000 });
    await page.getByLabel('站点编号').fill(NEW_STATION);
    await page.getByLabel('站点名称').fill('经八路街道第二社工站');
    await pick(page, '所在乡镇（街道）', '经八路');
    // A community room needs its community's name: the dry run says so on the field.
    await pick(page, '类型', '村（社区）社工室');
    expect(await fieldErrors(page, '村（社区）名称')).toMatch(/community/);
    await page.getByLabel('村（社区）名称').fill('纬五路社区');
    const [dry] = (await gateway.registry.stations.upsertMany.mutate({
      items: [
        {
          id: NEW_STATION,
          name: '经八路街道第二社工站',
          regionCode: '410105001',
          type: 'community-room',
          communityName: '纬五路社区',
        },
      ],
      dryRun: true,
    })) as Array<{ station: { signageName: string } | null }>;
    expect(dry?.station?.signageName).toBe('纬五路社区社会工作服务室');
    await expect
      .poll(() => page.getByTestId('signage-name').textContent(), { timeout: 15_000 })
      .toBe(dry?.station?.signageName);
    await ctx.shot('new-station');
    await page.getByTestId('station-save').click();
    await page.waitForURL(`**/county/stations/${NEW_STATION}`);
    const created = await gateway.registry.stations.get.query({ id: NEW_STATION });
    expect(created).toMatchObject({
      status: 'planned',
      type: 'community-room',
      signageName: '纬五路社区社会工作服务室',
    });

    // planned → building or closed, nothing else; then building → operating or closed.
    const lifecycle = page.getByTestId('lifecycle');
    expect(await optionsOf(page, lifecycle.getByLabel('变更为'))).toEqual(['建设中', '已关闭']);
    await lifecycle.getByTestId('status-submit').click();
    await expect
      .poll(async () => (await gateway.registry.stations.get.query({ id: NEW_STATION })).status, {
        timeout: 15_000,
      })
      .toBe('building');
    await expect
      .poll(() => optionsOf(page, lifecycle.getByLabel('变更为')), { timeout: 15_000 })
      .toEqual(['运营中', '已关闭']);
  });

  it('refuses a bad ID number on its field and writes nothing, then registers the worker, shown masked', async () => {
    const gateway = await ctx.gatewayAs('jinshui');
    await page.goto(`${ctx.consoleUrl}/stations/${JINSHUI_FIRST}`);
    await page.getByTestId('worker-add').click();
    await page.getByTestId('worker-form').waitFor({ timeout: 15_000 });
    const good = residentId('1995-03-08', '123');
    // The same number with its check character changed: a typo the server's check catches.
    const bad = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
    await page.getByLabel('人员编号').fill('w-e2e-410105001-9');
    await page.getByLabel('姓名').fill('测试社工');
    await page.getByLabel('身份证号码').fill(bad);
    await page.getByLabel('到岗日期').fill('2026-09-01');
    await page.getByTestId('worker-save').click();
    expect(await fieldErrors(page, '身份证号码')).toMatch(
      /^身份证号码校验位错误：最后一位应为 .*（GB 11643-1999）/,
    );
    await ctx.shot('worker-id-error');
    const listed = await gateway.registry.workers.list.query({ stationId: JINSHUI_FIRST });
    expect(listed.map((w) => w.id)).not.toContain('w-e2e-410105001-9');

    await page.getByLabel('身份证号码').fill(good);
    await page.getByTestId('worker-save').click();
    await page.waitForURL(`**/county/stations/${JINSHUI_FIRST}`);
    const saved = (await gateway.registry.workers.list.query({ stationId: JINSHUI_FIRST })).find(
      (w) => w.id === 'w-e2e-410105001-9',
    );
    expect(saved?.idNumberMasked).toMatch(/^410105\*{8}\d{3}[\dX]$/);
    const row = page.getByTestId('workers').locator('tr', { hasText: '测试社工' });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.locator('code').textContent()).toBe(saved?.idNumberMasked);
    expect(await page.getByTestId('workers').textContent()).not.toContain(good);

    // Each worker's qualification and own findings: 金水区's second station has a worker 47 at appointment.
    const compliance = await gateway.reporting.compliance.station.query({ stationId: 'st-410105002' });
    const tooOld = compliance.findings.find((f) => f.ruleId === 'staffing.age-at-appointment');
    expect(tooOld?.subject.kind).toBe('worker');
    await page.goto(`${ctx.consoleUrl}/stations/st-410105002`);
    const own = page.getByTestId(`worker-findings-${tooOld?.subject.id}`);
    await own.waitFor({ timeout: 15_000 });
    expect(await own.textContent()).toContain('staffing.age-at-appointment（ZZ §4.4）');
    await ctx.shot('station-workers');
  });

  it("records a station's half-year evaluation and shows the grade the API gives it", async () => {
    const gateway = await ctx.gatewayAs('jinshui');
    await page.goto(`${ctx.consoleUrl}/stations/${JINSHUI_FIRST}/evaluations`);
    await page.getByTestId('evaluation-form').waitFor({ timeout: 15_000 });
    // The indicators are those of the scheme the server scores this station with (evaluations.scheme).
    const entries = page.getByTestId('evaluation-entries');
    await entries.waitFor({ timeout: 15_000 });
    const { scheme } = await gateway.reporting.evaluations.scheme.query({ stationId: JINSHUI_FIRST });
    expect(await page.getByTestId('evaluation-scheme-note').textContent()).toContain(scheme.label.zh);
    const points = entries.getByRole('spinbutton');
    const count = await points.count();
    expect(count).toBe(
      scheme.dimensions.flatMap((d) => d.indicators).filter((i) => i.source === 'evaluator').length,
    );
    expect(count).toBeGreaterThan(3);
    for (let i = 0; i < count; i += 1) {
      const input = points.nth(i);
      await input.fill(String(Number(await input.getAttribute('aria-valuemax')) - 1));
    }
    const evidence = entries.getByRole('textbox');
    for (let i = 0; i < (await evidence.count()); i += 1)
      await evidence.nth(i).fill(`评估档案-2026-${i + 1}`);
    await page.getByLabel('评估机构').fill('郑州市社会工作评估中心');
    await page.getByLabel('合同约定服务量').fill('20');
    await page.getByLabel('服务量依据').fill('合同第三条');
    await page.getByLabel('应报简报和报告数').fill('6');
    await page.getByLabel('按时报送数').fill('6');
    await page.getByLabel('报送情况依据').fill('简报登记簿');
    await page.getByLabel('已支出（元）').fill('90000');
    await page.getByLabel('预算（元）').fill('100000');
    await page.getByLabel('预算执行依据').fill('财务账簿');
    await ctx.shot('evaluation-entry');
    await page.getByTestId('evaluation-submit').click();
    await page.waitForURL(/\/county\/stations\/st-410105001\/evaluations\/[^/]+$/, { timeout: 20_000 });
    const evaluationId = decodeURIComponent(page.url().split('/').pop() ?? '');

    const api = await gateway.reporting.evaluations.get.query({ stationId: JINSHUI_FIRST, evaluationId });
    expect(api).toMatchObject({
      kind: 'mid-term',
      conductedBy: 'county',
      evaluatorName: '郑州市社会工作评估中心',
    });
    // Every indicator scored (the evaluator's with evidence, the hub's from its data), no veto: a grade.
    expect({ outcome: api.outcome, missing: api.score.missing }).toEqual({ outcome: 'graded', missing: [] });
    expect(api.grade).not.toBeNull();
    const result = page.getByTestId('evaluation-result');
    await result.waitFor({ timeout: 15_000 });
    expect(await result.getByTestId('evaluation-outcome').first().getAttribute('data-outcome')).toBe(
      api.outcome,
    );
    if (api.grade) {
      expect(await result.getByTestId('evaluation-grade').first().getAttribute('data-grade')).toBe(api.grade);
    }
    expect(await result.getByTestId('evaluation-total').textContent()).toContain(String(api.total));
    // The computed indicators are shown as the hub computed them.
    const staffing = api.score.indicators.find((i) => i.id === 'admin.staffing');
    expect(staffing?.source).toBe('computed');
    expect(await result.getByTestId('evaluation-indicators').textContent()).toContain('驻站社工配备合规');
    await ctx.shot('evaluation-result');

    // The station's evaluations list it.
    await page.goto(`${ctx.consoleUrl}/stations/${JINSHUI_FIRST}/evaluations`);
    await page.getByTestId('evaluations-table').locator('tbody tr').first().waitFor({ timeout: 15_000 });
    const listed = await gateway.reporting.evaluations.list.query({
      regionCode: '410105',
      stationId: JINSHUI_FIRST,
    });
    expect(await page.getByTestId('evaluations-table').locator('tbody tr').count()).toBe(listed.length);
  });

  it("lists the county's contracts with their findings, and a contract's payment requests with their vouchers", async () => {
    const gateway = await ctx.gatewayAs('jinshui');
    const listed = await gateway.funding.contracts.list.query({ limit: 20 });
    expect(listed.items.length).toBeGreaterThan(0);
    await page.goto(`${ctx.consoleUrl}/contracts`);
    const rows = page.getByTestId('contracts-page').locator('tbody tr');
    await rows.first().waitFor({ timeout: 15_000 });
    expect(
      await page.getByTestId('contracts-page').locator('tbody tr td:first-child').allTextContents(),
    ).toEqual(listed.items.map((c) => c.id));
    await ctx.shot('contracts');

    const contract = listed.items[0];
    if (!contract) throw new Error('the demo has a contract in 金水区');
    const payments = await gateway.funding.payments.list.query({ contractId: contract.id });
    expect(payments.items.length).toBeGreaterThan(0);
    await page.getByRole('link', { name: contract.id }).click();
    await page.getByTestId('contract-page').waitFor({ timeout: 15_000 });
    const table = page.getByTestId('payments');
    if (payments.items.length > 0) await table.locator('tbody tr td').first().waitFor({ timeout: 15_000 });
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(payments.items.length);
    for (const payment of payments.items) {
      const vouchers = await table.getByTestId(`vouchers-${payment.id}`).textContent();
      for (const voucher of payment.vouchers) expect(vouchers).toContain(voucher.ref);
    }
    const findings = await page.getByTestId('contract-findings').textContent();
    for (const finding of contract.findings) expect(findings).toContain(finding.ruleId);
    await ctx.shot('contract');
  });

  it('lets the city (zhengzhou) record a spot check of a station and list it', async () => {
    const city = await (
      await ctx.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    ).newPage();
    await city.goto(`${ctx.hub.urls.consoles}/city/`);
    await city.getByLabel('用户名').fill('zhengzhou');
    await city.getByLabel('密码').fill(DEMO_PASSWORD);
    await city.getByRole('button', { name: /登\s*录/ }).click();
    await city.getByTestId('shell-user').waitFor({ timeout: 20_000 });
    await city.goto(`${ctx.hub.urls.consoles}/city/spot-checks`);
    await city.getByTestId('evaluation-form').waitFor({ timeout: 20_000 });
    await pick(city, '社工站', JINSHUI_FIRST);
    const points = city.getByTestId('evaluation-entries').getByRole('spinbutton');
    for (let i = 0; i < (await points.count()); i += 1) await points.nth(i).fill('3');
    const evidence = city.getByTestId('evaluation-entries').getByRole('textbox');
    for (let i = 0; i < (await evidence.count()); i += 1) await evidence.nth(i).fill(`抽查记录-${i + 1}`);
    await city.screenshot({ path: join(SCREENSHOTS, 'city-spot-check-entry.png'), fullPage: true });
    await city.getByTestId('evaluation-submit').click();
    await city.waitForURL(/\/city\/spot-checks\/st-410105001\/[^/]+$/, { timeout: 20_000 });
    const evaluationId = decodeURIComponent(city.url().split('/').pop() ?? '');

    const gateway = await ctx.gatewayAs('zhengzhou');
    const api = await gateway.reporting.evaluations.get.query({ stationId: JINSHUI_FIRST, evaluationId });
    expect(api).toMatchObject({ kind: 'spot-check', conductedBy: 'city' });
    const result = city.getByTestId('evaluation-result');
    await result.waitFor({ timeout: 15_000 });
    expect(await result.getByTestId('evaluation-outcome').first().getAttribute('data-outcome')).toBe(
      api.outcome,
    );
    await city.screenshot({ path: join(SCREENSHOTS, 'city-spot-check.png'), fullPage: true });

    await city.goto(`${ctx.hub.urls.consoles}/city/spot-checks`);
    const rows = city.getByTestId('spot-checks').locator('tbody tr');
    await rows.first().waitFor({ timeout: 15_000 });
    const spotChecks = (await gateway.reporting.evaluations.list.query({ regionCode: '410100' })).filter(
      (e) => e.kind === 'spot-check',
    );
    expect(await rows.count()).toBe(spotChecks.length);
    // The county sees the city's spot check among its station's evaluations.
    const county = await (await ctx.gatewayAs('jinshui')).reporting.evaluations.list.query({
      regionCode: '410105',
    });
    expect(county.map((e) => e.id)).toContain(evaluationId);
  });
});
