import { Button, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n.tsx';

/**
 * Pages of a cursor-paginated list (`{ items, nextCursor }`): the cursors of the pages seen so far, the
 * last being the current page's start (undefined: the first page). Going back is popping one.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  return {
    cursor: cursors.at(-1),
    page: cursors.length,
    back: () => setCursors((seen) => (seen.length > 1 ? seen.slice(0, -1) : seen)),
    forward: (next: string) => setCursors((seen) => [...seen, next]),
    reset: () => setCursors([undefined]),
  };
}

/** Previous / page n / next under a cursor-paginated table. */
export function CursorPager({
  pages,
  nextCursor,
}: {
  pages: ReturnType<typeof useCursorPages>;
  nextCursor: string | null;
}) {
  const { t } = useI18n();
  return (
    <Space style={{ marginTop: 16, justifyContent: 'flex-end', width: '100%' }}>
      <Button disabled={pages.page === 1} onClick={pages.back}>
        {t('stations.prev')}
      </Button>
      <span>{t('stations.page', { page: pages.page })}</span>
      <Button disabled={nextCursor === null} onClick={() => nextCursor && pages.forward(nextCursor)}>
        {t('stations.next')}
      </Button>
    </Space>
  );
}
