import { DataAsOf, ErrorState, formatMoney, formatPercent, LoadingState, useI18n } from '@shegong/web';
import { Card, Descriptions, Empty, Space } from 'antd';
import { useContractBudgets } from './api.ts';
import { FindingsTable } from './findings-table.tsx';

/**
 * The budget check of a contract: each project budget that funds it (`funding.budgets.list` by
 * `contractId`) with its total, personnel share and sources, and the findings of the budget rules as
 * funding evaluated them under the county's profile — personnel share and evaluation reserve [ZZ §6.3],
 * assistance-fund cap [ZZ §6.2], one source's purpose [ZZ §6.3, PY §6.3], labour-cost floor [WH §2.2] —
 * each with its clause. What a clerk reads before approving money against the contract.
 */
export function BudgetCheck({ contractId }: { contractId: string }) {
  const { t, locale } = useI18n();
  const budgets = useContractBudgets(contractId);
  return (
    <Card
      title={t('budgets.title')}
      extra={<DataAsOf at={budgets.dataUpdatedAt} />}
      data-testid="budget-check"
    >
      {budgets.isPending ? (
        <LoadingState />
      ) : budgets.isError ? (
        <ErrorState error={budgets.error} onRetry={() => void budgets.refetch()} />
      ) : budgets.data.items.length === 0 ? (
        <Empty description={t('budgets.none')} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {budgets.data.items.map((b) => (
            <div key={b.id} data-testid={`budget-${b.id}`}>
              <Descriptions
                size="small"
                style={{ marginBottom: 8 }}
                column={{ xs: 1, md: 2, xl: 4 }}
                items={[
                  { key: 'id', label: t('budgets.id'), children: `${b.id}（${b.year}）` },
                  { key: 'total', label: t('budgets.total'), children: formatMoney(b.totalFen, locale) },
                  {
                    key: 'personnel',
                    label: t('budgets.personnel'),
                    children: `${formatMoney(b.personnelFen, locale)}（${
                      b.totalFen > 0 ? formatPercent(b.personnelFen / b.totalFen, locale) : '—'
                    }）`,
                  },
                  {
                    key: 'sources',
                    label: t('budgets.sources'),
                    children: formatMoney(b.sourcesFen, locale),
                  },
                ]}
              />
              <FindingsTable findings={b.findings} testId={`budget-findings-${b.id}`} />
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}
