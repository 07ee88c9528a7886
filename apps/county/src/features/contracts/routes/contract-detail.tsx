import { BackLink, DataAsOf, ErrorState, formatDate, formatMoney, LoadingState, useI18n } from '@shegong/web';
import { Breadcrumb, Card, Descriptions, Space, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { type PaymentRequest, useContract, usePayments } from '../api.ts';
import { FindingsTable } from '../findings-table.tsx';

const STATUS_COLOR: Record<PaymentRequest['status'], string> = {
  applied: 'blue',
  approved: 'cyan',
  paid: 'green',
  rejected: 'red',
};

/**
 * `/contracts/:contractId`: one purchase contract — its term, amount, stations, yearly agreements (一年一签
 * [ZZ §5.3]) and the findings funding noticed — and its payment requests (applied → approved → paid, or
 * rejected with a reason), each with the vouchers it was filed with [ZZ §5.5], and the totals.
 */
export function ContractDetailPage() {
  const { contractId = '' } = useParams();
  const { t, locale } = useI18n();
  const contract = useContract(contractId);
  const payments = usePayments(contractId);
  const back = <BackLink to="/contracts" labelKey="contracts.back" />;
  if (contract.isPending) return <LoadingState />;
  if (contract.isError)
    return <ErrorState error={contract.error} onRetry={() => void contract.refetch()} back={back} />;
  const c = contract.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="contract-page">
      <Breadcrumb items={[{ title: <Link to="/contracts">{t('menu.contracts')}</Link> }, { title: c.id }]} />
      <Card
        title={`${t('contracts.contract')} ${c.id}`}
        extra={<DataAsOf at={contract.dataUpdatedAt} asOfDay={c.evaluatedAsOf} />}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'operator', label: t('station.operator'), children: c.operatorId },
            { key: 'amount', label: t('contracts.amount'), children: formatMoney(c.amountFen, locale) },
            {
              key: 'award',
              label: t('contracts.awardNotice'),
              children: formatDate(c.awardNoticeDate, locale),
            },
            { key: 'signed', label: t('contracts.signedOn'), children: formatDate(c.signedOn, locale) },
            {
              key: 'term',
              label: t('contracts.term'),
              children: `${formatDate(c.termStart, locale)} – ${formatDate(c.termEnd, locale)}（${t('contracts.cycle', { years: c.cycleYears })}）`,
            },
            {
              key: 'yearly',
              label: t('contracts.yearlyTerms'),
              children:
                c.yearlyTerms.length === 0
                  ? '—'
                  : c.yearlyTerms
                      .map((y) => t('contracts.yearly', { year: y.year, on: formatDate(y.signedOn, locale) }))
                      .join('；'),
            },
            {
              key: 'stations',
              label: t('contracts.stations'),
              children: (
                <Space size={[4, 4]} wrap>
                  {c.stationIds.map((id) => (
                    <Link key={id} to={`/stations/${encodeURIComponent(id)}`}>
                      {id}
                    </Link>
                  ))}
                </Space>
              ),
            },
            { key: 'profile', label: t('evaluation.profile'), children: c.profileId },
          ]}
        />
      </Card>
      <Card title={t('contracts.findings')}>
        <FindingsTable findings={c.findings} />
      </Card>
      <Card
        title={t('payments.title')}
        extra={<DataAsOf at={payments.dataUpdatedAt} />}
        data-testid="payments"
      >
        {payments.isPending ? (
          <LoadingState />
        ) : payments.isError ? (
          <ErrorState error={payments.error} onRetry={() => void payments.refetch()} />
        ) : (
          <>
            <Descriptions
              size="small"
              style={{ marginBottom: 12 }}
              column={{ xs: 1, md: 2, xl: 4 }}
              items={[
                {
                  key: 'amount',
                  label: t('contracts.amount'),
                  children: formatMoney(payments.data.contractAmountFen, locale),
                },
                {
                  key: 'committed',
                  label: t('payments.committed'),
                  children: formatMoney(payments.data.committedFen, locale),
                },
                {
                  key: 'paid',
                  label: t('payments.paid'),
                  children: formatMoney(payments.data.paidFen, locale),
                },
                {
                  key: 'remaining',
                  label: t('payments.remaining'),
                  children: formatMoney(payments.data.remainingFen, locale),
                },
              ]}
            />
            <Table<PaymentRequest>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={payments.data.items}
              locale={{ emptyText: t('payments.empty') }}
              columns={[
                { title: t('payments.id'), dataIndex: 'id' },
                {
                  title: t('payments.amount'),
                  dataIndex: 'amountFen',
                  render: (f: number) => formatMoney(f, locale),
                },
                {
                  title: t('payments.status'),
                  dataIndex: 'status',
                  render: (s: PaymentRequest['status']) => (
                    <Tag color={STATUS_COLOR[s]}>{t(`payments.status.${s}`)}</Tag>
                  ),
                },
                {
                  title: t('payments.appliedOn'),
                  dataIndex: 'appliedOn',
                  render: (d: string) => formatDate(d, locale),
                },
                {
                  title: t('payments.decidedOn'),
                  key: 'decided',
                  render: (_: unknown, p) => {
                    const day = p.paidOn ?? p.approvedOn ?? p.rejectedOn;
                    return day ? formatDate(day, locale) : '—';
                  },
                },
                {
                  title: t('payments.vouchers'),
                  key: 'vouchers',
                  render: (_: unknown, p) => (
                    <Space size={[4, 4]} wrap data-testid={`vouchers-${p.id}`}>
                      {p.vouchers.map((v) => (
                        <Tag key={`${v.kind}-${v.ref}`}>
                          {t(`voucher.${v.kind}`)}：{v.ref}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
                {
                  title: t('payments.reason'),
                  dataIndex: 'rejectionReason',
                  render: (r: string | null) => r ?? '—',
                },
              ]}
            />
          </>
        )}
      </Card>
    </Space>
  );
}

export default ContractDetailPage;
