import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staffingToSheets, writeWorkbook } from '@shegong/cli';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const EXAMPLE_JSON = 'examples/staffing/stations.json';
const EXAMPLE_XLSX = 'examples/staffing/stations.xlsx';
const tmp = () => mkdtempSync(join(tmpdir(), 'shegong-check-'));

interface Report {
  findings: Array<{ ruleId: string; severity: string; subject: { id: string } }>;
  summary: { error: number; warning: number; info: number };
}

function check(...args: string[]): { status: number | null; report: Report; stderr: string } {
  const result = runCli('check', 'staffing', ...args, '--format', 'json');
  return {
    status: result.status,
    report: JSON.parse(result.stdout || '{}') as Report,
    stderr: result.stderr,
  };
}

describe('shegong check staffing', () => {
  it('finds the deliberate problems of the worked example and exits 1', () => {
    const { status, report } = check(EXAMPLE_JSON, '--as-of', '2023-06-30');
    expect(status).toBe(1);
    expect(report.summary).toEqual({ error: 10, warning: 3, info: 1 });
    const rules = new Set(report.findings.map((f) => f.ruleId));
    for (const rule of [
      'staffing.age-at-appointment',
      'staffing.min-residents',
      'staffing.supervisor-experience',
      'national.certificate-registration',
    ]) {
      expect(rules).toContain(rule);
    }
  });

  it('reads the same data from XLSX and finds the same', () => {
    expect(check(EXAMPLE_XLSX, '--as-of', '2023-06-30').report).toEqual(
      check(EXAMPLE_JSON, '--as-of', '2023-06-30').report,
    );
  });

  it('exits 0 on clean input, and --fail-on error ignores warnings', () => {
    const dir = tmp();
    const clean = join(dir, 'clean.json');
    writeFileSync(clean, JSON.stringify({ stations: [], workers: [] }));
    expect(check(clean, '--as-of', '2023-06-30').status).toBe(0);
    const onlyWarnings = join(dir, 'warn.json');
    writeFileSync(
      onlyWarnings,
      JSON.stringify({
        stations: [{ id: 'a', regionCode: '420117', projectStartOn: '2022-01-01' }],
        workers: ['x', 'y'].map((id) => ({
          id,
          stationId: 'a',
          birthDate: '1990-01-01',
          appointedOn: '2022-01-01',
          education: 'bachelor',
        })),
      }),
    );
    const warned = check(onlyWarnings, '--as-of', '2023-06-30');
    expect(warned.report.summary.error).toBe(0);
    expect(warned.report.summary.warning).toBeGreaterThan(0);
    expect(warned.status).toBe(1);
    expect(check(onlyWarnings, '--as-of', '2023-06-30', '--fail-on', 'error').status).toBe(0);
  });

  it('applies another profile as a what-if', () => {
    const { report } = check(EXAMPLE_JSON, '--as-of', '2023-06-30', '--profile', 'WH');
    expect(
      report.findings
        .filter((f) => f.ruleId === 'staffing.min-residents')
        .map((f) => f.subject.id)
        .sort(),
    ).toEqual(['wh-jy', 'zz-sdl']);
  });

  it('exits 2 naming the file and JSON path of bad JSON input', () => {
    const dir = tmp();
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        stations: [{ id: 's', regionCode: '41', projectStartOn: '2021-13-01' }],
        workers: [],
      }),
    );
    const { status, stderr } = check(bad);
    expect(status).toBe(2);
    expect(stderr).toContain(bad);
    expect(stderr).toContain('stations[0].regionCode');
    expect(stderr).toContain('stations[0].projectStartOn');
  });

  it('exits 2 naming the file, sheet, row and column of bad XLSX input', async () => {
    const dir = tmp();
    const file = join(dir, 'bad.xlsx');
    const sheets = staffingToSheets({
      stations: [{ id: 's1', regionCode: '410103016', projectStartOn: '2021-03-01' }],
      workers: [
        {
          id: 'w1',
          stationId: 's1',
          birthDate: '1990-01-01',
          appointedOn: '2021-03-01',
          education: 'bachelor',
        },
        { id: 'w2', stationId: 's1', birthDate: 'yesterday', appointedOn: '2021-03-01', education: 'phd' },
      ],
    });
    sheets.trainings = [
      { workerId: 'w9', date: '2021-01-01', hours: 'ten', kind: 'continuing', providerKind: 'other' },
    ];
    await writeWorkbook(file, sheets);
    const { status, stderr } = check(file);
    expect(status).toBe(2);
    expect(stderr).toContain(file);
    expect(stderr).toContain('sheet "workers" row 3 column "birthDate"');
    expect(stderr).toContain('sheet "workers" row 3 column "education"');
    expect(stderr).toContain('sheet "trainings" row 2 column "hours"');
    expect(stderr).toContain('sheet "trainings" row 2 column "workerId"');
  });

  it('exits 2 for an unknown profile, a bad date, a missing file or an unsupported type', () => {
    expect(runCli('check', 'staffing', EXAMPLE_JSON, '--profile', 'XX').status).toBe(2);
    expect(runCli('check', 'staffing', EXAMPLE_JSON, '--as-of', '2023-02-30').status).toBe(2);
    const missing = runCli('check', 'staffing', 'nope.json');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.json');
    expect(runCli('check', 'staffing', 'README.md').stderr).toContain('use .json or .xlsx');
  });

  it('shows progress on stderr for a large input', () => {
    const dir = tmp();
    const file = join(dir, 'large.json');
    const stations = Array.from({ length: 1_200 }, (_, i) => ({
      id: `s${i}`,
      regionCode: '410103016',
      projectStartOn: '2021-03-01',
    }));
    const workers = stations.flatMap((s) =>
      ['a', 'b'].map((x) => ({
        id: `${s.id}${x}`,
        stationId: s.id,
        birthDate: '1990-01-01',
        appointedOn: '2021-03-01',
        education: 'bachelor',
        socialWorkMajor: true,
      })),
    );
    writeFileSync(file, JSON.stringify({ stations, workers }));
    const { status, stderr, report } = check(file, '--as-of', '2023-06-30');
    expect(status).toBe(1);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(stderr).toContain('checking staffing');
    expect(stderr).toMatch(/100%/);
  });
});
