import { Card, Descriptions, Space } from 'antd';
import type { ReactNode } from 'react';
import { DataAsOf } from '../data-as-of.tsx';
import { findingExportColumns, workerExportColumns } from '../excel/columns.ts';
import { ExportExcelButton } from '../excel/export-button.tsx';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { useRegionNames } from '../regions.ts';
import { ErrorState, LoadingState } from '../states.tsx';
import {
  type Station,
  type StationWorker,
  useStation,
  useStationCompliance,
  useStationWorkers,
} from './api.ts';
import { ComplianceFindings } from './compliance-findings.tsx';
import { StationFacilities } from './station-facilities.tsx';
import { StationStatusTag } from './station-status-tag.tsx';
import { WorkersTable } from './workers-table.tsx';

/**
 * One station as every console shows it — its basics and facilities, its resident workers and its staffing
 * compliance. A station outside the jurisdiction is "not found": the server refuses it exactly as a missing
 * one. The console gives the way back (`back`, a link to its list) and what stands above (`trail`: a
 * breadcrumb of the console's own routes).
 */
export function StationDetail({
  stationId,
  back,
  trail,
  actions,
  workerAction,
  workerFindings = false,
  children,
}: {
  stationId: string;
  /** A link back to where the user came from, shown when the station cannot be shown. */
  back: ReactNode;
  /** Above the station's card: the console's breadcrumb, given the station. */
  trail?: (station: Station) => ReactNode;
  /** In the station card's header: what the console lets its user do (edit, evaluate), given the station. */
  actions?: (station: Station) => ReactNode;
  /** A last column of the workers table (an edit link), and the workers card's extra (an add link) with `null`. */
  workerAction?: (worker: StationWorker | null) => ReactNode;
  /** Each worker's own staffing findings beside their qualification. */
  workerFindings?: boolean;
  /** Below the station's cards: the console's own (its lifecycle step), given the station. */
  children?: (station: Station) => ReactNode;
}) {
  const { t, locale } = useI18n();
  const station = useStation(stationId);
  const workers = useStationWorkers(stationId);
  const compliance = useStationCompliance(stationId);
  const regionNames = useRegionNames([station.data?.regionCode]);

  if (station.isPending) return <LoadingState />;
  if (station.isError)
    return (
      <Card data-testid="station-error">
        <ErrorState error={station.error} onRetry={() => void station.refetch()} back={back} />
      </Card>
    );

  const s = station.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="station-detail">
      {trail?.(s)}
      <Card
        title={
          <Space>
            {s.name}
            <StationStatusTag status={s.status} />
          </Space>
        }
        extra={
          <Space>
            {actions?.(s)}
            <DataAsOf at={station.dataUpdatedAt} />
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'id', label: t('station.id'), children: s.id },
            {
              key: 'township',
              label: t('stations.township'),
              children: `${s.regionCode} ${regionNames.get(s.regionCode) ?? ''}`,
            },
            { key: 'type', label: t('stations.type'), children: t(`type.${s.type}`) },
            { key: 'signage', label: t('stations.signage'), children: s.signageName },
            { key: 'since', label: t('station.statusSince'), children: formatDate(s.statusSince, locale) },
            {
              key: 'project',
              label: t('station.projectStartOn'),
              children: s.projectStartOn ? formatDate(s.projectStartOn, locale) : t('station.none'),
            },
            { key: 'operator', label: t('station.operator'), children: s.operatorId ?? t('station.none') },
          ]}
        />
      </Card>
      <Card
        title={t('compliance.title')}
        extra={
          <Space>
            <ExportExcelButton
              title={`${s.name} ${t('compliance.title')}`}
              unit={`${s.name}（${s.id}）`}
              columns={findingExportColumns(t, locale)}
              rows={compliance.data?.findings ?? []}
              asOf={compliance.dataUpdatedAt}
              {...(compliance.data?.asOf && { period: compliance.data.asOf })}
            />
            <DataAsOf at={compliance.dataUpdatedAt} />
          </Space>
        }
        data-testid="compliance"
      >
        {compliance.isPending ? (
          <LoadingState />
        ) : compliance.isError ? (
          <ErrorState error={compliance.error} onRetry={() => void compliance.refetch()} />
        ) : (
          <ComplianceFindings compliance={compliance.data} />
        )}
      </Card>
      <Card
        title={t('workers.title')}
        extra={
          <Space>
            {workerAction?.(null)}
            <ExportExcelButton
              title={`${s.name} ${t('workers.title')}`}
              unit={`${s.name}（${s.id}）`}
              columns={workerExportColumns(t, locale)}
              rows={workers.data ?? []}
              asOf={workers.dataUpdatedAt}
            />
            <DataAsOf at={workers.dataUpdatedAt} />
          </Space>
        }
        data-testid="workers"
      >
        {workers.isPending ? (
          <LoadingState />
        ) : workers.isError ? (
          <ErrorState error={workers.error} onRetry={() => void workers.refetch()} />
        ) : (
          <WorkersTable
            workers={workers.data}
            {...(workerFindings && compliance.data && { findings: compliance.data.findings })}
            {...(workerAction && { action: workerAction })}
          />
        )}
      </Card>
      <Card title={t('station.facilities')}>
        <StationFacilities facilities={s.facilities} />
      </Card>
      {children?.(s)}
    </Space>
  );
}
