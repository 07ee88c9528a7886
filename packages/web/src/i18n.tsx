import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { EXCEL_MESSAGES } from './excel/messages.ts';
import type { Locale } from './format.ts';
import { CONSOLE_CSS, CONSOLE_THEME } from './theme.ts';

/** One language's messages: a key → text, `{name}` placeholders filled by `t`. */
export type Messages = Record<string, string>;
/** Every language's messages; zh-CN is complete, English may fall back to it. */
export type Dictionaries = { 'zh-CN': Messages; en: Partial<Messages> };

/** What every console says: the shell, sign-in, the states. Apps add their own with `messages`. */
export const SHARED_MESSAGES: Dictionaries = {
  'zh-CN': {
    'shell.language': '语言',
    'shell.signOut': '退出登录',
    'shell.region': '辖区',
    'auth.title': '登录',
    'auth.username': '用户名',
    'auth.password': '密码',
    'auth.submit': '登录',
    'auth.usernameRequired': '请输入用户名',
    'auth.passwordRequired': '请输入密码',
    'auth.failed': '用户名或密码不正确，请重新输入。',
    'auth.expired': '登录已过期，请重新登录。',
    'state.loading': '正在加载…',
    'state.empty': '暂无数据',
    'state.error': '加载失败',
    'state.errorHint': '请检查网络后重试；如果问题持续，请联系省级平台管理员。',
    'state.retry': '重试',
    'state.notFound': '未找到',
    'state.notFoundHint': '该记录不存在，或不在您的辖区内。请返回列表重新选择。',
    'state.back': '返回列表',
    'state.forbidden': '无权查看',
    'state.forbiddenHint': '该区域不在您的辖区内。',
    'data.asOf': '数据截至 {time}',
    'role.province': '省级',
    'role.city': '市级',
    'role.county': '区县',
    'role.township': '乡镇街道',
    'role.operator': '承接机构',
    ...EXCEL_MESSAGES['zh-CN'],
  },
  en: {
    'shell.language': 'Language',
    'shell.signOut': 'Sign out',
    'shell.region': 'Jurisdiction',
    'auth.title': 'Sign in',
    'auth.username': 'Username',
    'auth.password': 'Password',
    'auth.submit': 'Sign in',
    'auth.usernameRequired': 'Enter your username',
    'auth.passwordRequired': 'Enter your password',
    'auth.failed': 'Wrong username or password. Try again.',
    'auth.expired': 'Your session has expired. Sign in again.',
    'state.loading': 'Loading…',
    'state.empty': 'No data yet',
    'state.error': 'Could not load',
    'state.errorHint':
      'Check your connection and retry; if it persists, contact the provincial hub administrator.',
    'state.retry': 'Retry',
    'state.notFound': 'Not found',
    'state.notFoundHint': 'This record does not exist or is outside your jurisdiction. Go back to the list.',
    'state.back': 'Back to the list',
    'state.forbidden': 'Not allowed',
    'state.forbiddenHint': 'This region is outside your jurisdiction.',
    'data.asOf': 'Data as of {time}',
    'role.province': 'Province',
    'role.city': 'City',
    'role.county': 'County',
    'role.township': 'Township',
    'role.operator': 'Operator',
    ...EXCEL_MESSAGES.en,
  },
};

export const LOCALES: ReadonlyArray<{ locale: Locale; label: string }> = [
  { locale: 'zh-CN', label: '简体中文' },
  { locale: 'en', label: 'English' },
];

const LOCALE_KEY = 'shegong.locale';

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** The message for `key` in the current language (zh-CN when English has none), `{name}` filled from `vars`. */
  t(key: string, vars?: Record<string, string | number>): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const kept = globalThis.localStorage?.getItem(LOCALE_KEY);
  return kept === 'en' || kept === 'zh-CN' ? kept : 'zh-CN';
}

/**
 * The UI language, Chinese first; the choice is kept in localStorage. Also sets Ant Design's locale so its
 * own texts (pagination, empty tables, date pickers) follow.
 */
export function I18nProvider({ messages, children }: { messages?: Dictionaries; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    globalThis.localStorage?.setItem(LOCALE_KEY, next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const zh = { ...SHARED_MESSAGES['zh-CN'], ...messages?.['zh-CN'] };
    const current = locale === 'en' ? { ...zh, ...SHARED_MESSAGES.en, ...messages?.en } : zh;
    return {
      locale,
      setLocale,
      t: (key, vars) => {
        const text = current[key] ?? key;
        return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole)) : text;
      },
    };
  }, [locale, messages, setLocale]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={CONSOLE_THEME}>
        <style>{CONSOLE_CSS}</style>
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

/** The current language and its `t`; inside `I18nProvider`. */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n needs an <I18nProvider> above it');
  return i18n;
}
