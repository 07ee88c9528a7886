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
import { formatDate, formatNumber } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import type { StationWorker } from './api.ts';
import { type TrainingInput, useWorkerWrites, type WorkerInput } from './edit-api.ts';
import { serverFieldErrors, showOnForm } from './field-errors.ts';

type Education = WorkerInput['education'];
type CertificateLevel = NonNullable<WorkerInput['certificate']>['level'];
const EDUCATION = [
  'junior-high',
  'high-school',
  'secondary-vocational',
  'associate',
  'bachelor',
  'master',
  'doctorate',
] as const satisfies readonly Education[];
const CERTIFICATES = ['assistant', 'intermediate', 'senior'] as const satisfies readonly CertificateLevel[];

/** The form's values; the certificate flattened (level `none` for none), dates as ISO days. */
export interface WorkerFormValues {
  id: string;
  name?: string;
  role: 'lead' | 'resident';
  fullTime: boolean;
  idNumber: string;
  phone?: string;
  appointedOn: string;
  leftOn?: string;
  education: Education;
  socialWorkMajor: boolean;
  graduatedOn?: string;
  localHukou?: boolean;
  certificateLevel: CertificateLevel | 'none';
  certificatePassedOn?: string;
}

const trimmed = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/**
 * The values as `registry.workers.upsert` takes them. An edit sends back what the form does not show
 * (training records, certificate registrations) as the server returned them: the upsert replaces the
 * registered worker.
 */
export function workerInputOf(
  stationId: string,
  values: WorkerFormValues,
  existing?: StationWorker,
): WorkerInput {
  const name = trimmed(values.name);
  const phone = trimmed(values.phone);
  const leftOn = trimmed(values.leftOn);
  const graduatedOn = trimmed(values.graduatedOn);
  const passedOn = trimmed(values.certificatePassedOn);
  return {
    id: values.id?.trim() ?? '',
    stationId,
    ...(name && { name }),
    role: values.role,
    fullTime: values.fullTime,
    idNumber: values.idNumber?.trim() ?? '',
    ...(phone && { phone }),
    appointedOn: values.appointedOn ?? '',
    ...(leftOn && { leftOn }),
    education: values.education,
    socialWorkMajor: values.socialWorkMajor,
    ...(graduatedOn && { graduatedOn }),
    ...(values.localHukou !== undefined && { localHukou: values.localHukou }),
    ...(values.certificateLevel !== 'none' && {
      certificate: {
        level: values.certificateLevel,
        passedOn: passedOn ?? '',
        registrations: existing?.certificate?.registrations ?? [],
      },
    }),
    ...(existing?.relatedExperienceSince && { relatedExperienceSince: existing.relatedExperienceSince }),
    ...(existing?.postLevel !== undefined && { postLevel: existing.postLevel }),
    trainings: existing?.trainings ?? [],
  };
}

function valuesOf(worker: StationWorker): Partial<WorkerFormValues> {
  return {
    id: worker.id,
    ...(worker.name && { name: worker.name }),
    role: worker.role,
    fullTime: worker.fullTime,
    appointedOn: worker.appointedOn,
    ...(worker.leftOn && { leftOn: worker.leftOn }),
    education: worker.education,
    socialWorkMajor: worker.socialWorkMajor,
    ...(worker.graduatedOn && { graduatedOn: worker.graduatedOn }),
    ...(worker.localHukou !== undefined && { localHukou: worker.localHukou }),
    certificateLevel: worker.certificate?.level ?? 'none',
    ...(worker.certificate && { certificatePassedOn: worker.certificate.passedOn }),
  };
}

/** Server paths to the form's fields: the certificate's are flattened. */
function toField(path: ReadonlyArray<string | number>): Array<string | number> | null {
  const [head, sub] = path;
  if (head === 'certificate') return [sub === 'passedOn' ? 'certificatePassedOn' : 'certificateLevel'];
  const known = [
    'id',
    'name',
    'role',
    'fullTime',
    'idNumber',
    'phone',
    'appointedOn',
    'leftOn',
    'education',
    'socialWorkMajor',
    'graduatedOn',
    'localHukou',
  ];
  // `birthDate` is read from the ID number: a disagreement is the ID number's to show.
  if (head === 'birthDate') return ['idNumber'];
  return typeof head === 'string' && known.includes(head) ? [head] : null;
}

/**
 * Registers or edits a resident worker of a station (`registry.workers.upsert`). The ID number is checked
 * by the server (GB 11643 check digit, birth date) and never shown again: it comes back masked, so an
 * edit asks for it anew. Each refusal lands on the field it names.
 */
export function WorkerForm({
  stationId,
  worker,
  onSaved,
}: {
  stationId: string;
  worker?: StationWorker;
  onSaved: (worker: StationWorker) => void;
}) {
  const { t, locale } = useI18n();
  const writes = useWorkerWrites();
  const [form] = Form.useForm<WorkerFormValues>();
  const [failure, setFailure] = useState<string[]>([]);
  const certificate = Form.useWatch('certificateLevel', form);

  const save = async (values: WorkerFormValues) => {
    setFailure([]);
    try {
      onSaved(await writes.upsert.mutateAsync(workerInputOf(stationId, values, worker)));
    } catch (error) {
      const { fields, other } = serverFieldErrors(error, toField, locale);
      showOnForm(form, fields);
      setFailure(other);
    }
  };

  return (
    <Form<WorkerFormValues>
      form={form}
      name="worker"
      layout="vertical"
      onFinish={save}
      initialValues={
        worker
          ? valuesOf(worker)
          : {
              role: 'resident',
              fullTime: true,
              socialWorkMajor: false,
              education: 'bachelor',
              certificateLevel: 'none',
            }
      }
      data-testid="worker-form"
      style={{ maxWidth: 860 }}
    >
      {failure.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('edit.failed')}
          description={failure.join('；')}
          style={{ marginBottom: 16 }}
          data-testid="worker-form-error"
        />
      )}
      <Space wrap size="large" align="start">
        <Form.Item name="id" label={t('worker.id')} rules={[{ required: true, message: t('edit.required') }]}>
          <Input disabled={worker !== undefined} style={{ width: 200 }} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('workers.name')}>
          <Input style={{ width: 160 }} autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('workers.role')}>
          <Select
            style={{ width: 140 }}
            options={(['resident', 'lead'] as const).map((r) => ({
              value: r,
              label: t(`workers.role.${r}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="fullTime" valuePropName="checked" label={t('workers.fullTime')}>
          <Checkbox>{t('workers.yes')}</Checkbox>
        </Form.Item>
      </Space>
      <Space wrap size="large" align="start">
        <Form.Item
          name="idNumber"
          label={t('worker.idNumber')}
          rules={[{ required: true, message: t('edit.required') }]}
          extra={
            worker ? t('worker.idNumberAgain', { masked: worker.idNumberMasked }) : t('worker.idNumberHint')
          }
        >
          <Input style={{ width: 240 }} autoComplete="off" inputMode="text" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('worker.phone')}
          extra={worker?.phoneMasked ? t('worker.phoneAgain', { masked: worker.phoneMasked }) : undefined}
        >
          <Input style={{ width: 180 }} autoComplete="off" inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="appointedOn"
          label={t('workers.appointedOn')}
          rules={[{ required: true, message: t('edit.required') }]}
        >
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="leftOn" label={t('worker.leftOn')}>
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
      </Space>
      <Space wrap size="large" align="start">
        <Form.Item name="education" label={t('workers.education')}>
          <Select
            style={{ width: 160 }}
            options={EDUCATION.map((e) => ({ value: e, label: t(`education.${e}`) }))}
          />
        </Form.Item>
        <Form.Item name="socialWorkMajor" valuePropName="checked" label={t('worker.major')}>
          <Checkbox>{t('workers.yes')}</Checkbox>
        </Form.Item>
        <Form.Item name="graduatedOn" label={t('worker.graduatedOn')}>
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="localHukou" valuePropName="checked" label={t('worker.localHukou')}>
          <Checkbox>{t('workers.yes')}</Checkbox>
        </Form.Item>
      </Space>
      <Space wrap size="large" align="start">
        <Form.Item name="certificateLevel" label={t('workers.certificate')}>
          <Select
            style={{ width: 200 }}
            options={[
              { value: 'none', label: t('certificate.none') },
              ...CERTIFICATES.map((c) => ({ value: c, label: t(`certificate.${c}`) })),
            ]}
          />
        </Form.Item>
        {certificate !== undefined && certificate !== 'none' && (
          <Form.Item
            name="certificatePassedOn"
            label={t('worker.passedOn')}
            rules={[{ required: true, message: t('edit.required') }]}
          >
            <Input type="date" style={{ width: 170 }} />
          </Form.Item>
        )}
      </Space>
      <Button type="primary" htmlType="submit" loading={writes.upsert.isPending} data-testid="worker-save">
        {t(worker ? 'edit.save' : 'worker.create')}
      </Button>
    </Form>
  );
}

type TrainingKind = TrainingInput['kind'];
type ProviderKind = TrainingInput['provider']['kind'];
const TRAINING_KINDS = ['professional', 'pre-job', 'continuing'] as const satisfies readonly TrainingKind[];
const PROVIDER_KINDS = [
  'civil-affairs',
  'incubation-base',
  'industry-organization',
  'operator',
  'other',
] as const satisfies readonly ProviderKind[];

interface TrainingValues {
  date: string;
  hours: number;
  kind: TrainingKind;
  providerKind: ProviderKind;
  providerName?: string;
  passed?: boolean;
}

/**
 * A worker's training records and a form adding one (`registry.workers.addTraining`): continuing
 * education counts to the 60 hours a year [ZZ §6.5]; professional training from a qualifying provider to
 * the qualification [ZZ §4.4].
 */
export function WorkerTrainings({ worker }: { worker: StationWorker }) {
  const { t, locale } = useI18n();
  const writes = useWorkerWrites();
  const [form] = Form.useForm<TrainingValues>();
  const [failure, setFailure] = useState<string[]>([]);

  const add = async (values: TrainingValues) => {
    setFailure([]);
    const providerName = trimmed(values.providerName);
    try {
      await writes.addTraining.mutateAsync({
        workerId: worker.id,
        training: {
          date: values.date,
          hours: values.hours,
          kind: values.kind,
          provider: { kind: values.providerKind, ...(providerName && { name: providerName }) },
          ...(values.kind === 'pre-job' && { passed: values.passed ?? false }),
        },
      });
      form.resetFields();
    } catch (error) {
      const { fields, other } = serverFieldErrors(
        error,
        (p) => {
          if (p[0] !== 'training') return null;
          if (p[1] === 'provider') return [p[2] === 'name' ? 'providerName' : 'providerKind'];
          return typeof p[1] === 'string' && ['date', 'hours', 'kind', 'passed'].includes(p[1])
            ? [p[1]]
            : null;
        },
        locale,
      );
      showOnForm(form, fields);
      setFailure(other);
    }
  };

  return (
    <Card size="small" title={t('training.title')} data-testid="trainings">
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => `${r.date}-${r.kind}-${r.hours}-${r.provider.name ?? ''}`}
        dataSource={[...worker.trainings]}
        locale={{ emptyText: t('training.empty') }}
        columns={[
          { title: t('training.date'), dataIndex: 'date', render: (d: string) => formatDate(d, locale) },
          { title: t('training.hours'), dataIndex: 'hours', render: (h: number) => formatNumber(h, locale) },
          { title: t('training.kind'), dataIndex: 'kind', render: (k: string) => t(`training.kind.${k}`) },
          {
            title: t('training.provider'),
            key: 'provider',
            render: (_: unknown, r) =>
              `${t(`provider.${r.provider.kind}`)}${r.provider.name ? `：${r.provider.name}` : ''}`,
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('training.hint')}
      </Typography.Paragraph>
      {failure.length > 0 && (
        <Alert type="error" showIcon title={failure.join('；')} style={{ marginBottom: 8 }} />
      )}
      <Form<TrainingValues>
        form={form}
        name={`training-${worker.id}`}
        layout="inline"
        onFinish={add}
        initialValues={{ kind: 'continuing', providerKind: 'civil-affairs' }}
        style={{ rowGap: 8 }}
      >
        <Form.Item
          name="date"
          label={t('training.date')}
          rules={[{ required: true, message: t('edit.required') }]}
        >
          <Input type="date" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="hours"
          label={t('training.hours')}
          rules={[{ required: true, message: t('edit.required') }]}
        >
          <InputNumber min={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="kind" label={t('training.kind')}>
          <Select
            style={{ width: 140 }}
            options={TRAINING_KINDS.map((k) => ({ value: k, label: t(`training.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="providerKind" label={t('training.provider')}>
          <Select
            style={{ width: 180 }}
            options={PROVIDER_KINDS.map((k) => ({ value: k, label: t(`provider.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="providerName" label={t('training.providerName')}>
          <Input style={{ width: 180 }} />
        </Form.Item>
        <Button htmlType="submit" loading={writes.addTraining.isPending}>
          {t('training.add')}
        </Button>
      </Form>
    </Card>
  );
}
