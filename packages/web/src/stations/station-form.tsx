import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useAuth } from '../auth.tsx';
import { useI18n } from '../i18n.tsx';
import { useRegionNames } from '../regions.ts';
import type { Station } from './api.ts';
import {
  type StationCheck,
  type StationInput,
  useInstitutions,
  useStationWrites,
  useTownships,
} from './edit-api.ts';
import { dryRunFieldErrors, type ServerFieldError, serverFieldErrors, showOnForm } from './field-errors.ts';

type StationType = StationInput['type'];
type RoomKind = NonNullable<NonNullable<StationInput['facilities']>['rooms']>[number];

const STATION_TYPES = [
  'township-station',
  'community-room',
  'county-centre',
] as const satisfies readonly StationType[];
/** The rooms a station may have [ZZ §4.2, WH §2.4]; the registry's `RoomKindSchema` checks them. */
const ROOM_KINDS = [
  'office',
  'casework',
  'group-activity',
  'multi-function',
  'archive',
] as const satisfies readonly RoomKind[];

/** The form's values: the registry's station input, facilities nested as the server names them. */
export interface StationFormValues {
  id: string;
  name: string;
  type: StationType;
  regionCode: string;
  communityName?: string;
  projectStartOn?: string;
  operatorId?: string;
  facilities: {
    officeM2?: number | null;
    activityM2?: number | null;
    rooms: RoomKind[];
    equipment: string[];
  };
  institutions: NonNullable<StationInput['institutions']>;
}

const trimmed = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/**
 * The values as `registry.stations.upsert` takes them: blanks left out, so the server keeps or defaults
 * them (status and institutions are kept when omitted; the status moves only through `changeStatus`).
 */
export function stationInputOf(values: StationFormValues, withInstitutions: boolean): StationInput {
  const f = values.facilities;
  const communityName = trimmed(values.communityName);
  const projectStartOn = trimmed(values.projectStartOn);
  const operatorId = trimmed(values.operatorId);
  return {
    id: values.id?.trim() ?? '',
    name: values.name?.trim() ?? '',
    type: values.type,
    regionCode: values.regionCode ?? '',
    ...(communityName && { communityName }),
    ...(projectStartOn && { projectStartOn }),
    ...(operatorId && { operatorId }),
    facilities: {
      ...(typeof f?.officeM2 === 'number' && { officeM2: f.officeM2 }),
      ...(typeof f?.activityM2 === 'number' && { activityM2: f.activityM2 }),
      rooms: f?.rooms ?? [],
      equipment: (f?.equipment ?? []).map((e) => e.trim()).filter((e) => e.length > 0),
    },
    ...(withInstitutions && { institutions: values.institutions ?? [] }),
  };
}

function valuesOf(station: Station): StationFormValues {
  return {
    id: station.id,
    name: station.name,
    type: station.type,
    regionCode: station.regionCode,
    ...(station.communityName && { communityName: station.communityName }),
    ...(station.projectStartOn && { projectStartOn: station.projectStartOn }),
    ...(station.operatorId && { operatorId: station.operatorId }),
    facilities: {
      officeM2: station.facilities.officeM2 ?? null,
      activityM2: station.facilities.activityM2 ?? null,
      rooms: [...station.facilities.rooms],
      equipment: [...station.facilities.equipment],
    },
    institutions: [...station.institutions],
  };
}

/** The fields a server path may name; anything else goes to the alert above the form. */
const FORM_FIELDS = new Set([
  'id',
  'name',
  'type',
  'regionCode',
  'communityName',
  'projectStartOn',
  'operatorId',
  'facilities',
  'institutions',
]);
const toField = (path: ReadonlyArray<string | number>) => {
  if (!FORM_FIELDS.has(String(path[0]))) return null;
  // A room or an equipment item is one entry of a multi-select: its error belongs to the select.
  if (path[0] === 'facilities') return path.slice(0, 2).map(String);
  return [String(path[0])];
};

/**
 * Creates (`station` absent) or edits a station of the signed-in county: name, township, type,
 * facilities (office and activity m², rooms, equipment [ZZ §4.2]) and, for a registered station, the
 * institutions checklist [ZZ §4.3]. While the clerk types, the server's dry run (`upsertMany` with
 * `dryRun: true`, nothing written) previews the sign as the registry would generate it [ZZ §4.5]; every
 * refusal, of the preview or the save, lands on the field it names.
 */
export function StationForm({
  station,
  onSaved,
}: {
  station?: Station;
  onSaved: (station: Station) => void;
}) {
  const { t, locale } = useI18n();
  const { session } = useAuth();
  const county = session?.principal.regionCode;
  const writes = useStationWrites();
  const townships = useTownships(county);
  const countyName = useRegionNames([county]).get(county ?? '');
  const institutions = useInstitutions(station?.id);
  const [form] = Form.useForm<StationFormValues>();
  const [preview, setPreview] = useState<StationCheck | null>(null);
  const [failure, setFailure] = useState<string[]>([]);
  const [previewedFields, setPreviewedFields] = useState<ServerFieldError[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const type = Form.useWatch('type', form);

  useEffect(() => () => clearTimeout(timer.current), []);

  const runPreview = () => {
    const values = form.getFieldsValue(true) as StationFormValues;
    if (!values.name?.trim() || !values.regionCode || !values.id?.trim()) return;
    writes.check.mutate(stationInputOf(values, false), {
      onSuccess: (check) => {
        setPreview(check);
        // Clear what the last preview placed, then place this one's errors on the fields they name.
        const placed = dryRunFieldErrors(check.errors, toField, locale);
        showOnForm(form, [...previewedFields.map((f) => ({ name: f.name, errors: [] })), ...placed.fields]);
        setPreviewedFields(placed.fields);
      },
    });
  };
  const schedulePreview = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(runPreview, 400);
  };
  // The preview of a station being edited is shown on arrival.
  useEffect(() => {
    if (station) runPreview();
  }, [station?.id]);

  const save = async (values: StationFormValues) => {
    setFailure([]);
    try {
      const saved = await writes.upsert.mutateAsync(stationInputOf(values, station !== undefined));
      onSaved(saved);
    } catch (error) {
      const { fields, other } = serverFieldErrors(error, toField, locale);
      showOnForm(form, fields);
      setFailure(other);
    }
  };

  const regionOptions = [
    ...(county ? [{ value: county, label: `${county} ${countyName ?? ''}` }] : []),
    ...(townships.data ?? []).map((r) => ({ value: r.code, label: `${r.code} ${r.name}` })),
  ];
  const checklist = institutions.data ? [...institutions.data.inPlace, ...institutions.data.missing] : [];

  return (
    <Form<StationFormValues>
      form={form}
      name="station"
      layout="vertical"
      onFinish={save}
      onValuesChange={schedulePreview}
      initialValues={
        station
          ? valuesOf(station)
          : { type: 'township-station', facilities: { rooms: [], equipment: [] }, institutions: [] }
      }
      data-testid="station-form"
      style={{ maxWidth: 860 }}
    >
      {failure.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('edit.failed')}
          description={failure.join('；')}
          data-testid="station-form-error"
        />
      )}
      <Card size="small" title={t('station.basics')} style={{ marginBottom: 16 }}>
        <Space wrap size="large" align="start">
          <Form.Item
            name="id"
            label={t('station.id')}
            rules={[{ required: true, message: t('edit.required') }]}
            extra={station ? undefined : t('edit.idHint')}
          >
            <Input disabled={station !== undefined} style={{ width: 220 }} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('stations.name')}
            rules={[{ required: true, message: t('edit.required') }]}
          >
            <Input style={{ width: 320 }} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="type"
            label={t('stations.type')}
            rules={[{ required: true, message: t('edit.required') }]}
          >
            <Select
              style={{ width: 220 }}
              options={STATION_TYPES.map((v) => ({ value: v, label: t(`type.${v}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('edit.region')}
            rules={[{ required: true, message: t('edit.required') }]}
          >
            <Select
              style={{ width: 260 }}
              showSearch={{ optionFilterProp: 'label' }}
              loading={townships.isPending}
              options={regionOptions}
            />
          </Form.Item>
          {type === 'community-room' && (
            <Form.Item name="communityName" label={t('edit.communityName')}>
              <Input style={{ width: 220 }} />
            </Form.Item>
          )}
          <Form.Item name="projectStartOn" label={t('station.projectStartOn')}>
            <Input type="date" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="operatorId" label={t('edit.operatorId')}>
            <Input style={{ width: 220 }} autoComplete="off" />
          </Form.Item>
        </Space>
        <div data-testid="signage-preview" aria-live="polite">
          <Typography.Text type="secondary">{t('edit.signage')}</Typography.Text>{' '}
          {preview?.station ? (
            <Typography.Text strong data-testid="signage-name">
              {preview.station.signageName}
            </Typography.Text>
          ) : preview ? (
            <Typography.Text type="danger">{t('edit.signageRefused')}</Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t('edit.signagePending')}</Typography.Text>
          )}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('edit.signageHint')}
            </Typography.Text>
          </div>
        </div>
      </Card>
      <Card size="small" title={t('station.facilities')} style={{ marginBottom: 16 }}>
        <Space wrap size="large" align="start">
          <Form.Item name={['facilities', 'officeM2']} label={t('edit.officeM2')}>
            <InputNumber min={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name={['facilities', 'activityM2']} label={t('edit.activityM2')}>
            <InputNumber min={0} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item name={['facilities', 'rooms']} label={t('station.rooms')}>
          <Checkbox.Group options={ROOM_KINDS.map((r) => ({ value: r, label: t(`room.${r}`) }))} />
        </Form.Item>
        <Form.Item
          name={['facilities', 'equipment']}
          label={t('station.equipment')}
          extra={t('edit.equipmentHint')}
        >
          <Select mode="tags" style={{ maxWidth: 600 }} tokenSeparators={[',', '，', '、']} open={false} />
        </Form.Item>
      </Card>
      <Card
        size="small"
        title={t('edit.institutions')}
        style={{ marginBottom: 16 }}
        data-testid="institutions"
      >
        {station === undefined ? (
          <Typography.Text type="secondary">{t('edit.institutionsAfterCreate')}</Typography.Text>
        ) : (
          <Form.Item name="institutions" label={t('edit.institutionsLabel')}>
            <Checkbox.Group
              style={{
                display: 'grid',
                gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
                rowGap: 8,
              }}
              options={checklist.map((i) => ({
                value: i.id,
                label: `${locale === 'en' ? i.en : i.zh}（${i.citation}）`,
              }))}
            />
          </Form.Item>
        )}
      </Card>
      <Button type="primary" htmlType="submit" loading={writes.upsert.isPending} data-testid="station-save">
        {t(station ? 'edit.save' : 'edit.create')}
      </Button>
    </Form>
  );
}
