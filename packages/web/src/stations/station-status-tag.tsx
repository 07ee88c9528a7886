import { Tag } from 'antd';
import { useI18n } from '../i18n.tsx';
import type { StationStatus } from './api.ts';

const COLORS: Record<StationStatus, string> = {
  planned: 'default',
  building: 'processing',
  operating: 'success',
  suspended: 'warning',
  closed: 'error',
};

export function StationStatusTag({ status }: { status: StationStatus }) {
  const { t } = useI18n();
  return <Tag color={COLORS[status]}>{t(`status.${status}`)}</Tag>;
}
