import {
  DataAsOf,
  ErrorState,
  formatDate,
  LoadingState,
  useAuth,
  useI18n,
  useRegionNames,
} from '@shegong/web';
import { Breadcrumb, Button, Card, Descriptions, Space } from 'antd';
import { Link, useParams } from 'react-router';
import { useStation, useStationCompliance, useStationWorkers } from '../api/stations.ts';
import { ComplianceFindings } from '../components/compliance-findings.tsx';
import { StationFacilities } from '../components/station-facilities.tsx';
import { StationStatusTag } from '../components/station-status-tag.tsx';
import { WorkersTable } from '../components/workers-table.tsx';

/**
 * `/stations/:stationId`: one station — its basics and facilities, its resident workers and its staffing
 * compliance. A station of another county is "not found": the server refuses it exactly as a missing one.
 */
export function StationDetailPage() {
  const { stationId = '' } = useParams();
  const { t, locale } = useI18n();
  const { session } = useAuth();
  const station = useStation(stationId);
  const workers = useStationWorkers(stationId);
  const compliance = useStationCompliance(stationId);
  const regionNames = useRegionNames(session?.principal.regionCode);
  const back = (
    <Link to="/stations">
      <Button type="primary">{t('stations.back')}</Button>
    </Link>
  );

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
      <Breadcrumb items={[{ title: <Link to="/stations">{t('menu.stations')}</Link> }, { title: s.name }]} />
      <Card
        title={
          <Space>
            {s.name}
            <StationStatusTag status={s.status} />
          </Space>
        }
        extra={<DataAsOf at={station.dataUpdatedAt} />}
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
        extra={<DataAsOf at={compliance.dataUpdatedAt} />}
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
      <Card title={t('workers.title')} data-testid="workers">
        {workers.isPending ? (
          <LoadingState />
        ) : workers.isError ? (
          <ErrorState error={workers.error} onRetry={() => void workers.refetch()} />
        ) : (
          <WorkersTable workers={workers.data} />
        )}
      </Card>
      <Card title={t('station.facilities')}>
        <StationFacilities facilities={s.facilities} />
      </Card>
    </Space>
  );
}
