import { Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { hubErrorKind } from './hub.tsx';
import { useI18n } from './i18n.tsx';

/** Loading, said in words (a spinner alone tells a clerk nothing about whether to wait). */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div role="status" style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
      <div style={{ marginTop: 12, color: 'rgba(0,0,0,0.65)' }}>{label ?? t('state.loading')}</div>
    </div>
  );
}

/** Nothing to show, and what to do about it (`hint`, `action`). */
export function EmptyState({ title, hint, action }: { title?: string; hint?: string; action?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Empty
      description={
        <span>
          {title ?? t('state.empty')}
          {hint && <div style={{ color: 'rgba(0,0,0,0.65)' }}>{hint}</div>}
        </span>
      }
    >
      {action}
    </Empty>
  );
}

/**
 * A failed call, told by what it means: not found (or outside the jurisdiction: the server answers both
 * alike), not allowed, signed out, or unavailable with a retry.
 */
export function ErrorState({
  error,
  onRetry,
  back,
}: {
  error: unknown;
  onRetry?: () => void;
  /** Where "back to the list" goes, for a not-found record. */
  back?: ReactNode;
}) {
  const { t } = useI18n();
  const kind = hubErrorKind(error);
  if (kind === 'not-found') return <NotFoundState back={back} />;
  if (kind === 'forbidden')
    return (
      <Result status="403" title={t('state.forbidden')} subTitle={t('state.forbiddenHint')} extra={back} />
    );
  if (kind === 'unauthenticated') return <Result status="warning" title={t('auth.expired')} extra={back} />;
  return (
    <Result
      status="error"
      title={t('state.error')}
      subTitle={
        <>
          <div>{t('state.errorHint')}</div>
          {error instanceof Error && <code style={{ fontSize: 12 }}>{error.message}</code>}
        </>
      }
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            {t('state.retry')}
          </Button>
        )
      }
    />
  );
}

/** The record does not exist, or is outside the jurisdiction: the same to the user, as to the server. */
export function NotFoundState({ back }: { back?: ReactNode }) {
  const { t } = useI18n();
  return <Result status="404" title={t('state.notFound')} subTitle={t('state.notFoundHint')} extra={back} />;
}
