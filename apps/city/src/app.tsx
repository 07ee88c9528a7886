import { AppShell, BackLink, ConsoleRoot, LoadingState, NotFoundState } from '@shegong/web';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { ApprovalReportPage } from './features/approvals/routes/approval-report.tsx';
import { ApprovalsPage } from './features/approvals/routes/approvals.tsx';
import { CatalogPage } from './features/catalog/routes/catalog.tsx';
import { ProgressPage } from './features/progress/routes/progress.tsx';
import { CityReportPage } from './features/reports/routes/city-report.tsx';
import { CityReportsPage } from './features/reports/routes/city-reports.tsx';
import { MESSAGES } from './messages.ts';
import { MENU } from './routes.tsx';

// Route-split: spot checks are entered now and then; their screens load when first opened.
const SpotChecksPage = lazy(() => import('./features/evaluations/routes/spot-checks.tsx'));
const SpotCheckPage = lazy(() =>
  import('./features/evaluations/routes/spot-checks.tsx').then((m) => ({ default: m.SpotCheckPage })),
);

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
        <Route path="/" element={<Navigate to="/progress" replace />} />
        <Route path="/progress" element={<ProgressPage />} />
        <Route path="/catalog" element={<CatalogPage />} />
        <Route path="/approvals" element={<ApprovalsPage />} />
        <Route path="/approvals/:unitRegionCode/:reportId" element={<ApprovalReportPage />} />
        <Route path="/reports" element={<CityReportsPage />} />
        <Route path="/reports/:unitRegionCode/:reportId" element={<CityReportPage />} />
        <Route
          path="/spot-checks"
          element={
            <Suspense fallback={<LoadingState />}>
              <SpotChecksPage />
            </Suspense>
          }
        />
        <Route
          path="/spot-checks/:stationId/:evaluationId"
          element={
            <Suspense fallback={<LoadingState />}>
              <SpotCheckPage />
            </Suspense>
          }
        />
        <Route
          path="*"
          element={<NotFoundState back={<BackLink to="/progress" labelKey="nav.backToProgress" />} />}
        />
      </Routes>
    </AppShell>
  );
}
