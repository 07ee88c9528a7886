import {
  BackLink,
  ErrorState,
  EvaluationForm,
  EvaluationResult,
  EvaluationsTable,
  LoadingState,
  useAuth,
  useEvaluation,
  useEvaluations,
  useI18n,
  useStation,
} from '@shegong/web';
import { Breadcrumb, Card, Space } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';

/** The county's own evaluations of a station: mid-term, final, annual [ZZ §5.3, PY §5.3, WH §3.4]. */
const COUNTY_KINDS = ['mid-term', 'annual', 'final'] as const;

/**
 * `/stations/:stationId/evaluations`: the station's evaluations (`reporting.evaluations.list`) and the
 * entry of a new one (`evaluations.record`), which opens as the hub scored it.
 */
export function StationEvaluationsPage() {
  const { stationId = '' } = useParams();
  const { t } = useI18n();
  const { session } = useAuth();
  const navigate = useNavigate();
  const station = useStation(stationId);
  const evaluations = useEvaluations({ regionCode: session?.principal.regionCode, stationId });
  const base = `/stations/${encodeURIComponent(stationId)}`;
  const back = <BackLink to="/stations" labelKey="stations.back" />;
  if (station.isPending) return <LoadingState />;
  if (station.isError) return <ErrorState error={station.error} back={back} />;
  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="station-evaluations-page"
    >
      <Breadcrumb
        items={[
          { title: <Link to="/stations">{t('menu.stations')}</Link> },
          { title: <Link to={base}>{station.data.name}</Link> },
          { title: t('evaluation.title') },
        ]}
      />
      <Card title={t('evaluation.list')} data-testid="station-evaluations">
        {evaluations.isPending ? (
          <LoadingState />
        ) : evaluations.isError ? (
          <ErrorState error={evaluations.error} onRetry={() => void evaluations.refetch()} />
        ) : (
          <EvaluationsTable
            evaluations={evaluations.data}
            open={(e, label) => <Link to={`${base}/evaluations/${encodeURIComponent(e.id)}`}>{label}</Link>}
          />
        )}
      </Card>
      <Card title={`${t('evaluation.new')}：${station.data.name}`}>
        <EvaluationForm
          stationId={stationId}
          conductedBy="county"
          kinds={COUNTY_KINDS}
          onRecorded={(e) => navigate(`${base}/evaluations/${encodeURIComponent(e.id)}`)}
        />
      </Card>
    </Space>
  );
}

/** `/stations/:stationId/evaluations/:evaluationId`: one evaluation as the hub scored it. */
export function EvaluationDetailPage() {
  const { stationId = '', evaluationId = '' } = useParams();
  const { t } = useI18n();
  const evaluation = useEvaluation({ stationId, evaluationId });
  const station = useStation(stationId);
  const base = `/stations/${encodeURIComponent(stationId)}`;
  const back = <BackLink to={`${base}/evaluations`} labelKey="evaluation.back" />;
  if (evaluation.isPending) return <LoadingState />;
  if (evaluation.isError) return <ErrorState error={evaluation.error} back={back} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="evaluation-page">
      <Breadcrumb
        items={[
          { title: <Link to="/stations">{t('menu.stations')}</Link> },
          { title: <Link to={base}>{station.data?.name ?? stationId}</Link> },
          { title: <Link to={`${base}/evaluations`}>{t('evaluation.title')}</Link> },
          { title: evaluation.data.decidedOn },
        ]}
      />
      <EvaluationResult evaluation={evaluation.data} />
    </Space>
  );
}

export default StationEvaluationsPage;
