import { LockOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useI18n } from '../i18n.tsx';
import type { Report, ReportStatus } from './api.ts';

const COLORS: Record<ReportStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
};

/** A report's workflow status as a coloured tag: 草稿 / 已提交 / 已退回 / 已审核. */
export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid="report-status">
      {t(`report.status.${status}`)}
    </Tag>
  );
}

/** 已锁定: an approved report locks its unit × period. */
export function LockedTag() {
  const { t } = useI18n();
  return (
    <Tag icon={<LockOutlined />} color="red" data-testid="report-locked">
      {t('report.locked')}
    </Tag>
  );
}

/**
 * On time or how late, of the first submission (a resubmission after a return does not reset it); the
 * due day itself counts as on time.
 */
export function Timeliness({ timeliness }: { timeliness: Report['timeliness'] }) {
  const { t } = useI18n();
  if (!timeliness) return <span>{t('report.notSubmitted')}</span>;
  return timeliness.status === 'on-time' ? (
    <Tag color="green">{t('report.onTime')}</Tag>
  ) : (
    <Tag color="red">{t('report.late', { days: timeliness.daysLate })}</Tag>
  );
}
