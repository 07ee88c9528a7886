import { StationDetail, StationStatusChange, useI18n } from '@shegong/web';
import { Breadcrumb, Button, Card, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';

/**
 * `/stations/:stationId`: one station (@shegong/web's `StationDetail`: basics, facilities, resident workers
 * with their qualification and findings, staffing compliance) under the county's station list, with what
 * the county does to it: edit, register or edit a worker, evaluate, and the next step of its lifecycle.
 * A station of another county is "not found".
 */
export function StationDetailPage() {
  const { stationId = '' } = useParams();
  const { t } = useI18n();
  const base = `/stations/${encodeURIComponent(stationId)}`;
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
      actions={() => (
        <>
          <Link to={`${base}/edit`} data-testid="station-edit">
            {t('edit.edit')}
          </Link>
          <Link to={`${base}/evaluations`} data-testid="station-evaluations">
            {t('evaluation.title')}
          </Link>
          <Link to={`${base}/records`} data-testid="station-records">
            {t('records.title')}
          </Link>
        </>
      )}
      workerFindings
      workerAction={(worker) =>
        worker === null ? (
          <Link to={`${base}/workers/new`} data-testid="worker-add">
            {t('worker.add')}
          </Link>
        ) : (
          <Link
            to={`${base}/workers/${encodeURIComponent(worker.id)}`}
            aria-label={`${t('worker.edit')} ${worker.name ?? worker.id}`}
          >
            {t('worker.edit')}
          </Link>
        )
      }
    >
      {(s) => (
        <Card title={t('lifecycle.title')} data-testid="lifecycle">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('lifecycle.hint')}</Typography.Text>
            <StationStatusChange station={s} />
          </Space>
        </Card>
      )}
    </StationDetail>
  );
}
