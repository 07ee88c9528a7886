/**
 * @shegong/web: what the province, city and county consoles share — no app's screens. The gateway's
 * tRPC client and TanStack Query cache (`HubProvider`, `useHub`, `useHubQuery`), sign-in (`AuthProvider`,
 * `useAuth`, `SignInForm`), i18n with zh-CN first (`I18nProvider`, `useI18n`), formatters (money in fen,
 * dates, numbers), the console frame (`AppShell` from a route config) and the states a page can be in.
 */
export { AuthProvider, useAuth } from './auth.tsx';
export { DataAsOf } from './data-as-of.tsx';
export { formatDate, formatDateTime, formatMoney, formatNumber, type Locale } from './format.ts';
export {
  type HubClient,
  type HubErrorKind,
  HubProvider,
  hubErrorKind,
  useHub,
  useHubQuery,
} from './hub.tsx';
export {
  type Dictionaries,
  I18nProvider,
  LOCALES,
  type Messages,
  SHARED_MESSAGES,
  useI18n,
} from './i18n.tsx';
export { AppShell, type MenuRoute } from './layout.tsx';
export { useRegionNames } from './regions.ts';
export type { Session } from './session.ts';
export { SignInForm } from './sign-in.tsx';
export { EmptyState, ErrorState, LoadingState, NotFoundState } from './states.tsx';
