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
import { StationDetailPage } from './features/stations/routes/station-detail.tsx';
import { StationsPage } from './features/stations/routes/stations-list.tsx';
import { MESSAGES } from './messages.ts';
import { MENU } from './routes.tsx';

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
  if (!session) return <SignInForm titleKey="app.title" />;
  return (
    <AppShell titleKey="app.title" menu={MENU}>
      <Routes>
        <Route path="/" element={<Navigate to="/stations" replace />} />
        <Route path="/stations" element={<StationsPage />} />
        <Route path="/stations/:stationId" element={<StationDetailPage />} />
        <Route path="*" element={<NotFoundState back={<BackToStations />} />} />
      </Routes>
    </AppShell>
  );
}

function BackToStations() {
  const { t } = useI18n();
  return (
    <Link to="/stations">
      <Button type="primary">{t('stations.back')}</Button>
    </Link>
  );
}
