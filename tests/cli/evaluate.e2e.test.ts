import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const EXAMPLE = 'examples/evaluation/stations.json';
const tmp = () => mkdtempSync(join(tmpdir(), 'shegong-evaluate-'));

interface Report {
  stations: Array<{
    stationId: string;
    profile: string | null;
    outcome: string;
    grade: string | null;
    total: number;
  }>;
  findings: Array<{ ruleId: string; citation: string; subject: { id: string } }>;
  summary: Record<string, number>;
}

function evaluate(...args: string[]) {
  const result = runCli('evaluate', ...args, '--format', 'json');
  return {
    status: result.status,
    stderr: result.stderr,
    report: JSON.parse(result.stdout || '{}') as Report,
  };
}

const example = () => JSON.parse(readFileSync(join(import.meta.dirname, '../..', EXAMPLE), 'utf8'));

describe('shegong evaluate', () => {
  it('grades the worked example: one excellent, one failing, one vetoed, and exits 1', () => {
    const { status, report } = evaluate(EXAMPLE);
    expect(status).toBe(1);
    expect(report.stations.map((s) => [s.stationId, s.profile, s.outcome, s.grade, s.total])).toEqual([
      ['zz-a', 'ZZ', 'graded', 'excellent', 94],
      ['py-b', 'PY', 'graded', 'fail', 27],
      ['wh-c', 'WH', 'vetoed', 'fail', 98.5],
    ]);
    expect(report.findings.map((f) => `${f.subject.id} ${f.ruleId} ${f.citation}`)).toEqual([
      'py-b evaluation.cadence PY §5.3',
      'py-b evaluation.grade-fail ZZ §6.4, PY §6.6',
      'wh-c evaluation.veto WH §3.4',
    ]);
    expect(report.summary).toEqual({ excellent: 1, good: 0, pass: 0, fail: 2, incomplete: 0 });
  });

  it('prints a table by default', () => {
    const result = runCli('evaluate', EXAMPLE);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('优秀');
    expect(result.stdout).toContain('不合格（一票否决）');
    expect(result.stdout).toContain('default scheme: point values are defaults, not policy');
  });

  it('exits 0 for an excellent station alone', () => {
    const file = join(tmp(), 'one.json');
    const input = example();
    writeFileSync(file, JSON.stringify({ ...input, stations: [input.stations[0]] }));
    expect(evaluate(file).status).toBe(0);
  });

  it('reports an entry without evidence as incomplete (exit 1), not as a zero', () => {
    const file = join(tmp(), 'no-evidence.json');
    const input = example();
    input.stations[0].entries['effect.quality'].evidence = [];
    writeFileSync(file, JSON.stringify({ ...input, stations: [input.stations[0]] }));
    const { status, report } = evaluate(file);
    expect(status).toBe(1);
    expect(report.stations[0]).toMatchObject({ outcome: 'incomplete', grade: null });
    expect(report.findings.map((f) => f.ruleId)).toContain('evaluation.evidence-missing');
  });

  it('applies another profile: under WH one mid-term a year suffices for py-b', () => {
    const { report } = evaluate(EXAMPLE, '--profile', 'WH');
    expect(report.findings.map((f) => f.ruleId)).not.toContain('evaluation.cadence');
  });

  it('exits 2 on bad input, naming the file and the JSON path', () => {
    const file = join(tmp(), 'bad.json');
    const input = example();
    input.stations[1].entries['effect.quality'].points = 11;
    input.stations[2].period.from = 'June';
    writeFileSync(file, JSON.stringify(input));
    const shape = evaluate(file);
    expect(shape.status).toBe(2);
    expect(shape.stderr).toContain(file);
    expect(shape.stderr).toContain('stations[2].period.from');
    input.stations[2].period.from = '2023-01-01';
    writeFileSync(file, JSON.stringify(input));
    const scheme = evaluate(file);
    expect(scheme.status).toBe(2);
    expect(scheme.stderr).toContain(file);
    expect(scheme.stderr).toMatch(/stations\[1\]\.entries\.effect\.quality\.points: 11 points is more than/);
  });

  it('exits 2 for an unknown scheme or profile', () => {
    expect(evaluate(EXAMPLE, '--scheme', 'nope')).toMatchObject({ status: 2 });
    expect(evaluate(EXAMPLE, '--profile', 'XX').stderr).toContain('EVALUATION_PROFILE_NOT_FOUND');
  });

  it('takes a province’s own scheme file with --scheme, with no code change', () => {
    const dir = tmp();
    const own = readFileSync(
      join(import.meta.dirname, '../../packages/evaluation/data/schemes/default.yaml'),
      'utf8',
    )
      .replace('id: default', 'id: province-own')
      .replace('status: default', 'status: adopted\nadoptedBy: 示例民〔2024〕1号')
      .replace('excellent: { label: 优秀, min: 90', 'excellent: { label: 优秀, min: 95');
    writeFileSync(join(dir, 'own.yaml'), own);
    const { report } = evaluate(EXAMPLE, '--scheme', join(dir, 'own.yaml'));
    expect(report.stations[0]).toMatchObject({ grade: 'good', total: 94 });
  });
});
