import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Progress, Space, Table, Typography } from 'antd';
import { useId, useMemo, useRef, useState } from 'react';
import { useAuth } from '../auth.tsx';
import { useCoveringCatalogs, usePopulations } from '../catalog/api.ts';
import { useHub } from '../hub.tsx';
import { useI18n } from '../i18n.tsx';
import { ErrorState, LoadingState } from '../states.tsx';
import {
  chunksOf,
  headersOf,
  type ImportProblem,
  itemsFromSheet,
  problemsOf,
  type SheetItems,
} from './import-columns.ts';
import type { ImportKind } from './import-kinds.ts';
import { emptyReference, type ImportReference } from './reference.ts';
import { readSheetOffThread } from './sheet-reader.ts';
import { templateSheets } from './template.ts';
import { downloadBlob, writeTableWorkbooks } from './workbook.ts';

/** Where a long step stands: rows done of rows in all. */
interface RowProgress {
  done: number;
  total: number;
}

type Phase<Preview> =
  | { step: 'idle' }
  | { step: 'reading'; file: string }
  | { step: 'checking'; file: string; progress: RowProgress }
  | { step: 'refused'; file: string; sheet?: string; problems: ImportProblem[]; notes: string[] }
  | { step: 'failed'; message: string }
  | { step: 'clean'; file: string; sheet: string; items: SheetItems; preview: Preview[]; notes: string[] }
  | {
      step: 'writing';
      file: string;
      sheet: string;
      items: SheetItems;
      preview: Preview[];
      notes: string[];
      progress: RowProgress;
    }
  | { step: 'written'; count: number };

/**
 * An Excel import of any kind (`ImportKind`: stations, resident workers, service records), in two steps.
 * The first sheet is read in a Web Worker, its rows turned into the write's inputs by the kind's columns,
 * then sent as a dry run — in calls of the kind's `perCall` rows, with progress — where the server checks
 * every row with the write's own schema, the caller's jurisdiction and its state, and writes nothing.
 * Every refusal is listed by its Excel row number and column header; only a clean dry run offers the
 * write, the same rows in the same calls. The template download holds the headers, an example row and
 * the notes with every allowed value. A kind that `readsReference` gets the catalogs covering the
 * signed-in user's region and the target populations from the gateway first (`catalog.covering`,
 * `catalog.populations`), with their loading and error states: the browser bundles no catalog.
 */
export function ExcelImport<Preview>({ kind }: { kind: ImportKind<Preview> }) {
  const { session } = useAuth();
  const regionCode = session?.principal.regionCode ?? '';
  const empty = useMemo(() => emptyReference(regionCode), [regionCode]);
  if (kind.readsReference) return <ReferencedImport kind={kind} regionCode={regionCode} />;
  return <ImportCard kind={kind} reference={empty} />;
}

/** The import once the region's reference data has loaded; its loading and error states until then. */
function ReferencedImport<Preview>({ kind, regionCode }: { kind: ImportKind<Preview>; regionCode: string }) {
  const { t } = useI18n();
  const catalogs = useCoveringCatalogs(regionCode);
  const populations = usePopulations();
  const reference = useMemo<ImportReference | undefined>(
    () =>
      catalogs.data && populations.data
        ? { regionCode, catalogs: catalogs.data, populations: populations.data }
        : undefined,
    [regionCode, catalogs.data, populations.data],
  );
  const error = catalogs.error ?? populations.error;
  if (error)
    return (
      <Card title={t(`import.${kind.id}.title`)}>
        <ErrorState
          error={error}
          onRetry={() => {
            if (catalogs.error) void catalogs.refetch();
            if (populations.error) void populations.refetch();
          }}
        />
      </Card>
    );
  if (!reference)
    return (
      <Card title={t(`import.${kind.id}.title`)}>
        <LoadingState label={t('import.loadingReference')} />
      </Card>
    );
  return <ImportCard kind={kind} reference={reference} />;
}

/** One kind's import card, its sheet read with the reference data it was given. */
function ImportCard<Preview>({ kind, reference }: { kind: ImportKind<Preview>; reference: ImportReference }) {
  const { t, locale } = useI18n();
  const hub = useHub();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [phase, setPhase] = useState<Phase<Preview>>({ step: 'idle' });
  const k = (key: string, vars?: Record<string, string | number>) => t(`import.${kind.id}.${key}`, vars);
  const columns = useMemo(() => kind.columns(reference), [kind, reference]);

  const check = async (file: File) => {
    setPhase({ step: 'reading', file: file.name });
    let sheet: Awaited<ReturnType<typeof readSheetOffThread>>;
    try {
      sheet = await readSheetOffThread(await file.arrayBuffer(), headersOf(columns));
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
    if (!sheet) return refuse(k('noHeader'));
    if (sheet.rows.length === 0) return refuse(t('import.noRows'), sheet.sheetName);
    if (sheet.rows.length > kind.maxRows)
      return refuse(t('import.tooMany', { max: kind.maxRows, n: sheet.rows.length }), sheet.sheetName);
    const read = itemsFromSheet(columns, sheet.headers, sheet.rows);
    const items = { ...read, items: kind.prepare ? kind.prepare(read.items) : read.items };
    const notes =
      items.unknownHeaders.length > 0
        ? [t('import.unknownColumns', { columns: items.unknownHeaders.join('、') })]
        : [];
    const total = items.items.length;
    try {
      const problems: ImportProblem[] = [];
      const preview: Preview[] = [];
      for (const { from, to } of chunksOf(total, kind.perCall)) {
        setPhase({ step: 'checking', file: file.name, progress: { done: from, total } });
        const answer = await kind.dryRun(hub, items.items.slice(from, to));
        problems.push(...problemsOf(columns, answer.checks, items, from, locale));
        preview.push(...answer.preview);
      }
      if (problems.length > 0)
        setPhase({ step: 'refused', file: file.name, sheet: sheet.sheetName, problems, notes });
      else setPhase({ step: 'clean', file: file.name, sheet: sheet.sheetName, items, preview, notes });
    } catch (error) {
      setPhase({ step: 'failed', message: t('import.failed', { reason: (error as Error).message }) });
    }
  };

  const write = async () => {
    if (phase.step !== 'clean') return;
    const { items } = phase;
    const total = items.items.length;
    let saved = 0;
    let written = 0;
    try {
      for (const { from, to } of chunksOf(total, kind.perCall)) {
        setPhase({ ...phase, step: 'writing', progress: { done: from, total } });
        saved += await kind.write(hub, items.items.slice(from, to));
        written = to;
      }
      await Promise.all(kind.invalidates.map((key) => queryClient.invalidateQueries({ queryKey: [...key] })));
      setPhase({ step: 'written', count: saved });
    } catch (error) {
      const reason = (error as Error).message;
      // Calls before the failed one are stored (each is all or nothing): say up to which Excel row.
      const last = items.sheetRows[written - 1];
      setPhase({
        step: 'failed',
        message:
          written > 0 && last !== undefined
            ? t('import.failedPartly', { n: written, row: last, reason })
            : t('import.failed', { reason }),
      });
    }
  };

  const template = async () => {
    const blob = await writeTableWorkbooks(
      templateSheets(k('sheet'), columns, kind.example(reference), kind.codeSheets?.(reference) ?? []),
    );
    downloadBlob(blob, `${k('title')}.xlsx`);
  };

  const reset = () => {
    if (input.current) input.current.value = '';
    setPhase({ step: 'idle' });
  };

  const busy = phase.step === 'reading' || phase.step === 'checking' || phase.step === 'writing';
  return (
    <Card title={k('title')} data-testid={kind.testId}>
      <Typography.Paragraph type="secondary">{k('hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor={inputId}>{k('fileLabel')}</label>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="import-file"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void check(file);
          }}
        />
        <Button icon={<DownloadOutlined />} onClick={() => void template()} data-testid="import-template">
          {t('import.template')}
        </Button>
      </Space>
      <ImportOutcome kind={kind} phase={phase} onConfirm={() => void write()} onReset={reset} />
    </Card>
  );
}

function ProgressLine({ label, progress }: { label: string; progress: RowProgress }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-progress">
      <Alert
        type="info"
        showIcon
        title={label}
        description={t('import.progress', { done: progress.done, total: progress.total })}
      />
      <Progress percent={Math.floor((progress.done / Math.max(progress.total, 1)) * 100)} />
    </Space>
  );
}

function ImportOutcome<Preview>({
  kind,
  phase,
  onConfirm,
  onReset,
}: {
  kind: ImportKind<Preview>;
  phase: Phase<Preview>;
  onConfirm: () => void;
  onReset: () => void;
}) {
  const { t } = useI18n();
  const k = (key: string, vars?: Record<string, string | number>) => t(`import.${kind.id}.${key}`, vars);
  switch (phase.step) {
    case 'idle':
      return null;
    case 'reading':
      return <Alert type="info" showIcon title={t('import.reading')} data-testid="import-reading" />;
    case 'checking':
      return <ProgressLine label={t('import.checking')} progress={phase.progress} />;
    case 'failed':
      return <Alert type="error" showIcon title={phase.message} role="alert" data-testid="import-failed" />;
    case 'written':
      return (
        <Alert
          type="success"
          showIcon
          title={k('done', { n: phase.count })}
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
            pagination={phase.problems.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
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
          {phase.step === 'writing' && <ProgressLine label={t('import.writing')} progress={phase.progress} />}
          <Table<{ key: string; row: Preview }>
            size="small"
            pagination={phase.preview.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            dataSource={phase.preview.map((row, i) => ({ key: kind.previewKey(row, i), row }))}
            columns={kind.preview.map((column) => ({
              title: t(column.titleKey),
              key: column.titleKey,
              render: (_: unknown, { row }: { row: Preview }) => column.value(row, t),
            }))}
          />
          <Space>
            <Button
              type="primary"
              loading={phase.step === 'writing'}
              onClick={onConfirm}
              data-testid="import-confirm"
            >
              {k('confirm', { n: phase.preview.length })}
            </Button>
            <Button onClick={onReset} disabled={phase.step === 'writing'}>
              {t('import.cancel')}
            </Button>
          </Space>
        </Space>
      );
  }
}
