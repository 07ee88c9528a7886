import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { budgetToSheets, writeWorkbook } from '@shegong/cli';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const EXAMPLE_JSON = 'examples/budget/upload.json';
const EXAMPLE_XLSX = 'examples/budget/upload.xlsx';

interface Report {
  findings: Array<{ ruleId: string; severity: string; subject: { kind: string; id: string } }>;
  summary: { error: number; warning: number; info: number };
  profiles: Record<string, string>;
}

function check(...args: string[]) {
  const result = runCli('check', 'budget', ...args, '--format', 'json');
  return {
    status: result.status,
    stderr: result.stderr,
    report: JSON.parse(result.stdout || '{}') as Report,
  };
}

describe('shegong check budget', () => {
  it('finds the deliberate problems of the worked example, each item under its own profile', () => {
    const { status, report } = check(EXAMPLE_JSON, '--as-of', '2024-06-30');
    expect(status).toBe(1);
    expect(report.summary).toEqual({ error: 10, warning: 1, info: 0 });
    expect(report.profiles).toMatchObject({ 'budgets[0]': 'ZZ', 'budgets[2]': 'WH', 'facilities[2]': 'PY' });
    const found = report.findings.map((f) => `${f.ruleId} ${f.subject.id}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'budget.personnel-share erqi-2023',
        'budget.single-source-purpose erqi-2023',
        'budget.labour-cost-floor jiangan-2023',
        'contract.signing-deadline jinshui-2023-c',
        'operator.imported-rating op-wh',
        'station.office-area zz-sdl',
        'station.office-area py-hl',
      ]),
    );
    expect(found).not.toContain('operator.imported-rating op-hx');
  });

  it('reads the same upload from XLSX (money in yuan) and finds the same', () => {
    expect(check(EXAMPLE_XLSX, '--as-of', '2024-06-30').report).toEqual(
      check(EXAMPLE_JSON, '--as-of', '2024-06-30').report,
    );
  });

  it('names the sheet, row and column of a bad amount of yuan', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'shegong-budget-')), 'bad.xlsx');
    const sheets = budgetToSheets({
      regionCode: '410100',
      budgets: [
        {
          id: 'b',
          countyCode: '410105',
          year: 2023,
          stationsCovered: 1,
          workersBudgeted: 2,
          lines: [{ category: 'salary', amountFen: 100 }],
        },
      ],
    });
    sheets.budgetLines?.push({ budgetId: 'b', category: 'salary', amountYuan: '12.345' });
    await writeWorkbook(file, sheets);
    const { status, stderr } = check(file);
    expect(status).toBe(2);
    expect(stderr).toContain('sheet "budgetLines" row 3 column "amountYuan"');
  });

  it('exits 2 when an item has no county and the file no region', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'shegong-budget-')), 'noregion.json');
    writeFileSync(
      file,
      JSON.stringify({ operators: [{ id: 'o', name: '某机构', origin: 'imported', rating: '3A' }] }),
    );
    const { status, stderr } = check(file);
    expect(status).toBe(2);
    expect(stderr).toContain('operators[0]');
    expect(check(file, '--profile', 'ZZ').status).toBe(0);
  });

  it('shows progress on stderr for a large upload', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'shegong-budget-')), 'large.json');
    const facilities = Array.from({ length: 2_500 }, (_, i) => ({
      stationId: `s${i}`,
      officeAreaM2: 10 + (i % 5),
    }));
    writeFileSync(file, JSON.stringify({ regionCode: '410100', facilities }));
    const { status, stderr, report } = check(file);
    expect(status).toBe(1);
    expect(report.findings.length).toBe(1_000); // 10 and 11 m² are below 12 m² [ZZ §4.2]
    expect(stderr).toContain('checking budget');
    expect(stderr).toMatch(/100%/);
  });
});
