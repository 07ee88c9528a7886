import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from './auth.tsx';
import type { Locale } from './format.ts';
import { LOCALES, useI18n } from './i18n.tsx';
import { useRegionNames } from './regions.ts';

/** One entry of a console's route config: the side menu is drawn from these (the Ant Design Pro idiom). */
export interface MenuRoute {
  /** The path under the app's basename, e.g. `/stations`; it is selected for every path below it too. */
  path: string;
  /** The i18n key of its label. */
  labelKey: string;
  icon?: ReactNode;
}

const ROLE_KEYS: Record<string, string> = {
  province: 'role.province',
  city: 'role.city',
  county: 'role.county',
  township: 'role.township',
  operator: 'role.operator',
};

/**
 * The console frame: a header with the app's name, the signed-in user, their jurisdiction and the language
 * switch; a side menu from the route config; the page in the content area.
 */
export function AppShell({
  titleKey,
  menu,
  children,
}: {
  titleKey: string;
  menu: readonly MenuRoute[];
  children: ReactNode;
}) {
  const { t, locale, setLocale } = useI18n();
  const { session, signOut } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const regionCode = session?.principal.regionCode;
  const regionName = useRegionNames([regionCode]).get(regionCode ?? '');
  const selected = menu
    .filter((r) => location.pathname === r.path || location.pathname.startsWith(`${r.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 24, background: '#001529' }}
      >
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {t(titleKey)}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <Space size="middle" wrap={false}>
          {regionCode && (
            <Tag color="blue" data-testid="shell-region">
              {t('shell.region')}：{regionName ? `${regionName}（${regionCode}）` : regionCode}
            </Tag>
          )}
          {session && (
            <span style={{ color: '#fff' }} data-testid="shell-user">
              <UserOutlined /> {session.username} ·{' '}
              {t(ROLE_KEYS[session.principal.role] ?? session.principal.role)}
            </span>
          )}
          <Segmented<Locale>
            aria-label={t('shell.language')}
            size="small"
            value={locale}
            options={LOCALES.map((l) => ({ value: l.locale, label: l.label }))}
            onChange={setLocale}
          />
          {session && (
            <Button size="small" icon={<LogoutOutlined />} onClick={signOut}>
              {t('shell.signOut')}
            </Button>
          )}
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0}>
          <Menu
            mode="inline"
            style={{ height: '100%', borderInlineEnd: 0 }}
            selectedKeys={selected ? [selected.path] : []}
            items={menu.map((r) => ({ key: r.path, icon: r.icon, label: t(r.labelKey) }))}
            onClick={({ key }) => navigate(key)}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
