import {
  BackLink,
  DataAsOf,
  ErrorState,
  EvaluationForm,
  EvaluationResult,
  EvaluationsTable,
  LoadingState,
  useAuth,
  useEvaluation,
  useEvaluations,
  useI18n,
  useStations,
} from '@shegong/web';
import { Breadcrumb, Card, Space, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';

/** A city records spot checks; its counties' own evaluations are theirs [ZZ §5.3, PY §5.3, WH §3.4]. */
const CITY_KINDS = ['spot-check'] as const;

/**
 * `/spot-checks`: the city's spot-check evaluations of its counties' stations [ZZ §5.3: 省、市两级民政部门
 * 开展抽查评估; WH §3.4] — the list (`reporting.evaluations.list` for the city, its spot checks shown) and
 * the entry of a new one against the scheme, which opens as the hub scored it.
 */
export function SpotChecksPage() {
  const { t } = useI18n();
  const { session } = useAuth();
  const navigate = useNavigate();
  const evaluations = useEvaluations({ regionCode: session?.principal.regionCode });
  // The city's stations, as the gateway gives them: the ones it may spot-check.
  const stations = useStations({ limit: 500 });
  const names = new Map((stations.data?.items ?? []).map((s) => [s.id, s.name]));
  // Shown, not filtered for security: the server answered the city's evaluations, counties' included.
  const spotChecks = (evaluations.data ?? []).filter((e) => e.kind === 'spot-check');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="spot-checks-page">
      <Card
        title={t('spot.title')}
        extra={<DataAsOf at={evaluations.dataUpdatedAt} />}
        data-testid="spot-checks"
      >
        <Typography.Paragraph type="secondary">{t('spot.hint')}</Typography.Paragraph>
        {evaluations.isPending ? (
          <LoadingState />
        ) : evaluations.isError ? (
          <ErrorState error={evaluations.error} onRetry={() => void evaluations.refetch()} />
        ) : (
          <EvaluationsTable
            evaluations={spotChecks}
            stationName={(id) => names.get(id)}
            open={(e, label) => (
              <Link to={`/spot-checks/${encodeURIComponent(e.stationId)}/${encodeURIComponent(e.id)}`}>
                {label}
              </Link>
            )}
          />
        )}
      </Card>
      <Card title={t('spot.new')}>
        {stations.isPending ? (
          <LoadingState />
        ) : stations.isError ? (
          <ErrorState error={stations.error} onRetry={() => void stations.refetch()} />
        ) : (
          <EvaluationForm
            stations={stations.data.items}
            conductedBy="city"
            kinds={CITY_KINDS}
            onRecorded={(e) =>
              navigate(`/spot-checks/${encodeURIComponent(e.stationId)}/${encodeURIComponent(e.id)}`)
            }
          />
        )}
      </Card>
    </Space>
  );
}

/** `/spot-checks/:stationId/:evaluationId`: one evaluation as the hub scored it. */
export function SpotCheckPage() {
  const { stationId = '', evaluationId = '' } = useParams();
  const { t } = useI18n();
  const evaluation = useEvaluation({ stationId, evaluationId });
  const back = <BackLink to="/spot-checks" labelKey="spot.back" />;
  if (evaluation.isPending) return <LoadingState />;
  if (evaluation.isError) return <ErrorState error={evaluation.error} back={back} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="spot-check-page">
      <Breadcrumb
        items={[
          { title: <Link to="/spot-checks">{t('menu.spotChecks')}</Link> },
          { title: `${evaluation.data.stationId} · ${evaluation.data.decidedOn}` },
        ]}
      />
      <EvaluationResult evaluation={evaluation.data} />
    </Space>
  );
}

export default SpotChecksPage;
