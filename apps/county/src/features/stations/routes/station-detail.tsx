import { StationDetail, useI18n } from '@shegong/web';
import { Breadcrumb, Button } from 'antd';
import { Link, useParams } from 'react-router';

/**
 * `/stations/:stationId`: one station (@shegong/web's `StationDetail`: basics, facilities, resident workers,
 * staffing compliance) under the county's station list. A station of another county is "not found".
 */
export function StationDetailPage() {
  const { stationId = '' } = useParams();
  const { t } = useI18n();
  return (
    <StationDetail
      stationId={stationId}
      back={
        <Link to="/stations">
          <Button type="primary">{t('stations.back')}</Button>
        </Link>
      }
      trail={(s) => (
        <Breadcrumb
          items={[{ title: <Link to="/stations">{t('menu.stations')}</Link> }, { title: s.name }]}
        />
      )}
    />
  );
}
