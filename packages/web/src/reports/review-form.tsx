import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { type Report, useReportSteps } from './api.ts';
import { fieldErrorsOf } from './form-errors.ts';

/**
 * The level above's review of a submitted report: approve it (which locks the unit × period) or return
 * it with a reason the unit will see. The gateway refuses either to anyone but the level above.
 */
export function ReviewReportForm({ report }: { report: Report }) {
  const { t } = useI18n();
  const steps = useReportSteps();
  const [form] = Form.useForm<{ reason: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const ref = { reportId: report.id, unitRegionCode: report.unitRegionCode };

  const fail = (error: unknown) => {
    const fields = fieldErrorsOf(error, ['reason'] as const);
    if (fields.length > 0) form.setFields(fields);
    else setFailure(t('report.failed', { message: (error as Error).message }));
  };
  const approve = async () => {
    setFailure(null);
    try {
      await steps.approve.mutateAsync(ref);
    } catch (error) {
      fail(error);
    }
  };
  const sendBack = async ({ reason }: { reason: string }) => {
    setFailure(null);
    try {
      await steps.sendBack.mutateAsync({ ...ref, reason: reason.trim() });
      form.resetFields();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <div data-testid="review-form">
      <Flex vertical gap={12} align="flex-start" style={{ maxWidth: 560 }}>
        <Typography.Text type="secondary">{t('report.approveHint')}</Typography.Text>
        <Button type="primary" onClick={approve} loading={steps.approve.isPending}>
          {t('report.approve')}
        </Button>
        <Form
          form={form}
          name="return-report"
          layout="vertical"
          onFinish={sendBack}
          style={{ width: '100%' }}
        >
          <Form.Item
            name="reason"
            label={t('report.return.reason')}
            rules={[{ required: true, whitespace: true, message: t('report.return.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={2_000} />
          </Form.Item>
          <Button danger htmlType="submit" loading={steps.sendBack.isPending}>
            {t('report.return')}
          </Button>
        </Form>
        {failure && <Alert type="error" showIcon title={failure} role="alert" />}
      </Flex>
    </div>
  );
}
