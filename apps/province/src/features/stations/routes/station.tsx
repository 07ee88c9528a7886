import { StationDetail, useI18n } from '@shegong/web';
import { Button } from 'antd';
import { Link, useParams } from 'react-router';
import { RegionTrail } from '../../../components/region-trail.tsx';

/**
 * `/stations/:stationId`: the end of the drill-down — one station with its staffing findings and their
 * clauses, its workers and facilities (@shegong/web's `StationDetail`, the county console's screen), under
 * the breadcrumb of its province, city and county.
 */
export function StationPage() {
  const { stationId = '' } = useParams();
  const { t } = useI18n();
  return (
    <StationDetail
      stationId={stationId}
      back={
        <Link to="/dashboard">
          <Button type="primary">{t('nav.backToDashboard')}</Button>
        </Link>
      }
      trail={(s) => <RegionTrail code={s.regionCode} last={s.name} />}
    />
  );
}
