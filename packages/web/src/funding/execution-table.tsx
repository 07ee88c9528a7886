import { Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { ExportColumn } from '../excel/export-button.tsx';
import { formatMoney, formatNumber, formatPercent } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import type { ExecutionRow } from './api.ts';

type T = ReturnType<typeof useI18n>['t'];

/** Integer fen as a yuan number for a sheet (a cell Excel can sum; two decimals are exact in a double). */
const yuan = (fen: number) => fen / 100;

/** The execution table as a sheet holds it: code and name apart, money in 元, execution as a fraction. */
export function executionExportColumns(t: T): ExportColumn<ExecutionRow>[] {
  return [
    { title: t('excel.regionCode'), value: (r) => r.regionCode },
    { title: t('funding.region'), value: (r) => r.name },
    { title: t('funding.contracts'), value: (r) => r.contractCount },
    { title: `${t('funding.contracted')}${t('funding.yuan')}`, value: (r) => yuan(r.contractedFen) },
    { title: t('funding.budgets'), value: (r) => r.budgetCount },
    { title: `${t('funding.budgeted')}${t('funding.yuan')}`, value: (r) => yuan(r.budgetedFen) },
    { title: t('funding.payments'), value: (r) => r.paymentCount },
    { title: `${t('funding.paid')}${t('funding.yuan')}`, value: (r) => yuan(r.paidFen) },
    {
      title: t('funding.execution'),
      value: (r) => (r.executionBp === null ? null : r.executionBp / 10_000),
    },
  ];
}

/**
 * Budget execution and payments of each region in a year, as the server sums them in integer fen and
 * shows them in 元: contracts signed, project budgets, payments made, paid ÷ budgeted. `linkTo` drills down.
 */
export function ExecutionTable({
  rows,
  linkTo,
  testId,
  summary,
}: {
  rows: readonly ExecutionRow[];
  linkTo?: (row: ExecutionRow) => string | undefined;
  testId?: string;
  /** The region's own totals, shown as the table's last row (not a sum made here). */
  summary?: ExecutionRow;
}) {
  const { t, locale } = useI18n();
  const n = (value: number) => formatNumber(value, locale);
  const money = (fen: number) => formatMoney(fen, locale, 'unit');
  const execution = (bp: number | null) =>
    bp === null ? (
      <Typography.Text type="secondary">{t('funding.noBudget')}</Typography.Text>
    ) : (
      formatPercent(bp / 10_000, locale)
    );
  return (
    <Table<ExecutionRow>
      data-testid={testId}
      rowKey="regionCode"
      size="small"
      pagination={false}
      dataSource={[...rows]}
      columns={[
        {
          title: t('funding.region'),
          dataIndex: 'name',
          render: (name: string, row) => {
            const to = linkTo?.(row);
            return to ? (
              <Link to={to} title={row.regionCode}>
                {name}
              </Link>
            ) : (
              <span title={row.regionCode}>{name}</span>
            );
          },
        },
        { title: t('funding.contracts'), dataIndex: 'contractCount', align: 'right', render: n },
        { title: t('funding.contracted'), dataIndex: 'contractedFen', align: 'right', render: money },
        { title: t('funding.budgets'), dataIndex: 'budgetCount', align: 'right', render: n },
        { title: t('funding.budgeted'), dataIndex: 'budgetedFen', align: 'right', render: money },
        { title: t('funding.payments'), dataIndex: 'paymentCount', align: 'right', render: n },
        { title: t('funding.paid'), dataIndex: 'paidFen', align: 'right', render: money },
        {
          title: t('funding.execution'),
          dataIndex: 'executionBp',
          align: 'right',
          sorter: (a, b) => (a.executionBp ?? -1) - (b.executionBp ?? -1),
          render: execution,
        },
      ]}
      summary={
        summary
          ? () => (
              <Table.Summary.Row data-testid="execution-total">
                <Table.Summary.Cell index={0}>
                  <strong>{summary.name}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {n(summary.contractCount)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {money(summary.contractedFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {n(summary.budgetCount)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {money(summary.budgetedFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  {n(summary.paymentCount)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">
                  {money(summary.paidFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={7} align="right">
                  {execution(summary.executionBp)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )
          : undefined
      }
    />
  );
}
