import reference from 'virtual:city-reference';
import { EmptyState, useAuth, useI18n } from '@shegong/web';
import { Card, Descriptions, Flex, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { CatalogItemRow } from '../../../reference-data.ts';

/**
 * `/catalog`: catalog governance — the city's own service catalog, each local item with its crosswalk to
 * the canonical taxonomy (what the province's totals count it as), and the items that go beyond the
 * provincial catalog without a recorded approval: 未经省级民政、财政部门批准，基层不得自行扩大服务范围、增加服务
 * 事项 [ZZ §3], shown as awaiting provincial approval. The catalogs are published policy bundled with the
 * console (`virtual:city-reference`); the gateway serves no catalog procedure.
 */
export function CatalogPage() {
  const { t, locale } = useI18n();
  const { session } = useAuth();
  const catalog = reference.catalogs[session?.principal.regionCode ?? ''];
  const [view, setView] = useState<'all' | 'awaiting'>('all');
  if (!catalog)
    return (
      <Card title={t('catalog.title')} data-testid="catalog-page">
        <EmptyState title={t('catalog.none')} hint={t('catalog.noneHint')} />
      </Card>
    );
  const awaiting = catalog.items.filter((i) => i.outsideScope.length > 0);
  const unmapped = catalog.items.filter((i) => i.canonical.length === 0);
  const lang = locale === 'en' ? 'en' : 'zh';
  const shown = view === 'awaiting' ? awaiting : catalog.items;

  return (
    <Card title={t('catalog.title')} data-testid="catalog-page">
      <Typography.Paragraph type="secondary">{t('catalog.hint')}</Typography.Paragraph>
      <Descriptions size="small" bordered column={{ xs: 1, lg: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('catalog.name')}>
          <span title={`${catalog.id} ${catalog.version}`}>{catalog.title}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.document')}>
          {catalog.document} [{catalog.citation}]
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.provincial')}>
          {catalog.provincialCatalog ? (
            <span title={catalog.provincialCatalog.id}>{catalog.provincialCatalog.title}</span>
          ) : (
            t('catalog.noProvincial')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.counts')}>
          <span data-testid="catalog-counts">
            {t('catalog.countsText', {
              items: catalog.items.length,
              awaiting: awaiting.length,
              unmapped: unmapped.length,
            })}
          </span>
        </Descriptions.Item>
      </Descriptions>
      <Segmented<'all' | 'awaiting'>
        aria-label={t('catalog.filter')}
        style={{ marginBottom: 16 }}
        value={view}
        onChange={setView}
        options={[
          { value: 'all', label: t('catalog.all') },
          { value: 'awaiting', label: t('catalog.awaitingFilter', { n: awaiting.length }) },
        ]}
      />
      {shown.length === 0 ? (
        <EmptyState title={t('catalog.noneAwaiting')} hint={t('catalog.noneAwaitingHint')} />
      ) : (
        <Table<CatalogItemRow>
          data-testid="catalog-table"
          rowKey="ref"
          size="small"
          pagination={false}
          dataSource={shown}
          columns={[
            { title: t('catalog.ref'), dataIndex: 'ref', width: 80 },
            { title: t('catalog.domain'), dataIndex: 'domain' },
            { title: t('catalog.item'), dataIndex: 'item' },
            {
              title: t('catalog.canonical'),
              render: (_, row) =>
                row.canonical.length === 0 ? (
                  <Tag color="red">{t('catalog.unmapped')}</Tag>
                ) : (
                  <Flex gap={4} wrap>
                    {row.canonical.map((c) => (
                      <Tooltip key={c.id} title={`${c.id} · ${c.domain[lang]}`}>
                        <Tag tabIndex={0}>{c.label[lang]}</Tag>
                      </Tooltip>
                    ))}
                  </Flex>
                ),
            },
            {
              title: t('catalog.scope'),
              render: (_, row) => <ScopeTag row={row} governed={catalog.provincialCatalog !== null} />,
            },
          ]}
        />
      )}
    </Card>
  );
}

/** An item's standing under [ZZ §3]: within the provincial scope, approved beyond it, or awaiting approval. */
function ScopeTag({ row, governed }: { row: CatalogItemRow; governed: boolean }) {
  const { t } = useI18n();
  if (!governed) return <Tag>{t('catalog.scopeNone')}</Tag>;
  if (row.outsideScope.length > 0)
    return (
      <Tooltip title={row.outsideScope.join(', ')}>
        <Tag color="orange" data-testid="awaiting-approval" tabIndex={0}>
          {t('catalog.awaiting')}
        </Tag>
      </Tooltip>
    );
  if (row.approval)
    return (
      <Tooltip title={`${row.approval.approvedBy} ${row.approval.document} ${row.approval.date}`}>
        <Tag color="blue" tabIndex={0}>
          {t('catalog.approved')}
        </Tag>
      </Tooltip>
    );
  return <Tag color="green">{t('catalog.within')}</Tag>;
}
