import { Alert, Button, Form, Input, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n.tsx';
import type { Station, StationStatus } from './api.ts';
import { useStationWrites } from './edit-api.ts';
import { serverFieldErrors, showOnForm } from './field-errors.ts';
import { nextStatuses } from './lifecycle.ts';

interface StatusValues {
  to: StationStatus;
  on: string;
}

/** Today in China (UTC+8, no daylight saving): the default day a status change takes effect. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * One step of the station's lifecycle (`registry.stations.changeStatus`): only the statuses the lifecycle
 * allows from the current one are offered (planned → building → operating ⇄ suspended, any → closed),
 * dated the day it takes effect; a refusal (`STATION_TRANSITION_CONFLICT` naming `to`, a bad day naming
 * `on`) lands on its field. A closed station offers nothing: closing is final.
 */
export function StationStatusChange({
  station,
  onChanged,
}: {
  station: Station;
  onChanged?: (s: Station) => void;
}) {
  const { t, locale } = useI18n();
  const writes = useStationWrites();
  const [form] = Form.useForm<StatusValues>();
  const [failure, setFailure] = useState<string[]>([]);
  const next = nextStatuses(station.status);
  // A new status offers new steps: the form starts again from the first of them.
  useEffect(() => {
    form.setFieldsValue({ to: nextStatuses(station.status)[0] });
  }, [form, station.status]);
  if (next.length === 0) return <Typography.Text type="secondary">{t('lifecycle.final')}</Typography.Text>;

  const submit = async (values: StatusValues) => {
    setFailure([]);
    try {
      const changed = await writes.changeStatus.mutateAsync({
        stationId: station.id,
        to: values.to,
        on: values.on,
      });
      onChanged?.(changed);
    } catch (error) {
      const { fields, other } = serverFieldErrors(
        error,
        (p) => (p[0] === 'to' || p[0] === 'on' ? [p[0]] : null),
        locale,
      );
      showOnForm(form, fields);
      setFailure(other);
    }
  };

  return (
    <Form<StatusValues>
      form={form}
      name={`status-${station.id}`}
      layout="inline"
      onFinish={submit}
      initialValues={{ to: next[0], on: chinaToday() }}
      data-testid="status-change"
      style={{ rowGap: 8 }}
    >
      {failure.length > 0 && (
        <Alert type="error" showIcon title={failure.join('；')} style={{ width: '100%' }} />
      )}
      <Form.Item
        name="to"
        label={t('lifecycle.to')}
        rules={[{ required: true, message: t('edit.required') }]}
      >
        <Select style={{ width: 160 }} options={next.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      </Form.Item>
      <Form.Item
        name="on"
        label={t('lifecycle.on')}
        rules={[{ required: true, message: t('edit.required') }]}
      >
        <Input type="date" style={{ width: 170 }} />
      </Form.Item>
      <Button htmlType="submit" loading={writes.changeStatus.isPending} data-testid="status-submit">
        {t('lifecycle.submit')}
      </Button>
    </Form>
  );
}
