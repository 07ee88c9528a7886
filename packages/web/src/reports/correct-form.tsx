import { Alert, Button, Form, Input, InputNumber, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { type Report, useReportSteps } from './api.ts';
import { figureLabel } from './figure-label.ts';
import { figureRows } from './figures.ts';
import { fieldErrorsOf } from './form-errors.ts';

interface CorrectValues {
  path: string;
  value: number;
  reason: string;
}

const FIELDS = ['path', 'value', 'reason'] as const;

/**
 * Corrects one figure of a draft (`reports.correct`): the figure, the number the unit reports instead and
 * why. The computed value stays and is shown beside it. `path` preselects a figure (the table's 更正
 * button); the service's refusals land on the field they name.
 */
export function CorrectFigureForm({ report, path }: { report: Report; path?: string | undefined }) {
  const { t } = useI18n();
  const steps = useReportSteps();
  const [form] = Form.useForm<CorrectValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const rows = figureRows(report).filter((r) => r.correctable);

  // The table's 更正 button picks a figure: fill it in with its reported value, ready to change.
  const preset = path === undefined ? undefined : rows.find((r) => r.path === path)?.reported;
  useEffect(() => {
    if (path === undefined) return;
    form.setFieldsValue({ path, value: preset ?? 0 });
  }, [path, preset, form]);

  const submit = async (values: CorrectValues) => {
    setFailure(null);
    try {
      await steps.correct.mutateAsync({
        reportId: report.id,
        unitRegionCode: report.unitRegionCode,
        path: values.path,
        value: values.value,
        reason: values.reason.trim(),
      });
      form.resetFields();
    } catch (error) {
      const fields = fieldErrorsOf(error, FIELDS);
      if (fields.length > 0) form.setFields(fields);
      else setFailure(t('report.failed', { message: (error as Error).message }));
    }
  };

  return (
    <Form<CorrectValues>
      form={form}
      name="correct-figure"
      layout="vertical"
      onFinish={submit}
      style={{ maxWidth: 560 }}
      data-testid="correct-form"
    >
      <Form.Item
        name="path"
        label={t('report.correct.path')}
        rules={[{ required: true, message: t('report.correct.pathRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={rows.map((r) => ({ value: r.path, label: figureLabel(r.path, t) }))}
          onChange={(next: string) =>
            form.setFieldValue('value', rows.find((r) => r.path === next)?.reported ?? 0)
          }
        />
      </Form.Item>
      <Form.Item
        name="value"
        label={t('report.correct.value')}
        rules={[{ required: true, type: 'number', min: 0, message: t('report.correct.valueRequired') }]}
      >
        <InputNumber min={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('report.correct.reason')}
        rules={[{ required: true, whitespace: true, message: t('report.correct.reasonRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={2_000} />
      </Form.Item>
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 12 }} />}
      <Button htmlType="submit" loading={steps.correct.isPending}>
        {t('report.correct.submit')}
      </Button>
    </Form>
  );
}
