import { Alert, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../auth.tsx';
import { useI18n } from '../i18n.tsx';
import type { Report } from './api.ts';
import { useReportSteps } from './api.ts';
import { definitionsFor } from './definitions.ts';
import { chinaToday, periodKeys } from './figures.ts';
import { fieldErrorsOf } from './form-errors.ts';

interface DraftValues {
  definitionId: string;
  period: string;
  narrative?: string;
}

const FIELDS = ['definitionId', 'period', 'narrative'] as const;

/**
 * Creates the signed-in unit's draft for a period (`reports.draft`): the report and period picked, the
 * figures computed by the hub from its data. The period offered first is the last one that has ended
 * (a unit reports a finished quarter); the current one is offered too. Drafting an existing draft again
 * refreshes its figures and keeps its corrections.
 */
export function DraftReportForm({
  onDrafted,
  existing = [],
  pathOf,
}: {
  onDrafted: (report: Report) => void;
  /** The unit's reports so far: a period already submitted or approved cannot be drafted again. */
  existing?: readonly Report[];
  pathOf?: (report: Report) => string;
}) {
  const { t } = useI18n();
  const { session } = useAuth();
  const steps = useReportSteps();
  const [form] = Form.useForm<DraftValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const definitions = definitionsFor(session?.principal.role ?? '');
  const definitionId = Form.useWatch('definitionId', form) ?? definitions[0]?.id;
  const definition = definitions.find((d) => d.id === definitionId) ?? definitions[0];
  const periods = definition ? periodKeys(definition.period, chinaToday()) : [];
  const period = Form.useWatch('period', form) ?? periods[1];
  if (!definition) return <Alert type="info" showIcon title={t('report.draft.none')} />;
  // Said before the click: the service would refuse it (REPORT_STATUS_CONFLICT), in its own words.
  const taken = existing.find((r) => r.definitionId === definition.id && r.period.key === period);
  const closed = taken !== undefined && (taken.status === 'submitted' || taken.status === 'approved');

  const submit = async (values: DraftValues) => {
    setFailure(null);
    try {
      const report = await steps.draft.mutateAsync({
        definitionId: values.definitionId,
        unitRegionCode: session?.principal.regionCode ?? '',
        period: values.period,
        ...(values.narrative?.trim() && { narrative: values.narrative.trim() }),
      });
      onDrafted(report);
    } catch (error) {
      const fields = fieldErrorsOf(error, FIELDS);
      if (fields.length > 0) form.setFields(fields);
      else setFailure(t('report.failed', { message: (error as Error).message }));
    }
  };

  return (
    <Form<DraftValues>
      form={form}
      layout="inline"
      name="draft-report"
      onFinish={submit}
      initialValues={{ definitionId: definition.id, period: periods[1] }}
      style={{ rowGap: 12 }}
      data-testid="draft-form"
    >
      <Form.Item name="definitionId" label={t('report.draft.definition')} rules={[{ required: true }]}>
        <Select
          style={{ width: 260 }}
          options={definitions.map((d) => ({ value: d.id, label: t(`report.definition.${d.id}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="period"
        label={t('report.draft.period')}
        rules={[{ required: true }]}
        help={
          taken && (
            <span data-testid="draft-exists">
              {t('report.draft.exists', { status: t(`report.status.${taken.status}`) })}{' '}
              {pathOf && <Link to={pathOf(taken)}>{t('report.open')}</Link>}
            </span>
          )
        }
      >
        <Select style={{ width: 140 }} options={periods.map((p) => ({ value: p, label: p }))} />
      </Form.Item>
      <Form.Item name="narrative" label={t('report.draft.narrative')}>
        <Input style={{ width: 320 }} maxLength={20_000} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={steps.draft.isPending} disabled={closed}>
          {t('report.draft.submit')}
        </Button>
      </Form.Item>
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ width: '100%' }} />}
    </Form>
  );
}
