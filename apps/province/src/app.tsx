import { AppShell, BackLink, ConsoleRoot, LoadingState, NotFoundState } from '@shegong/web';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useProvinces } from './api/provinces.ts';
import { CompletenessPage } from './features/completeness/routes/completeness.tsx';
import { DashboardPage } from './features/dashboard/routes/dashboard.tsx';
import { FundingPage } from './features/funding/routes/funding.tsx';
import { PlansPage } from './features/plans/routes/plans.tsx';
import { RegionPage } from './features/regions/routes/region-detail.tsx';
import { StationPage } from './features/stations/routes/station.tsx';
import { MESSAGES } from './messages.ts';
import { COMPARE_MENU, MENU } from './routes.tsx';

// Route-split: only a user with a cross-province grant ever opens the comparison; fetched when opened.
const ComparePage = lazy(() =>
  import('./features/compare/routes/compare.tsx').then((m) => ({ default: m.ComparePage })),
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
  const provinces = useProvinces();
  const crossProvince = provinces.length > 1;
  return (
    <AppShell titleKey="app.title" menu={crossProvince ? [...MENU, COMPARE_MENU] : MENU}>
      <Routes>
        <Route path="/" element={<Navigate to="/dashboard" replace />} />
        <Route path="/dashboard" element={<DashboardPage />} />
        <Route path="/dashboard/:provinceCode" element={<DashboardPage />} />
        <Route path="/regions/:regionCode" element={<RegionPage />} />
        <Route path="/stations/:stationId" element={<StationPage />} />
        <Route path="/completeness" element={<CompletenessPage />} />
        <Route path="/completeness/:regionCode" element={<CompletenessPage />} />
        <Route path="/funding" element={<FundingPage />} />
        <Route path="/funding/:regionCode" element={<FundingPage />} />
        <Route path="/plans" element={<PlansPage />} />
        <Route path="/plans/:regionCode" element={<PlansPage />} />
        {crossProvince && (
          <Route
            path="/compare"
            element={
              <Suspense fallback={<LoadingState />}>
                <ComparePage />
              </Suspense>
            }
          />
        )}
        <Route
          path="*"
          element={<NotFoundState back={<BackLink to="/dashboard" labelKey="nav.backToDashboard" />} />}
        />
      </Routes>
    </AppShell>
  );
}
