import { ReportDetail, useI18n } from '@shegong/web';
import { Breadcrumb, Button } from 'antd';
import { Link, useParams } from 'react-router';

/** `/reports/:unitRegionCode/:reportId`: the city's own report: correct, draft again, submit. */
export function CityReportPage() {
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
