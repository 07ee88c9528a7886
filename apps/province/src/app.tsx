import {
  AppShell,
  AuthProvider,
  HubProvider,
  I18nProvider,
  NotFoundState,
  SignInForm,
  useAuth,
  useI18n,
} from '@shegong/web';
import { Button } from 'antd';
import { BrowserRouter, Link, Navigate, Route, Routes } from 'react-router';
import { useProvinces } from './api/provinces.ts';
import { ComparePage } from './features/compare/routes/compare.tsx';
import { DashboardPage } from './features/dashboard/routes/dashboard.tsx';
import { RegionPage } from './features/regions/routes/region-detail.tsx';
import { StationPage } from './features/stations/routes/station.tsx';
import { MESSAGES } from './messages.ts';
import { COMPARE_MENU, MENU } from './routes.tsx';

/** The app's base path: where the hub's app server serves it (`vite.config.ts` `base`). */
const BASENAME = import.meta.env.BASE_URL.replace(/\/+$/, '');

export function App() {
  return (
    <I18nProvider messages={MESSAGES}>
      <HubProvider>
        <AuthProvider>
          <BrowserRouter basename={BASENAME}>
            <Console />
          </BrowserRouter>
        </AuthProvider>
      </HubProvider>
    </I18nProvider>
  );
}

/** Signed out: the sign-in form, whatever the URL (it stays, so a shared link opens after sign-in). */
function Console() {
  const { session } = useAuth();
  const provinces = useProvinces();
  if (!session) return <SignInForm titleKey="app.title" />;
  const crossProvince = provinces.length > 1;
  return (
    <AppShell titleKey="app.title" menu={crossProvince ? [...MENU, COMPARE_MENU] : MENU}>
      <Routes>
        <Route path="/" element={<Navigate to="/dashboard" replace />} />
        <Route path="/dashboard" element={<DashboardPage />} />
        <Route path="/dashboard/:provinceCode" element={<DashboardPage />} />
        <Route path="/regions/:regionCode" element={<RegionPage />} />
        <Route path="/stations/:stationId" element={<StationPage />} />
        {crossProvince && <Route path="/compare" element={<ComparePage />} />}
        <Route path="*" element={<NotFoundState back={<BackToDashboard />} />} />
      </Routes>
    </AppShell>
  );
}

function BackToDashboard() {
  const { t } = useI18n();
  return (
    <Link to="/dashboard">
      <Button type="primary">{t('nav.backToDashboard')}</Button>
    </Link>
  );
}
