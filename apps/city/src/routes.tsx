import {
  AuditOutlined,
  BookOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  LineChartOutlined,
} from '@ant-design/icons';
import type { MenuRoute } from '@shegong/web';

/** The city console's route config: the side menu is drawn from it. */
export const MENU: readonly MenuRoute[] = [
  { path: '/progress', labelKey: 'menu.progress', icon: <LineChartOutlined /> },
  { path: '/catalog', labelKey: 'menu.catalog', icon: <BookOutlined /> },
  { path: '/approvals', labelKey: 'menu.approvals', icon: <AuditOutlined /> },
  { path: '/reports', labelKey: 'menu.reports', icon: <FileTextOutlined /> },
  { path: '/spot-checks', labelKey: 'menu.spotChecks', icon: <FileSearchOutlined /> },
];
