import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { ErrorState, LoadingState } from '../states.tsx';
import { serverFieldErrors, showOnForm } from '../stations/field-errors.ts';
import {
  type Evaluation,
  type EvaluationKind,
  type RecordEvaluationInput,
  useRecordEvaluation,
  useStationScheme,
} from './api.ts';
import { computedIndicators, evaluatorIndicators } from './scheme.ts';

type Level = RecordEvaluationInput['conductedBy'];

interface EntryValues {
  points?: number | null;
  evidence?: string;
}

/** The form's values; money in 元 (the server takes fen), evidence one reference a line. */
export interface EvaluationFormValues {
  stationId: string;
  kind: EvaluationKind;
  half: string;
  decidedOn: string;
  evaluatorName?: string;
  contractId?: string;
  entries: Record<string, EntryValues>;
  vetoes: Record<string, { found?: boolean; evidence?: string }>;
  facts: {
    serviceTarget?: { quantity?: number | null; unit?: 'records' | 'beneficiaries'; evidence?: string };
    reports?: { due?: number | null; onTime?: number | null; evidence?: string };
    budget?: { spentYuan?: number | null; plannedYuan?: number | null; evidence?: string };
  };
}

/** Today in China (UTC+8). */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The half-years offered, latest first: the current one and the three before it. A station is evaluated
 * twice a year [ZZ §5.3, PY §5.3].
 * @example halfYears('2026-12-03') // ['2026-H2', '2026-H1', '2025-H2', '2025-H1']
 */
export function halfYears(today: string): string[] {
  let year = Number(today.slice(0, 4));
  let half = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
  const out: string[] = [];
  for (let i = 0; i < 4; i += 1) {
    out.push(`${year}-H${half}`);
    if (half === 2) half = 1;
    else {
      half = 2;
      year -= 1;
    }
  }
  return out;
}

/** The first and last day of a half-year key. */
export function halfYearRange(key: string): { from: string; to: string } {
  const year = key.slice(0, 4);
  return key.endsWith('H1')
    ? { from: `${year}-01-01`, to: `${year}-06-30` }
    : { from: `${year}-07-01`, to: `${year}-12-31` };
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
const isNumber = (n: number | null | undefined): n is number => typeof n === 'number';

/**
 * The values as `reporting.evaluations.record` takes them: an indicator without points is left out (the
 * server lists it as missing and gives no grade), a veto only when ticked, each entered fact only when its
 * figures are given.
 */
export function evaluationInputOf(values: EvaluationFormValues, conductedBy: Level): RecordEvaluationInput {
  const entries: NonNullable<RecordEvaluationInput['entries']> = {};
  for (const [id, entry] of Object.entries(values.entries ?? {})) {
    if (!isNumber(entry?.points)) continue;
    entries[id] = { points: entry.points, evidence: lines(entry.evidence) };
  }
  const vetoes = Object.entries(values.vetoes ?? {})
    .filter(([, v]) => v?.found)
    .map(([id, v]) => ({ id, evidence: lines(v?.evidence) }));
  const f = values.facts ?? {};
  const facts: NonNullable<RecordEvaluationInput['facts']> = {};
  if (isNumber(f.serviceTarget?.quantity)) {
    facts.serviceTarget = {
      quantity: f.serviceTarget.quantity,
      unit: f.serviceTarget.unit ?? 'records',
      evidence: lines(f.serviceTarget.evidence),
    };
  }
  if (isNumber(f.reports?.due) || isNumber(f.reports?.onTime)) {
    facts.reports = {
      due: f.reports?.due ?? 0,
      onTime: f.reports?.onTime ?? 0,
      evidence: lines(f.reports?.evidence),
    };
  }
  if (isNumber(f.budget?.spentYuan) || isNumber(f.budget?.plannedYuan)) {
    facts.budget = {
      spentFen: Math.round((f.budget?.spentYuan ?? 0) * 100),
      plannedFen: Math.round((f.budget?.plannedYuan ?? 0) * 100),
      evidence: lines(f.budget?.evidence),
    };
  }
  const evaluatorName = values.evaluatorName?.trim();
  const contractId = values.contractId?.trim();
  return {
    stationId: values.stationId,
    kind: values.kind,
    conductedBy,
    period: halfYearRange(values.half),
    decidedOn: values.decidedOn,
    ...(evaluatorName && { evaluatorName }),
    ...(contractId && { contractId }),
    entries,
    vetoes,
    facts,
  };
}

/**
 * Records a station's evaluation — the county's own (mid-term, final, annual) twice a year [ZZ §5.3,
 * PY §5.3], or a city's or province's spot check [ZZ §5.3, WH §3.4] — against the scheme: the evaluator's
 * points for each indicator the scheme leaves to them, with evidence [ZZ §5.6]; veto items found, with
 * evidence; and the facts the hub does not hold (the contract's service target, the operator's reports,
 * the station's budget). The indicators the hub computes are listed, not entered: nobody types a number
 * the hub already knows. Every refusal lands on the field it names.
 */
export function EvaluationForm({
  stationId,
  stations,
  conductedBy,
  kinds,
  onRecorded,
}: {
  /** The station evaluated; or pick one of `stations`. */
  stationId?: string;
  stations?: ReadonlyArray<{ id: string; name: string }>;
  conductedBy: Level;
  kinds: readonly EvaluationKind[];
  onRecorded: (evaluation: Evaluation) => void;
}) {
  const { t, locale } = useI18n();
  const record = useRecordEvaluation();
  const [form] = Form.useForm<EvaluationFormValues>();
  const [failure, setFailure] = useState<string[]>([]);
  // The indicators asked for are the scheme the server will score this station with (its profile's).
  const watched = Form.useWatch('stationId', form) as string | undefined;
  const chosen = stationId ?? watched;
  const schemeQuery = useStationScheme(chosen);
  const scheme = schemeQuery.data;
  const name = (n: { zh: string; en: string }) => (locale === 'en' ? n.en : n.zh);
  const today = chinaToday();
  const halves = halfYears(today);

  const submit = async (values: EvaluationFormValues) => {
    setFailure([]);
    const input = evaluationInputOf({ ...values, stationId: stationId ?? values.stationId }, conductedBy);
    const vetoIds = (input.vetoes ?? []).map((v) => v.id);
    try {
      onRecorded(await record.mutateAsync(input));
    } catch (error) {
      const { fields, other } = serverFieldErrors(
        error,
        (path) => {
          const [head, a, b] = path;
          if (head === 'entries' && typeof a === 'string')
            return ['entries', a, b === 'evidence' ? 'evidence' : 'points'];
          if (head === 'vetoes' && typeof a === 'number' && vetoIds[a])
            return ['vetoes', vetoIds[a], 'evidence'];
          if (head === 'facts' && typeof a === 'string') {
            if (a === 'budget' && (b === 'spentFen' || b === 'plannedFen'))
              return ['facts', a, b === 'spentFen' ? 'spentYuan' : 'plannedYuan'];
            return ['facts', a, typeof b === 'string' ? b : 'evidence'];
          }
          if (head === 'period') return ['half'];
          if (head === 'conductedBy') return ['kind'];
          if (head === 'stationId') return stationId ? null : ['stationId'];
          if (head === 'kind' || head === 'decidedOn' || head === 'evaluatorName' || head === 'contractId')
            return [head];
          return null;
        },
        locale,
      );
      showOnForm(form, fields);
      setFailure(other);
    }
  };

  return (
    <Form<EvaluationFormValues>
      form={form}
      name={`evaluation-${conductedBy}`}
      layout="vertical"
      onFinish={submit}
      initialValues={{
        ...(stationId && { stationId }),
        kind: kinds[0],
        half: halves[0],
        decidedOn: today,
        entries: {},
        vetoes: {},
        facts: { serviceTarget: { unit: 'records' } },
      }}
      data-testid="evaluation-form"
    >
      {failure.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('edit.failed')}
          description={failure.join('；')}
          style={{ marginBottom: 16 }}
          data-testid="evaluation-form-error"
        />
      )}
      {scheme && (
        <Typography.Paragraph type="secondary" data-testid="evaluation-scheme-note">
          {t('evaluation.schemeNote', { scheme: name(scheme.label), citation: scheme.citation })}
        </Typography.Paragraph>
      )}
      <Space wrap size="large" align="start">
        {!stationId && (
          <Form.Item
            name="stationId"
            label={t('evaluation.station')}
            rules={[{ required: true, message: t('edit.required') }]}
          >
            <Select
              style={{ width: 300 }}
              showSearch={{ optionFilterProp: 'label' }}
              options={(stations ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.id}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="kind"
          label={t('evaluation.kind')}
          rules={[{ required: true, message: t('edit.required') }]}
        >
          <Select
            style={{ width: 160 }}
            options={kinds.map((k) => ({ value: k, label: t(`evaluation.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="half"
          label={t('evaluation.period')}
          rules={[{ required: true, message: t('edit.required') }]}
        >
          <Select
            style={{ width: 160 }}
            options={halves.map((h) => ({
              value: h,
              label: t('evaluation.half', {
                year: h.slice(0, 4),
                half: h.endsWith('H1') ? t('evaluation.h1') : t('evaluation.h2'),
              }),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="decidedOn"
          label={t('evaluation.decidedOn')}
          rules={[{ required: true, message: t('edit.required') }]}
        >
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item
          name="evaluatorName"
          label={t('evaluation.evaluatorName')}
          extra={t('evaluation.evaluatorHint')}
        >
          <Input style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="contractId" label={t('evaluation.contractId')} extra={t('evaluation.contractHint')}>
          <Input style={{ width: 200 }} autoComplete="off" />
        </Form.Item>
      </Space>

      {!scheme ? (
        chosen === undefined ? (
          <Alert type="info" showIcon title={t('evaluation.pickStation')} style={{ marginBottom: 16 }} />
        ) : schemeQuery.isError ? (
          <ErrorState error={schemeQuery.error} onRetry={() => void schemeQuery.refetch()} />
        ) : (
          <LoadingState />
        )
      ) : (
        <>
          <Card
            size="small"
            title={t('evaluation.entries')}
            style={{ marginBottom: 16 }}
            data-testid="evaluation-entries"
          >
            <Table
              size="small"
              pagination={false}
              rowKey="id"
              dataSource={evaluatorIndicators(scheme)}
              columns={[
                {
                  title: t('evaluation.dimension'),
                  key: 'dimension',
                  render: (_: unknown, i) => name(i.dimension.name),
                },
                {
                  title: t('evaluation.indicator'),
                  key: 'indicator',
                  render: (_: unknown, i) => (
                    <div>
                      <div>
                        {name(i.name)}（{i.citation}）
                      </div>
                      {i.guidance && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {i.guidance}
                        </Typography.Text>
                      )}
                    </div>
                  ),
                },
                {
                  title: t('evaluation.points'),
                  key: 'points',
                  width: 170,
                  render: (_: unknown, i) => (
                    <Form.Item
                      name={['entries', i.id, 'points']}
                      style={{ margin: 0 }}
                      extra={t('evaluation.pointsOf', { max: i.points })}
                    >
                      <InputNumber
                        min={0}
                        max={i.points}
                        step={0.5}
                        style={{ width: 120 }}
                        aria-label={`${name(i.name)} ${t('evaluation.points')}`}
                        data-testid={`points-${i.id}`}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: t('evaluation.evidence'),
                  key: 'evidence',
                  render: (_: unknown, i) => (
                    <Form.Item name={['entries', i.id, 'evidence']} style={{ margin: 0 }}>
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 4 }}
                        placeholder={t('evaluation.evidenceHint')}
                        aria-label={t('evaluation.evidenceOf', { indicator: name(i.name) })}
                        data-testid={`evidence-${i.id}`}
                      />
                    </Form.Item>
                  ),
                },
              ]}
            />
          </Card>

          <Card size="small" title={t('evaluation.facts')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary">{t('evaluation.factsHint')}</Typography.Paragraph>
            <Space wrap size="large" align="start">
              <Form.Item name={['facts', 'serviceTarget', 'quantity']} label={t('evaluation.serviceTarget')}>
                <InputNumber min={1} precision={0} style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name={['facts', 'serviceTarget', 'unit']} label={t('evaluation.serviceUnit')}>
                <Select
                  style={{ width: 140 }}
                  options={(['records', 'beneficiaries'] as const).map((u) => ({
                    value: u,
                    label: t(`evaluation.unit.${u}`),
                  }))}
                />
              </Form.Item>
              <Form.Item
                name={['facts', 'serviceTarget', 'evidence']}
                label={t('evaluation.serviceEvidence')}
              >
                <Input.TextArea rows={1} style={{ width: 260 }} placeholder={t('evaluation.evidenceHint')} />
              </Form.Item>
            </Space>
            <Space wrap size="large" align="start">
              <Form.Item name={['facts', 'reports', 'due']} label={t('evaluation.reportsDue')}>
                <InputNumber min={0} precision={0} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name={['facts', 'reports', 'onTime']} label={t('evaluation.reportsOnTime')}>
                <InputNumber min={0} precision={0} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name={['facts', 'reports', 'evidence']} label={t('evaluation.reportsEvidence')}>
                <Input.TextArea rows={1} style={{ width: 260 }} placeholder={t('evaluation.evidenceHint')} />
              </Form.Item>
            </Space>
            <Space wrap size="large" align="start">
              <Form.Item name={['facts', 'budget', 'spentYuan']} label={t('evaluation.budgetSpent')}>
                <InputNumber min={0} precision={2} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name={['facts', 'budget', 'plannedYuan']} label={t('evaluation.budgetPlanned')}>
                <InputNumber min={0} precision={2} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name={['facts', 'budget', 'evidence']} label={t('evaluation.budgetEvidence')}>
                <Input.TextArea rows={1} style={{ width: 260 }} placeholder={t('evaluation.evidenceHint')} />
              </Form.Item>
            </Space>
            <Typography.Text type="secondary">
              {t('evaluation.computed')}{' '}
              {computedIndicators(scheme)
                .map((i) => `${name(i.name)}（${i.points}）`)
                .join('、')}
            </Typography.Text>
          </Card>

          <Card
            size="small"
            title={t('evaluation.vetoes')}
            style={{ marginBottom: 16 }}
            data-testid="evaluation-vetoes"
          >
            {scheme.vetoes.map((v) => (
              <Space key={v.id} align="start" wrap style={{ display: 'flex', marginBottom: 8 }}>
                <Form.Item name={['vetoes', v.id, 'found']} valuePropName="checked" style={{ margin: 0 }}>
                  <Checkbox data-testid={`veto-${v.id}`}>
                    {name(v.name)}（{v.citation}）
                  </Checkbox>
                </Form.Item>
                <Form.Item name={['vetoes', v.id, 'evidence']} style={{ margin: 0 }}>
                  <Input.TextArea
                    rows={1}
                    style={{ width: 320 }}
                    placeholder={t('evaluation.evidenceHint')}
                    aria-label={t('evaluation.evidenceOf', { indicator: name(v.name) })}
                  />
                </Form.Item>
              </Space>
            ))}
          </Card>
        </>
      )}
      <Button
        type="primary"
        htmlType="submit"
        disabled={!scheme}
        loading={record.isPending}
        data-testid="evaluation-submit"
      >
        {t('evaluation.record')}
      </Button>
    </Form>
  );
}
