import { AppShell, BackLink, ConsoleRoot, LoadingState, NotFoundState } from '@shegong/web';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { CountyReportPage } from './features/reports/routes/county-report.tsx';
import { CountyReportsPage } from './features/reports/routes/county-reports.tsx';
import { StationDetailPage } from './features/stations/routes/station-detail.tsx';
import { StationsPage } from './features/stations/routes/stations-list.tsx';
import { MESSAGES } from './messages.ts';
import { MENU } from './routes.tsx';

// Route-split: a screen opened now and then is fetched when first opened, not with the first page.
const StationImportPage = lazy(() => import('./features/import/routes/station-import.tsx'));

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
        <Route path="/stations/:stationId" element={<StationDetailPage />} />
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
        <Route
          path="*"
          element={<NotFoundState back={<BackLink to="/stations" labelKey="stations.back" />} />}
        />
      </Routes>
    </AppShell>
  );
}
