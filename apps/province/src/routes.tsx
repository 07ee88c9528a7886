import {
  AimOutlined,
  AuditOutlined,
  BarChartOutlined,
  MoneyCollectOutlined,
  TableOutlined,
} from '@ant-design/icons';
import type { MenuRoute } from '@shegong/web';

/** The province console's route config: the side menu is drawn from it. */
export const MENU: readonly MenuRoute[] = [
  { path: '/dashboard', labelKey: 'menu.dashboard', icon: <BarChartOutlined /> },
  { path: '/completeness', labelKey: 'menu.completeness', icon: <AuditOutlined /> },
  { path: '/funding', labelKey: 'menu.funding', icon: <MoneyCollectOutlined /> },
  { path: '/plans', labelKey: 'menu.plans', icon: <AimOutlined /> },
];

/** Only for a user whose grant reads more than one province. */
export const COMPARE_MENU: MenuRoute = {
  path: '/compare',
  labelKey: 'menu.compare',
  icon: <TableOutlined />,
};
