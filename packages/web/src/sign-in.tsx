import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from './auth.tsx';
import type { Locale } from './format.ts';
import { hubErrorKind } from './hub.tsx';
import { LOCALES, useI18n } from './i18n.tsx';

/**
 * The sign-in form every console shows before anything else: username and password to `auth.signIn`.
 * A wrong password and an unreachable gateway say different things.
 */
export function SignInForm({ titleKey }: { titleKey: string }) {
  const { t, locale, setLocale } = useI18n();
  const { signIn, ended } = useAuth();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      await signIn(values.username, values.password);
    } catch (error) {
      setFailure(hubErrorKind(error) === 'unavailable' ? t('state.errorHint') : t('auth.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Segmented<Locale>
            size="small"
            value={locale}
            options={LOCALES.map((l) => ({ value: l.locale, label: l.label }))}
            onChange={setLocale}
          />
        </div>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {t(titleKey)}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('auth.title')}
        </Typography.Paragraph>
        {ended === 'expired' && (
          <Alert type="warning" showIcon title={t('auth.expired')} style={{ marginBottom: 16 }} />
        )}
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, message: t('auth.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
