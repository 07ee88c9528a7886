import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { formatDateTime } from './format.ts';
import { useI18n } from './i18n.tsx';

/**
 * "数据截至 <time>": when the data on screen was fetched (TanStack Query's `dataUpdatedAt`), so a clerk
 * knows whether a number may have moved since. `asOfDay` adds the day the server evaluated it on.
 */
export function DataAsOf({ at, asOfDay }: { at: number; asOfDay?: string }) {
  const { t, locale } = useI18n();
  if (!at) return null;
  return (
    <Tooltip title={asOfDay}>
      <Tag icon={<ClockCircleOutlined />} data-testid="data-as-of">
        {t('data.asOf', { time: formatDateTime(at, locale) })}
      </Tag>
    </Tooltip>
  );
}
