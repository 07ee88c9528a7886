import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import { useHub } from '../hub.tsx';
import { useI18n } from '../i18n.tsx';
import type { Station } from '../stations/api.ts';
import {
  type ImportProblem,
  problemsOf,
  type RowCheck,
  STATION_IMPORT_COLUMNS,
  STATION_IMPORT_HEADERS,
  STATION_TEMPLATE_EXAMPLE,
  type StationRows,
  stationRowsFromSheet,
} from './station-import.ts';
import { downloadBlob, readUploadedSheet, writeTableWorkbook } from './workbook.ts';

/** The most rows one call takes (`batchOf` in @shegong/contracts). */
const MAX_ROWS = 1_000;

type Phase =
  | { step: 'idle' }
  | { step: 'checking'; file: string }
  | { step: 'refused'; file: string; sheet?: string; problems: ImportProblem[]; notes: string[] }
  | { step: 'failed'; message: string }
  | { step: 'clean'; file: string; sheet: string; rows: StationRows; preview: Station[]; notes: string[] }
  | { step: 'writing'; file: string; sheet: string; rows: StationRows; preview: Station[]; notes: string[] }
  | { step: 'written'; count: number };

/**
 * Stations from an Excel sheet, in two steps. The sheet is read in the browser, then sent as a dry run
 * (`registry.stations.upsertMany` with `dryRun: true`): the server checks every row with the write's own
 * schema, the caller's jurisdiction and the registry's state, writes nothing, and answers each row. Every
 * refusal is listed by its Excel row number and column header; only a clean dry run offers the write, the
 * all-or-nothing batch of the same rows.
 */
export function StationImport() {
  const { t } = useI18n();
  const hub = useHub();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });

  const check = async (file: File) => {
    setPhase({ step: 'checking', file: file.name });
    let sheet: Awaited<ReturnType<typeof readUploadedSheet>>;
    try {
      sheet = await readUploadedSheet(await file.arrayBuffer(), STATION_IMPORT_HEADERS);
    } catch (error) {
      setPhase({ step: 'failed', message: t('import.unreadable', { reason: (error as Error).message }) });
      return;
    }
    const refuse = (message: string, sheetName?: string) =>
      setPhase({
        step: 'refused',
        file: file.name,
        ...(sheetName !== undefined && { sheet: sheetName }),
        problems: [{ row: 0, column: '—', message }],
        notes: [],
      });
    if (!sheet) return refuse(t('import.noHeader'));
    if (sheet.rows.length === 0) return refuse(t('import.noRows'), sheet.sheetName);
    if (sheet.rows.length > MAX_ROWS) return refuse(t('import.tooMany', { n: sheet.rows.length }));
    const rows = stationRowsFromSheet(sheet.headers, sheet.rows);
    const notes =
      rows.unknownHeaders.length > 0
        ? [t('import.unknownColumns', { columns: rows.unknownHeaders.join('、') })]
        : [];
    try {
      const checks = (await hub.registry.stations.upsertMany.mutate({
        dryRun: true,
        items: rows.items,
      })) as Array<RowCheck & { station: Station | null }>;
      const problems = problemsOf(checks, rows);
      if (problems.length > 0)
        setPhase({ step: 'refused', file: file.name, sheet: sheet.sheetName, problems, notes });
      else
        setPhase({
          step: 'clean',
          file: file.name,
          sheet: sheet.sheetName,
          rows,
          preview: checks.flatMap((c) => (c.station ? [c.station] : [])),
          notes,
        });
    } catch (error) {
      setPhase({ step: 'failed', message: t('import.failed', { reason: (error as Error).message }) });
    }
  };

  const write = async () => {
    if (phase.step !== 'clean') return;
    setPhase({ ...phase, step: 'writing' });
    try {
      const saved = await hub.registry.stations.upsertMany.mutate({ items: phase.rows.items as never });
      await queryClient.invalidateQueries({ queryKey: ['registry.stations.list'] });
      setPhase({ step: 'written', count: saved.length });
    } catch (error) {
      setPhase({ step: 'failed', message: t('import.failed', { reason: (error as Error).message }) });
    }
  };

  const template = async () => {
    const blob = await writeTableWorkbook({
      title: t('import.title'),
      meta: [],
      headers: STATION_IMPORT_COLUMNS.map((c) => c.zh),
      rows: [STATION_TEMPLATE_EXAMPLE],
    });
    downloadBlob(blob, `${t('import.title')}.xlsx`);
  };

  const reset = () => {
    if (input.current) input.current.value = '';
    setPhase({ step: 'idle' });
  };

  return (
    <Card title={t('import.title')} data-testid="station-import">
      <Typography.Paragraph type="secondary">{t('import.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor={inputId}>{t('import.fileLabel')}</label>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="import-file"
          disabled={phase.step === 'checking' || phase.step === 'writing'}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void check(file);
          }}
        />
        <Button icon={<DownloadOutlined />} onClick={() => void template()}>
          {t('import.template')}
        </Button>
      </Space>
      <ImportOutcome phase={phase} onConfirm={() => void write()} onReset={reset} />
    </Card>
  );
}

function ImportOutcome({
  phase,
  onConfirm,
  onReset,
}: {
  phase: Phase;
  onConfirm: () => void;
  onReset: () => void;
}) {
  const { t } = useI18n();
  switch (phase.step) {
    case 'idle':
      return null;
    case 'checking':
      return <Alert type="info" showIcon title={t('import.checking')} />;
    case 'failed':
      return <Alert type="error" showIcon title={phase.message} role="alert" data-testid="import-failed" />;
    case 'written':
      return (
        <Alert
          type="success"
          showIcon
          title={t('import.done', { n: phase.count })}
          role="status"
          data-testid="import-done"
          action={<Button onClick={onReset}>{t('import.cancel')}</Button>}
        />
      );
    case 'refused':
      return (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-problems">
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('import.problems', { n: phase.problems.length })}
            description={
              phase.sheet ? t('import.file', { name: phase.file, sheet: phase.sheet }) : phase.file
            }
          />
          {phase.notes.map((note) => (
            <Alert key={note} type="warning" showIcon title={note} />
          ))}
          <Table<ImportProblem & { key: number }>
            size="small"
            pagination={false}
            dataSource={phase.problems.map((p, key) => ({ ...p, key }))}
            columns={[
              {
                title: t('import.row'),
                dataIndex: 'row',
                width: 80,
                render: (row: number) => (row > 0 ? row : '—'),
              },
              { title: t('import.column'), dataIndex: 'column', width: 180 },
              { title: t('import.problem'), dataIndex: 'message' },
            ]}
          />
        </Space>
      );
    case 'clean':
    case 'writing':
      return (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-clean">
          <Alert type="success" showIcon title={t('import.clean', { n: phase.preview.length })} />
          {phase.notes.map((note) => (
            <Alert key={note} type="warning" showIcon title={note} />
          ))}
          <Table<Station>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={phase.preview}
            columns={[
              { title: t('station.id'), dataIndex: 'id' },
              { title: t('stations.name'), dataIndex: 'name' },
              { title: t('stations.township'), dataIndex: 'regionCode' },
              { title: t('stations.signage'), dataIndex: 'signageName' },
            ]}
          />
          <Space>
            <Button
              type="primary"
              loading={phase.step === 'writing'}
              onClick={onConfirm}
              data-testid="import-confirm"
            >
              {t('import.confirm', { n: phase.preview.length })}
            </Button>
            <Button onClick={onReset} disabled={phase.step === 'writing'}>
              {t('import.cancel')}
            </Button>
          </Space>
        </Space>
      );
  }
}
