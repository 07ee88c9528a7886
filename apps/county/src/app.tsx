import { AppShell, BackLink, ConsoleRoot, LoadingState, NotFoundState } from '@shegong/web';
import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { CountyReportPage } from './features/reports/routes/county-report.tsx';
import { CountyReportsPage } from './features/reports/routes/county-reports.tsx';
import { StationDetailPage } from './features/stations/routes/station-detail.tsx';
import { StationsPage } from './features/stations/routes/stations-list.tsx';
import { MESSAGES } from './messages.ts';
import { MENU } from './routes.tsx';

// Route-split: a screen opened now and then is fetched when first opened, not with the first page.
const StationImportPage = lazy(() => import('./features/import/routes/station-import.tsx'));
const WorkerImportPage = lazy(() => import('./features/import/routes/worker-import.tsx'));
const RecordImportPage = lazy(() => import('./features/import/routes/record-import.tsx'));
const StationEditPage = lazy(() => import('./features/stations/routes/station-edit.tsx'));
const StationNewPage = lazy(() =>
  import('./features/stations/routes/station-edit.tsx').then((m) => ({ default: m.StationNewPage })),
);
const WorkerEditPage = lazy(() => import('./features/workers/routes/worker-edit.tsx'));
const StationEvaluationsPage = lazy(() => import('./features/evaluations/routes/station-evaluations.tsx'));
const EvaluationDetailPage = lazy(() =>
  import('./features/evaluations/routes/station-evaluations.tsx').then((m) => ({
    default: m.EvaluationDetailPage,
  })),
);
const CountyEvaluationsPage = lazy(() => import('./features/evaluations/routes/county-evaluations.tsx'));
const ContractsPage = lazy(() => import('./features/contracts/routes/contracts.tsx'));
const ContractDetailPage = lazy(() => import('./features/contracts/routes/contract-detail.tsx'));
const OperatorsPage = lazy(() => import('./features/operators/routes/operators.tsx'));
const OperatorDetailPage = lazy(() =>
  import('./features/operators/routes/operators.tsx').then((m) => ({ default: m.OperatorDetailPage })),
);
const StationRecordsPage = lazy(() => import('./features/records/routes/station-records.tsx'));

/** A route-split screen, with the loading state while its chunk arrives. */
const later = (page: ReactNode) => <Suspense fallback={<LoadingState />}>{page}</Suspense>;

/** The app's base path: where the hub's app server serves it (`vite.config.ts` `base`). */
const BASENAME = import.meta.env.BASE_URL.replace(/\/+$/, '');

export function App() {
  return (
    <ConsoleRoot basename={BASENAME} messages={MESSAGES} titleKey="app.title">
      <Console />
    </ConsoleRoot>
  );
}

function Console() {
  return (
    <AppShell titleKey="app.title" menu={MENU}>
      <Routes>
        <Route path="/" element={<Navigate to="/stations" replace />} />
        <Route path="/stations" element={<StationsPage />} />
        <Route path="/stations/new" element={later(<StationNewPage />)} />
        <Route path="/stations/:stationId" element={<StationDetailPage />} />
        <Route path="/stations/:stationId/edit" element={later(<StationEditPage />)} />
        <Route path="/stations/:stationId/workers/new" element={later(<WorkerEditPage />)} />
        <Route path="/stations/:stationId/workers/:workerId" element={later(<WorkerEditPage />)} />
        <Route path="/stations/:stationId/evaluations" element={later(<StationEvaluationsPage />)} />
        <Route
          path="/stations/:stationId/evaluations/:evaluationId"
          element={later(<EvaluationDetailPage />)}
        />
        <Route path="/evaluations" element={later(<CountyEvaluationsPage />)} />
        <Route path="/contracts" element={later(<ContractsPage />)} />
        <Route path="/contracts/:contractId" element={later(<ContractDetailPage />)} />
        <Route path="/operators" element={later(<OperatorsPage />)} />
        <Route path="/operators/:operatorId" element={later(<OperatorDetailPage />)} />
        <Route path="/stations/:stationId/records" element={later(<StationRecordsPage />)} />
        <Route path="/reports" element={<CountyReportsPage />} />
        <Route path="/reports/:unitRegionCode/:reportId" element={<CountyReportPage />} />
        <Route
          path="/import/stations"
          element={
            <Suspense fallback={<LoadingState />}>
              <StationImportPage />
            </Suspense>
          }
        />
        <Route path="/import/workers" element={later(<WorkerImportPage />)} />
        <Route path="/import/records" element={later(<RecordImportPage />)} />
        <Route
          path="*"
          element={<NotFoundState back={<BackLink to="/stations" labelKey="stations.back" />} />}
        />
      </Routes>
    </AppShell>
  );
}
