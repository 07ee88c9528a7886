import {
  DataAsOf,
  ErrorState,
  EvaluationsTable,
  LoadingState,
  useAuth,
  useEvaluations,
  useI18n,
  useStations,
} from '@shegong/web';
import { Card, Typography } from 'antd';
import { Link } from 'react-router';

/**
 * `/evaluations`: every evaluation of the county's stations (`reporting.evaluations.list` for the county),
 * the county's own and the city's or province's spot checks, each opening as the hub scored it.
 */
export function CountyEvaluationsPage() {
  const { t } = useI18n();
  const { session } = useAuth();
  const evaluations = useEvaluations({ regionCode: session?.principal.regionCode });
  // Names of the stations listed; the gateway gives the county its own stations only.
  const stations = useStations({ limit: 500 });
  const names = new Map((stations.data?.items ?? []).map((s) => [s.id, s.name]));
  return (
    <Card
      title={t('evaluation.title')}
      extra={<DataAsOf at={evaluations.dataUpdatedAt} />}
      data-testid="county-evaluations-page"
    >
      <Typography.Paragraph type="secondary">{t('evaluation.countyHint')}</Typography.Paragraph>
      {evaluations.isPending ? (
        <LoadingState />
      ) : evaluations.isError ? (
        <ErrorState error={evaluations.error} onRetry={() => void evaluations.refetch()} />
      ) : (
        <EvaluationsTable
          evaluations={evaluations.data}
          stationName={(id) => names.get(id)}
          open={(e, label) => (
            <Link to={`/stations/${encodeURIComponent(e.stationId)}/evaluations/${encodeURIComponent(e.id)}`}>
              {label}
            </Link>
          )}
        />
      )}
    </Card>
  );
}

export default CountyEvaluationsPage;
