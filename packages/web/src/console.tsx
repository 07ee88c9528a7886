import { Button } from 'antd';
import type { ReactNode } from 'react';
import { BrowserRouter, Link } from 'react-router';
import { AuthProvider, useAuth } from './auth.tsx';
import { HubProvider } from './hub.tsx';
import { type Dictionaries, I18nProvider, useI18n } from './i18n.tsx';
import { SignInForm } from './sign-in.tsx';

/**
 * What every console wraps its screens in: messages (zh-CN first), the gateway client and query cache, the
 * session, and the router at the app's base path. Signed out, it shows the sign-in form whatever the URL
 * (the URL stays, so a shared link opens after sign-in); signed in, the console's own screens.
 * @example <ConsoleRoot basename="/county" messages={MESSAGES} titleKey="app.title"><Console /></ConsoleRoot>
 */
export function ConsoleRoot({
  basename,
  messages,
  titleKey,
  children,
}: {
  basename: string;
  messages: Dictionaries;
  titleKey: string;
  children: ReactNode;
}) {
  return (
    <I18nProvider messages={messages}>
      <HubProvider>
        <AuthProvider>
          <BrowserRouter basename={basename}>
            <SignedIn titleKey={titleKey}>{children}</SignedIn>
          </BrowserRouter>
        </AuthProvider>
      </HubProvider>
    </I18nProvider>
  );
}

function SignedIn({ titleKey, children }: { titleKey: string; children: ReactNode }) {
  const { session } = useAuth();
  return session ? children : <SignInForm titleKey={titleKey} />;
}

/** The primary button back to a console's home screen, for the not-found state. */
export function BackLink({ to, labelKey }: { to: string; labelKey: string }) {
  const { t } = useI18n();
  return (
    <Link to={to}>
      <Button type="primary">{t(labelKey)}</Button>
    </Link>
  );
}
