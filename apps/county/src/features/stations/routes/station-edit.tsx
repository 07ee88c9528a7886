import { BackLink, ErrorState, LoadingState, StationForm, useI18n, useStation } from '@shegong/web';
import { Breadcrumb, Card } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';

/**
 * `/stations/new`: registers a station of the county (`registry.stations.upsert`) with the signage
 * preview of the server's dry run [ZZ §4.5]; saved, it opens the station.
 */
export function StationNewPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Card
      title={t('edit.newStation')}
      data-testid="station-new-page"
      extra={<BackLink to="/stations" labelKey="stations.back" />}
    >
      <StationForm onSaved={(s) => navigate(`/stations/${encodeURIComponent(s.id)}`)} />
    </Card>
  );
}

/**
 * `/stations/:stationId/edit`: edits the station's name, township, type, facilities and institutions
 * [ZZ §4.2, §4.3]; a station of another county is "not found", as the server answers.
 */
export function StationEditPage() {
  const { stationId = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const station = useStation(stationId);
  const back = <BackLink to="/stations" labelKey="stations.back" />;
  if (station.isPending) return <LoadingState />;
  if (station.isError)
    return <ErrorState error={station.error} onRetry={() => void station.refetch()} back={back} />;
  const path = `/stations/${encodeURIComponent(station.data.id)}`;
  return (
    <Card
      title={
        <Breadcrumb
          items={[
            { title: <Link to="/stations">{t('menu.stations')}</Link> },
            { title: <Link to={path}>{station.data.name}</Link> },
            { title: t('edit.editStation') },
          ]}
        />
      }
      data-testid="station-edit-page"
    >
      <StationForm station={station.data} onSaved={() => navigate(path)} />
    </Card>
  );
}

export default StationEditPage;
