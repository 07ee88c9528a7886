import {
  AccountBookOutlined,
  AuditOutlined,
  FileTextOutlined,
  HomeOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { MenuRoute } from '@shegong/web';

/** The county console's route config: the side menu is drawn from it. */
export const MENU: readonly MenuRoute[] = [
  { path: '/stations', labelKey: 'menu.stations', icon: <HomeOutlined /> },
  { path: '/import/stations', labelKey: 'menu.importStations', icon: <UploadOutlined /> },
  { path: '/import/workers', labelKey: 'menu.importWorkers', icon: <UploadOutlined /> },
  { path: '/import/records', labelKey: 'menu.importRecords', icon: <UploadOutlined /> },
  { path: '/reports', labelKey: 'menu.reports', icon: <FileTextOutlined /> },
  { path: '/evaluations', labelKey: 'menu.evaluations', icon: <AuditOutlined /> },
  { path: '/contracts', labelKey: 'menu.contracts', icon: <AccountBookOutlined /> },
  { path: '/operators', labelKey: 'menu.operators', icon: <TeamOutlined /> },
];
