import {
  BackLink,
  ErrorState,
  LoadingState,
  useI18n,
  useStation,
  useWorker,
  WorkerForm,
  WorkerTrainings,
} from '@shegong/web';
import { Breadcrumb, Card, Space } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';

/**
 * `/stations/:stationId/workers/new` and `/stations/:stationId/workers/:workerId`: registers or edits a
 * resident worker of the station (`registry.workers.upsert`: the ID number checked by the server and
 * masked afterwards), and for a registered worker its training records (`workers.addTraining`).
 */
export function WorkerEditPage() {
  const { stationId = '', workerId } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const station = useStation(stationId);
  const worker = useWorker(workerId);
  const stationPath = `/stations/${encodeURIComponent(stationId)}`;
  const back = <BackLink to={stationPath} labelKey="stations.back" />;
  if (station.isPending || (workerId !== undefined && worker.isPending)) return <LoadingState />;
  if (station.isError) return <ErrorState error={station.error} back={back} />;
  if (workerId !== undefined && worker.isError) return <ErrorState error={worker.error} back={back} />;
  const existing = workerId !== undefined ? worker.data : undefined;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/stations">{t('menu.stations')}</Link> },
          { title: <Link to={stationPath}>{station.data.name}</Link> },
          { title: existing ? (existing.name ?? existing.id) : t('worker.new') },
        ]}
      />
      <Card title={existing ? t('worker.editTitle') : t('worker.new')} data-testid="worker-page">
        <WorkerForm
          stationId={stationId}
          {...(existing && { worker: existing })}
          onSaved={() => navigate(stationPath)}
        />
      </Card>
      {existing && <WorkerTrainings worker={existing} />}
    </Space>
  );
}

export default WorkerEditPage;
