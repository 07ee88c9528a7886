import { ReportDetail, useI18n } from '@shegong/web';
import { Breadcrumb, Button } from 'antd';
import { Link, useParams } from 'react-router';

/**
 * `/approvals/:unitRegionCode/:reportId`: a county's report as the city reviews it — computed figures with
 * the county's corrections beside them, approve (locks it) or return with a reason.
 */
export function ApprovalReportPage() {
  const { unitRegionCode = '', reportId = '' } = useParams();
  const { t } = useI18n();
  return (
    <ReportDetail
      reportRef={{ unitRegionCode, reportId }}
      as="approver"
      back={
        <Link to="/approvals">
          <Button type="primary">{t('approvals.back')}</Button>
        </Link>
      }
      trail={(r) => (
        <Breadcrumb
          style={{ marginBottom: 16 }}
          items={[
            { title: <Link to="/approvals">{t('menu.approvals')}</Link> },
            { title: `${r.unitName} ${r.period.key}` },
          ]}
        />
      )}
    />
  );
}
