import { type RegionInfo, useI18n, useRegionChain } from '@shegong/web';
import { Breadcrumb } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** Where a region's page goes: a province to its dashboard, any other region to its drill-down. */
export function regionPath(region: Pick<RegionInfo, 'code' | 'level'>): string {
  return region.level === 'province' ? `/dashboard/${region.code}` : `/regions/${region.code}`;
}

/**
 * The breadcrumb of a drill-down: 河南省 / 郑州市 / 二七区 (each a link up), then `last` (the page's own
 * item, e.g. a station's name) when given. The chain comes from the gateway's `regions.chain` (one call).
 */
export function RegionTrail({ code, last }: { code: string; last?: ReactNode }) {
  const { t } = useI18n();
  const chain = useRegionChain(code);
  const regions = (chain.data ?? []).filter((r) => r.level !== 'township');
  const items = regions.map((r, i) => ({
    title: i === regions.length - 1 && last === undefined ? r.name : <Link to={regionPath(r)}>{r.name}</Link>,
  }));
  return (
    <Breadcrumb
      data-testid="region-trail"
      items={[
        ...(items.length === 0 ? [{ title: t('state.loading') }] : items),
        ...(last ? [{ title: last }] : []),
      ]}
    />
  );
}
