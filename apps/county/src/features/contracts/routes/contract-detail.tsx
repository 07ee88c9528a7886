import {
  BackLink,
  DataAsOf,
  ErrorState,
  type ExportColumn,
  ExportExcelButton,
  formatDate,
  formatMoney,
  LoadingState,
  useAuth,
  useI18n,
} from '@shegong/web';
import {
  Breadcrumb,
  Button,
  Card,
  ConfigProvider,
  Descriptions,
  message,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type PaymentRequest, useContract, usePayments } from '../api.ts';
import { BudgetCheck } from '../budget-check.tsx';
import { FindingsTable } from '../findings-table.tsx';
import { PaymentApplication } from '../payment-application.tsx';
import { PaymentDecision } from '../payment-decision.tsx';
import {
  mayApplyForPayment,
  mayDecidePayments,
  type PaymentAction,
  paymentActions,
} from '../payment-rules.ts';

const STATUS_COLOR: Record<PaymentRequest['status'], string> = {
  applied: 'blue',
  approved: 'cyan',
  paid: 'green',
  rejected: 'red',
};

/**
 * Red-7 instead of Ant Design's red-6 for the reject buttons and the field errors of the decision dialogs:
 * white on red-6, and red-6 on white, fall short of WCAG 2 AA's 4.5:1 (axe-core's `color-contrast`).
 */
const DECISION_THEME = { token: { colorError: '#cf1322' } } as const;

/** The day a request was last decided on: paid, else approved, else rejected. */
const decidedOn = (p: PaymentRequest) => p.paidOn ?? p.approvedOn ?? p.rejectedOn;

/** The payment requests as the sheet holds them: money in 元 (a number Excel can sum), states in words. */
function paymentExportColumns(t: (key: string) => string): ReadonlyArray<ExportColumn<PaymentRequest>> {
  return [
    { title: t('payments.id'), value: (p) => p.id },
    { title: t('payments.amountYuan'), value: (p) => p.amountFen / 100 },
    { title: t('payments.status'), value: (p) => t(`payments.status.${p.status}`) },
    { title: t('payments.appliedOn'), value: (p) => p.appliedOn },
    { title: t('payments.approvedOn'), value: (p) => p.approvedOn },
    { title: t('payments.paidOn'), value: (p) => p.paidOn },
    { title: t('payments.rejectedOn'), value: (p) => p.rejectedOn },
    {
      title: t('payments.vouchers'),
      value: (p) => p.vouchers.map((v) => `${t(`voucher.${v.kind}`)}：${v.ref}`).join('；'),
    },
    { title: t('payments.reason'), value: (p) => p.rejectionReason },
  ];
}

/**
 * `/contracts/:contractId`: one purchase contract — its term, amount, stations, yearly agreements (一年一签
 * [ZZ §5.3]), the findings funding noticed and the budget check of the budgets that fund it — and its
 * payment requests (applied → approved → paid, or rejected with a reason), each with the vouchers it was
 * filed with [ZZ §5.5], and the totals. The county, as purchaser, decides here: each request offers only
 * the moves its state allows (approve or reject an application, pay an approved one), each after a
 * confirmation dialog; and it records an operator's written application. The table is refetched after
 * every decision, so it shows what the server holds.
 */
export function ContractDetailPage() {
  const { contractId = '' } = useParams();
  const { t, locale } = useI18n();
  const role = useAuth().session?.principal.role;
  const contract = useContract(contractId);
  const payments = usePayments(contractId);
  const [deciding, setDeciding] = useState<{ payment: PaymentRequest; action: PaymentAction } | null>(null);
  const [applying, setApplying] = useState(false);
  const decides = mayDecidePayments(role);
  const back = <BackLink to="/contracts" labelKey="contracts.back" />;
  if (contract.isPending) return <LoadingState />;
  if (contract.isError)
    return <ErrorState error={contract.error} onRetry={() => void contract.refetch()} back={back} />;
  const c = contract.data;
  return (
    <ConfigProvider theme={DECISION_THEME}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="contract-page">
        <Breadcrumb
          items={[{ title: <Link to="/contracts">{t('menu.contracts')}</Link> }, { title: c.id }]}
        />
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
                        .map((y) =>
                          t('contracts.yearly', { year: y.year, on: formatDate(y.signedOn, locale) }),
                        )
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
          extra={
            <Space wrap>
              <DataAsOf at={payments.dataUpdatedAt} />
              {payments.isSuccess && mayApplyForPayment(role) && (
                <Button size="small" onClick={() => setApplying(true)} data-testid="payment-apply">
                  {t('payments.apply.open')}
                </Button>
              )}
              <ExportExcelButton
                title={`${t('payments.title')} ${c.id}`}
                columns={paymentExportColumns(t)}
                rows={payments.data?.items ?? []}
                asOf={payments.dataUpdatedAt}
              />
            </Space>
          }
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
                locale={{ emptyText: <Typography.Text>{t('payments.empty')}</Typography.Text> }}
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
                      const day = decidedOn(p);
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
                  ...(decides
                    ? [
                        {
                          title: t('payments.actions'),
                          key: 'actions',
                          render: (_: unknown, p: PaymentRequest) => {
                            const actions = paymentActions(p.status);
                            if (actions.length === 0) return <span title={t('payments.final')}>—</span>;
                            return (
                              <Space size={4}>
                                {actions.map((action) => (
                                  <Button
                                    key={action}
                                    size="small"
                                    type={action === 'reject' ? 'default' : 'primary'}
                                    danger={action === 'reject'}
                                    data-testid={`${action}-${p.id}`}
                                    onClick={() => setDeciding({ payment: p, action })}
                                  >
                                    {t(`payments.action.${action}`)}
                                  </Button>
                                ))}
                              </Space>
                            );
                          },
                        },
                      ]
                    : []),
                ]}
              />
            </>
          )}
        </Card>
        <BudgetCheck contractId={c.id} />
        {deciding && (
          <PaymentDecision
            key={`${deciding.payment.id}-${deciding.action}`}
            payment={deciding.payment}
            action={deciding.action}
            onClose={() => setDeciding(null)}
            onDone={(after) => {
              setDeciding(null);
              void message.success(
                t('payments.done', { id: after.id, status: t(`payments.status.${after.status}`) }),
              );
            }}
          />
        )}
        {applying && payments.data && (
          <PaymentApplication
            contractId={c.id}
            payments={payments.data}
            onClose={() => setApplying(false)}
            onDone={(created) => {
              setApplying(false);
              void message.success(
                t('payments.done', { id: created.id, status: t(`payments.status.${created.status}`) }),
              );
            }}
          />
        )}
      </Space>
    </ConfigProvider>
  );
}

export default ContractDetailPage;
