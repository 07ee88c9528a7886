import { Button, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../auth.tsx';
import { useHub } from '../hub.tsx';
import { useI18n } from '../i18n.tsx';
import { ErrorState } from '../states.tsx';

type Revealed = Awaited<ReturnType<ReturnType<typeof useHub>['registry']['workers']['reveal']['query']>>;

/**
 * Whether the signed-in principal's role holds the PII grant. Only decides whether to offer 查看: the
 * gateway refuses `registry.workers.reveal` without the grant, whatever the screen shows.
 */
export function useMaySeePii(): boolean {
  return useAuth().session?.principal.grants?.pii === true;
}

/**
 * 查看 for one worker: after a confirmation that says the access is logged, asks the gateway for the full
 * ID number and phone (`registry.workers.reveal`, audited by the gateway) and shows them in place.
 */
export function WorkerReveal({ workerId, workerName }: { workerId: string; workerName: string }) {
  const { t } = useI18n();
  const hub = useHub();
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  if (revealed)
    return (
      <Space orientation="vertical" size={0} data-testid={`worker-revealed-${workerId}`}>
        <Typography.Text code>{revealed.idNumber}</Typography.Text>
        <Typography.Text>{revealed.phone ?? '—'}</Typography.Text>
      </Space>
    );
  if (error) return <ErrorState error={error} />;
  return (
    <Popconfirm
      title={t('workers.revealTitle')}
      description={t('workers.revealLogged')}
      okText={t('workers.revealOk')}
      cancelText={t('workers.revealCancel')}
      onConfirm={async () => {
        setBusy(true);
        try {
          setRevealed(await hub.registry.workers.reveal.query({ id: workerId }));
        } catch (e) {
          setError(e instanceof Error ? e : new Error(String(e)));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Button
        size="small"
        loading={busy}
        data-testid={`worker-reveal-${workerId}`}
        aria-label={`${t('workers.reveal')} ${workerName}`}
      >
        {t('workers.reveal')}
      </Button>
    </Popconfirm>
  );
}
