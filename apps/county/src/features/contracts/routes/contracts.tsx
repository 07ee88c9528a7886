import {
  CursorPager,
  DataAsOf,
  EmptyState,
  ErrorState,
  formatDate,
  formatMoney,
  LoadingState,
  useCursorPages,
  useI18n,
} from '@shegong/web';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { type Contract, useContracts } from '../api.ts';

const PAGE_SIZE = 20;

/**
 * `/contracts`: the county's purchase contracts (`funding.contracts.list`), each with its operator, the
 * stations it covers, its term and amount, and how many findings funding noticed (e.g. signed more than
 * 30 days after the award notice [PY §5.3]); a contract opens with its findings and payment requests.
 */
export function ContractsPage() {
  const { t, locale } = useI18n();
  const pages = useCursorPages();
  const { cursor } = pages;
  const contracts = useContracts({ limit: PAGE_SIZE, ...(cursor && { cursor }) });
  return (
    <Card
      title={t('contracts.title')}
      extra={<DataAsOf at={contracts.dataUpdatedAt} />}
      data-testid="contracts-page"
    >
      <Typography.Paragraph type="secondary">{t('contracts.hint')}</Typography.Paragraph>
      {contracts.isPending ? (
        <LoadingState />
      ) : contracts.isError ? (
        <ErrorState error={contracts.error} onRetry={() => void contracts.refetch()} />
      ) : contracts.data.items.length === 0 ? (
        <EmptyState title={t('contracts.empty')} hint={t('contracts.emptyHint')} />
      ) : (
        <>
          <Table<Contract>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={contracts.data.items}
            loading={contracts.isPlaceholderData}
            columns={[
              {
                title: t('contracts.id'),
                dataIndex: 'id',
                render: (id: string) => <Link to={`/contracts/${encodeURIComponent(id)}`}>{id}</Link>,
              },
              { title: t('station.operator'), dataIndex: 'operatorId' },
              {
                title: t('contracts.stations'),
                dataIndex: 'stationIds',
                render: (ids: string[]) => ids.length,
              },
              {
                title: t('contracts.signedOn'),
                dataIndex: 'signedOn',
                render: (d: string) => formatDate(d, locale),
              },
              {
                title: t('contracts.term'),
                key: 'term',
                render: (_: unknown, c) =>
                  `${formatDate(c.termStart, locale)} – ${formatDate(c.termEnd, locale)}`,
              },
              {
                title: t('contracts.amount'),
                dataIndex: 'amountFen',
                render: (f: number) => formatMoney(f, locale),
              },
              {
                title: t('contracts.findings'),
                key: 'findings',
                render: (_: unknown, c) =>
                  c.findings.length === 0 ? (
                    <Tag color="green">{t('compliance.none')}</Tag>
                  ) : (
                    <Space size={[4, 4]} wrap>
                      {c.findings.map((f) => (
                        <Tag
                          key={`${f.ruleId}-${f.message.zh}`}
                          color={f.severity === 'error' ? 'red' : 'orange'}
                        >
                          {f.ruleId}（{f.citation}）
                        </Tag>
                      ))}
                    </Space>
                  ),
              },
            ]}
          />
          <CursorPager pages={pages} nextCursor={contracts.data.nextCursor} />
        </>
      )}
    </Card>
  );
}

export default ContractsPage;
