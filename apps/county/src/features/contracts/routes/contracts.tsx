import {
  CursorPager,
  DataAsOf,
  EmptyState,
  ErrorState,
  type ExportColumn,
  ExportExcelButton,
  formatDate,
  formatMoney,
  LoadingState,
  useAuth,
  useCursorPages,
  useI18n,
} from '@shegong/web';
import { Button, Card, message, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type Contract, useContracts } from '../api.ts';
import { SignContract } from '../sign-contract.tsx';

const PAGE_SIZE = 20;

/** The contracts as the sheet holds them: money in 元, findings as rule and clause. */
function contractExportColumns(t: (key: string) => string): ReadonlyArray<ExportColumn<Contract>> {
  return [
    { title: t('contracts.id'), value: (c) => c.id },
    { title: t('station.operator'), value: (c) => c.operatorId },
    { title: t('contracts.stations'), value: (c) => c.stationIds.join('、') },
    { title: t('contracts.awardNotice'), value: (c) => c.awardNoticeDate },
    { title: t('contracts.signedOn'), value: (c) => c.signedOn },
    { title: t('contracts.term'), value: (c) => `${c.termStart} – ${c.termEnd}` },
    { title: t('sign.amountYuan'), value: (c) => c.amountFen / 100 },
    {
      title: t('contracts.findings'),
      value: (c) => c.findings.map((f) => `${f.ruleId}（${f.citation}）`).join('；'),
    },
  ];
}

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
  const principal = useAuth().session?.principal;
  const navigate = useNavigate();
  const [signing, setSigning] = useState(false);
  // `contracts.write` is the county's and the city's [ZZ §2]; in the county console, the county signs.
  const signs = principal?.role === 'county';
  return (
    <Card
      title={t('contracts.title')}
      extra={
        <Space wrap>
          <DataAsOf at={contracts.dataUpdatedAt} />
          {signs && (
            <Button size="small" type="primary" onClick={() => setSigning(true)} data-testid="contract-sign">
              {t('sign.open')}
            </Button>
          )}
          <ExportExcelButton
            title={t('contracts.title')}
            columns={contractExportColumns(t)}
            rows={contracts.data?.items ?? []}
            asOf={contracts.dataUpdatedAt}
          />
        </Space>
      }
      data-testid="contracts-page"
    >
      {signing && principal && (
        <SignContract
          countyCode={principal.regionCode}
          onClose={() => setSigning(false)}
          onSigned={(c) => {
            setSigning(false);
            void message.success(t('sign.done', { id: c.id, findings: c.findings.length }));
            navigate(`/contracts/${encodeURIComponent(c.id)}`);
          }}
        />
      )}
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
