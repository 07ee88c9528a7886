import { LoadingState, StationRecords, useI18n, useStation } from '@shegong/web';
import { Breadcrumb, Card, Tabs } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';

/**
 * `/stations/:stationId/records`: the station page's 服务记录 tab — the station's service records by
 * date, a month filter and an export. The other tab goes back to the station's overview.
 */
export default function StationRecordsPage() {
  const { stationId = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const station = useStation(stationId);
  const base = `/stations/${encodeURIComponent(stationId)}`;
  const name = station.data?.name ?? stationId;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to="/stations">{t('menu.stations')}</Link> },
          { title: <Link to={base}>{name}</Link> },
          { title: t('records.title') },
        ]}
      />
      <Card title={name}>
        <Tabs
          activeKey="records"
          onChange={(key) => key === 'overview' && void navigate(base)}
          items={[
            { key: 'overview', label: t('station.basics') },
            {
              key: 'records',
              label: t('records.title'),
              children: station.isPending ? (
                <LoadingState />
              ) : (
                <StationRecords stationId={stationId} stationName={name} />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
