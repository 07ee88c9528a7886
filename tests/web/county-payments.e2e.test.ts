/**
 * The county's payment decisions in a real browser (Debian's chromium, playwright-core) on the hub with the
 * demo data: the county (金水区, `jinshui`, which holds `payments.decide` as purchaser) approves the demo's
 * applied request and pays it, rejects one with a reason (none given, nothing happens), and records an
 * operator's written application with its vouchers [ZZ §5.5] — an amount that is no amount, or one over
 * what the contract has left, is refused on the amount field and writes nothing. After every step the
 * screen is checked against `funding.payments.get` / `.list` through the gateway's own client.
 * Screenshot: tests/e2e/screenshots/county-payments.png.
 */
import { createRequire } from 'node:module';
import { DEMO_PASSWORD } from '@shegong/hub';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHub, startConsoleHub } from './console-hub.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

type Gateway = Awaited<ReturnType<ConsoleHub['gatewayAs']>>;

/** An ISO day `n` days after `day`. */
function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The messages Ant Design shows under the form item whose label is `label`, inside `scope`. */
async function fieldErrors(scope: Locator, label: string): Promise<string> {
  const item = scope.locator('.ant-form-item', { has: scope.page().locator('label', { hasText: label }) });
  const error = item.first().locator('.ant-form-item-explain-error');
  await error.first().waitFor({ timeout: 15_000 });
  return (await error.allTextContents()).join(' ');
}

/** axe-core's serious and critical violations on the page as it stands (as tests/web/a11y.e2e.test.ts). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  // A string, run in the page: this file is type-checked without the DOM's types.
  const violations = (await page.evaluate(
    "axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations)",
  )) as Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }>;
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A button by its label; Ant Design spaces out a two-character Chinese label ("驳 回"). */
const named = (label: string) => new RegExp(label.split('').join('\\s*'));

describe('the county console: deciding on payment requests', () => {
  let ctx: ConsoleHub;
  let page: Page;
  let api: Gateway;
  let contractId: string;

  beforeAll(async () => {
    ctx = await startConsoleHub('county');
    page = ctx.page;
    api = await ctx.gatewayAs('jinshui');
    const contracts = await api.funding.contracts.list.query({ limit: 20 });
    const first = contracts.items[0];
    if (!first) throw new Error('the demo has a contract in 金水区');
    contractId = first.id;
    await ctx.signIn('jinshui');
    await page.getByTestId('shell-user').waitFor({ timeout: 20_000 });
  }, 240_000);

  afterAll(async () => {
    await ctx?.[Symbol.asyncDispose]();
  });

  const payments = () => page.getByTestId('payments');
  const row = (id: string) => payments().locator('tbody tr.ant-table-row', { hasText: id });
  const dialog = () => page.getByRole('dialog');
  /** Waits for the open dialog's zoom-in to end: axe reads a half-faded dialog as low contrast. */
  async function settled() {
    await dialog().waitFor();
    await page.waitForFunction(
      "[...document.querySelectorAll('.ant-modal')].every((m) => getComputedStyle(m).opacity === '1' && !/zoom/.test(m.className))",
    );
  }
  /** The status the table shows for a request, once it shows `expected`. */
  async function showsStatus(id: string, expected: string) {
    await expect
      .poll(async () => (await row(id).locator('.ant-tag').first().textContent()) ?? '', { timeout: 15_000 })
      .toBe(expected);
  }
  async function openContract() {
    await page.goto(`${ctx.consoleUrl}/contracts/${encodeURIComponent(contractId)}`);
    await payments().locator('tbody tr.ant-table-row').first().waitFor({ timeout: 15_000 });
  }

  it('approves the applied request, then pays it: a paid day before the approval is refused on its field', async () => {
    const before = await api.funding.payments.list.query({ contractId });
    const applied = before.items.find((p) => p.status === 'applied');
    if (!applied) throw new Error('the demo has an applied payment request in 金水区');
    // Final requests offer nothing; the applied one offers approve and reject, never pay.
    await openContract();
    expect(await payments().getByRole('button', { name: /导出/ }).count()).toBe(1);
    expect(await row(applied.id).getByTestId(`approve-${applied.id}`).count()).toBe(1);
    expect(await row(applied.id).getByTestId(`reject-${applied.id}`).count()).toBe(1);
    expect(await row(applied.id).getByTestId(`pay-${applied.id}`).count()).toBe(0);
    for (const p of before.items.filter((p) => p.status === 'paid')) {
      expect(await row(p.id).getByRole('button').count()).toBe(0);
    }
    // The budget check of the contract's budget, as funding evaluated it, beside the payments.
    const budgets = await api.funding.budgets.list.query({ contractId, limit: 20 });
    const check = page.getByTestId('budget-check');
    for (const b of budgets.items) {
      await check.getByTestId(`budget-${b.id}`).waitFor({ timeout: 15_000 });
      const text = (await check.getByTestId(`budget-findings-${b.id}`).textContent()) ?? '';
      for (const f of b.findings) expect(text).toContain(f.citation);
    }

    const approvedOn = addDays(applied.appliedOn, 7);
    await page.getByTestId(`approve-${applied.id}`).click();
    await dialog().waitFor();
    expect(await dialog().textContent()).toContain(applied.id);
    await dialog().getByLabel('审核日期').fill(approvedOn);
    await dialog().getByRole('button', { name: '审核通过' }).click();
    await dialog().waitFor({ state: 'detached', timeout: 15_000 });
    await showsStatus(applied.id, '已审核');
    const approved = await api.funding.payments.get.query({ id: applied.id });
    expect(approved).toMatchObject({ status: 'approved', approvedOn, paidOn: null });
    expect(await row(applied.id).getByTestId(`pay-${applied.id}`).count()).toBe(1);
    expect(await row(applied.id).getByTestId(`approve-${applied.id}`).count()).toBe(0);

    // Paid before it was approved: the service's refusal lands on 拨付日期, and nothing changes.
    await page.getByTestId(`pay-${applied.id}`).click();
    await dialog().waitFor();
    expect(await dialog().textContent()).toContain(applied.vouchers[0]?.ref ?? '');
    await dialog().getByLabel('拨付日期').fill(applied.appliedOn);
    await dialog()
      .getByRole('button', { name: named('拨付') })
      .click();
    expect(await fieldErrors(dialog(), '拨付日期')).toContain(approvedOn);
    expect(await api.funding.payments.get.query({ id: applied.id })).toEqual(approved);
    await showsStatus(applied.id, '已审核');

    const paidOn = addDays(approvedOn, 3);
    await dialog().getByLabel('拨付日期').fill(paidOn);
    await dialog()
      .getByRole('button', { name: named('拨付') })
      .click();
    await dialog().waitFor({ state: 'detached', timeout: 15_000 });
    await showsStatus(applied.id, '已拨付');
    const paid = await api.funding.payments.get.query({ id: applied.id });
    expect(paid).toMatchObject({ status: 'paid', approvedOn, paidOn, amountFen: applied.amountFen });
    expect(await row(applied.id).getByRole('button').count()).toBe(0);
    const after = await api.funding.payments.list.query({ contractId });
    expect(after.paidFen).toBe(before.paidFen + applied.amountFen);
    await expect
      .poll(() => payments().textContent(), { timeout: 15_000 })
      .toContain(`${(after.paidFen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
  });

  it('rejects a request only with a reason', async () => {
    const list = await api.funding.payments.list.query({ contractId });
    const contract = await api.funding.contracts.get.query({ id: contractId });
    const id = `p-${contractId}-e2e-reject`;
    await api.funding.payments.applyFor.mutate({
      id,
      contractId,
      amountFen: 10_000,
      appliedOn: contract.signedOn,
      vouchers: [{ kind: 'invoice', ref: 'INV-E2E-1' }],
    });
    expect(list.remainingFen).toBeGreaterThan(10_000);
    await openContract();
    await page.getByTestId(`reject-${id}`).click();
    await dialog().waitFor();
    await dialog().getByLabel('驳回日期').fill(contract.signedOn);
    await dialog()
      .getByRole('button', { name: named('驳回') })
      .click();
    expect(await fieldErrors(dialog(), '驳回理由')).toContain('请填写驳回理由');
    expect((await api.funding.payments.get.query({ id })).status).toBe('applied');

    const reason = '发票抬头与合同购买主体不一致，请更正后重新申请';
    await dialog().getByLabel('驳回理由').fill(reason);
    await dialog()
      .getByRole('button', { name: named('驳回') })
      .click();
    await dialog().waitFor({ state: 'detached', timeout: 15_000 });
    await showsStatus(id, '已驳回');
    expect(await api.funding.payments.get.query({ id })).toMatchObject({
      status: 'rejected',
      rejectedOn: contract.signedOn,
      rejectionReason: reason,
    });
    expect(await row(id).textContent()).toContain(reason);
    expect(await row(id).getByRole('button').count()).toBe(0);
  });

  it('records an application in 元 as fen; a bad amount or one over what is left shows on the amount and writes nothing', async () => {
    const before = await api.funding.payments.list.query({ contractId });
    const contract = await api.funding.contracts.get.query({ id: contractId });
    await openContract();
    await page.getByTestId('payment-apply').click();
    await dialog().waitFor();
    const id = await dialog().getByLabel('申请编号').inputValue();
    expect(id).toMatch(new RegExp(`^p-${contractId}-\\d+$`));
    await dialog().getByLabel('申请日期').fill(contract.signedOn);
    await dialog().getByLabel('凭证编号').fill(`${contractId}-Q4`);

    // Three decimals: refused by the form before anything is sent.
    await dialog().getByLabel('金额（元）').fill('100.005');
    await dialog().getByRole('button', { name: '登记申请' }).click();
    expect(await fieldErrors(dialog(), '金额（元）')).toContain('最多两位小数');

    // One fen over what the contract has left: the service's PAYMENT_TOTAL_CONFLICT, on the amount field.
    const over = before.remainingFen + 1;
    await dialog()
      .getByLabel('金额（元）')
      .fill(`${Math.floor(over / 100)}.${String(over % 100).padStart(2, '0')}`);
    await dialog().getByRole('button', { name: '登记申请' }).click();
    await expect
      .poll(() => fieldErrors(dialog(), '金额（元）'), { timeout: 15_000 })
      .toContain('over the contract amount');
    expect(await api.funding.payments.list.query({ contractId })).toEqual(before);

    // 12,345.67 元 is 1,234,567 fen, exactly.
    await dialog().getByLabel('金额（元）').fill('12,345.67');
    await dialog().getByRole('button', { name: '登记申请' }).click();
    await dialog().waitFor({ state: 'detached', timeout: 15_000 });
    await showsStatus(id, '已申请');
    const created = await api.funding.payments.get.query({ id });
    expect(created).toMatchObject({
      status: 'applied',
      amountFen: 1_234_567,
      appliedOn: contract.signedOn,
      vouchers: [{ kind: 'service-report', ref: `${contractId}-Q4` }],
    });
    const after = await api.funding.payments.list.query({ contractId });
    expect(after.items.length).toBe(before.items.length + 1);
    expect(after.committedFen).toBe(before.committedFen + 1_234_567);
    expect(await payments().locator('tbody tr.ant-table-row').count()).toBe(after.items.length);
    await ctx.shot('payments');
  });

  it('has no serious accessibility violation on the contract page or in its dialogs', async () => {
    await openContract();
    await page.getByTestId('budget-check').locator('table').first().waitFor({ timeout: 15_000 });
    expect(await seriousViolations(page)).toEqual([]);
    const applied = (await api.funding.payments.list.query({ contractId })).items.find(
      (p) => p.status === 'applied',
    );
    if (!applied) throw new Error('the application recorded above is still applied');
    await page.getByTestId(`reject-${applied.id}`).click();
    await settled();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog()
      .getByRole('button', { name: named('取消') })
      .click();
    await dialog().waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByTestId('payment-apply').click();
    await settled();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached', timeout: 15_000 });
    expect((await api.funding.payments.get.query({ id: applied.id })).status).toBe('applied');
  });

  it('offers no decision to a provincial user, who does not hold payments.decide', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const henan = await context.newPage();
    await henan.goto(`${ctx.consoleUrl}/`);
    await henan.getByLabel('用户名').fill('henan');
    await henan.getByLabel('密码').fill(DEMO_PASSWORD);
    await henan.getByRole('button', { name: /登\s*录/ }).click();
    await henan.getByTestId('shell-user').waitFor({ timeout: 20_000 });
    await henan.goto(`${ctx.consoleUrl}/contracts/${encodeURIComponent(contractId)}`);
    const table = henan.getByTestId('payments');
    await table.locator('tbody tr.ant-table-row').first().waitFor({ timeout: 15_000 });
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(
      (await api.funding.payments.list.query({ contractId })).items.length,
    );
    expect(await table.locator('[data-testid^=approve-], [data-testid^=pay-]').count()).toBe(0);
    expect(await henan.getByTestId('payment-apply').count()).toBe(0);
    await context.close();
  });

  it('signs a contract: a signing day before the award notice is refused on its field; a late one opens with its finding', async () => {
    const id = 'c-410105-e2e';
    const operator = (await api.registry.operators.list.query({ limit: 20 })).items[0];
    if (!operator) throw new Error('the demo has an operator in 金水区');
    await page.goto(`${ctx.consoleUrl}/contracts`);
    await page.getByTestId('contract-sign').click();
    await settled();
    await dialog().getByLabel('合同编号').fill(id);
    const select = dialog().getByLabel('承接机构', { exact: true });
    await select.click();
    await select.fill(operator.id);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: operator.id })
      .click();
    await dialog().getByLabel('中标通知日期').fill('2026-01-01');
    await dialog().getByLabel('签订日期').fill('2025-12-20');
    await dialog().getByLabel('服务期起').fill('2026-03-01');
    await dialog().getByLabel('服务期止').fill('2029-02-28');
    await dialog().getByLabel('合同金额（元）').fill('600000');
    await dialog()
      .getByRole('button', { name: named('签订') })
      .click();
    // PurchaseContractSchema's own check, as the service states it, on 签订日期; nothing is signed.
    expect(await fieldErrors(dialog(), '签订日期')).toContain('before the award notice');
    await expect(api.funding.contracts.get.query({ id })).rejects.toThrow();

    // Day 41 after the notice: signed, and the signing-deadline finding [ZZ §5.3] is on its page.
    await dialog().getByLabel('签订日期').fill('2026-02-11');
    await dialog()
      .getByRole('button', { name: named('签订') })
      .click();
    await page.waitForURL(`**/county/contracts/${id}`, { timeout: 15_000 });
    const signed = await api.funding.contracts.get.query({ id });
    expect(signed).toMatchObject({ amountFen: 60_000_000, signedOn: '2026-02-11', operatorId: operator.id });
    expect(signed.findings.map((f) => f.ruleId)).toContain('contract.signing-deadline');
    const findings = page.getByTestId('contract-findings');
    await expect
      .poll(() => findings.textContent(), { timeout: 15_000 })
      .toContain('contract.signing-deadline');
    for (const f of signed.findings) expect(await findings.textContent()).toContain(f.citation);
    await ctx.shot('contract-signed');
  });
});
