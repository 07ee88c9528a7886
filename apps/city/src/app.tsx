import { AppShell, BackLink, ConsoleRoot, NotFoundState } from '@shegong/web';
import { Navigate, Route, Routes } from 'react-router';
import { ApprovalReportPage } from './features/approvals/routes/approval-report.tsx';
import { ApprovalsPage } from './features/approvals/routes/approvals.tsx';
import { CatalogPage } from './features/catalog/routes/catalog.tsx';
import { ProgressPage } from './features/progress/routes/progress.tsx';
import { CityReportPage } from './features/reports/routes/city-report.tsx';
import { CityReportsPage } from './features/reports/routes/city-reports.tsx';
import { MESSAGES } from './messages.ts';
import { MENU } from './routes.tsx';

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
          path="*"
          element={<NotFoundState back={<BackLink to="/progress" labelKey="nav.backToProgress" />} />}
        />
      </Routes>
    </AppShell>
  );
}
