import { OperatorDetail, OperatorsList, useI18n } from '@shegong/web';
import { Breadcrumb, Button, Space } from 'antd';
import { Link, useParams } from 'react-router';

/** `/operators`: the operators (承接主体) the gateway returns to the county, with their findings. */
export default function OperatorsPage() {
  return <OperatorsList />;
}

/** `/operators/:operatorId`: one operator's registration, rating, origin and findings with clauses. */
export function OperatorDetailPage() {
  const { operatorId = '' } = useParams();
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[{ title: <Link to="/operators">{t('menu.operators')}</Link> }, { title: operatorId }]}
      />
      <OperatorDetail
        operatorId={operatorId}
        back={
          <Link to="/operators">
            <Button>{t('operators.back')}</Button>
          </Link>
        }
      />
    </Space>
  );
}
