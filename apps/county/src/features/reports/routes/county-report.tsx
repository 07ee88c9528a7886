import { ReportDetail, useI18n } from '@shegong/web';
import { Breadcrumb, Button } from 'antd';
import { Link, useParams } from 'react-router';

/**
 * `/reports/:unitRegionCode/:reportId`: one of the county's reports — correct a figure with a reason,
 * draft again, submit; a returned one shows the city's reason; an approved one shows locked.
 */
export function CountyReportPage() {
  const { unitRegionCode = '', reportId = '' } = useParams();
  const { t } = useI18n();
  return (
    <ReportDetail
      reportRef={{ unitRegionCode, reportId }}
      as="unit"
      back={
        <Link to="/reports">
          <Button type="primary">{t('report.back')}</Button>
        </Link>
      }
      trail={(r) => (
        <Breadcrumb
          style={{ marginBottom: 16 }}
          items={[{ title: <Link to="/reports">{t('menu.reports')}</Link> }, { title: r.period.key }]}
        />
      )}
    />
  );
}
