import { useI18n, useRegionChain } from '@shegong/web';
import { Breadcrumb } from 'antd';
import { Link } from 'react-router';

/**
 * The breadcrumb of a drillable screen (completeness, budget, plan): 河南省 / 郑州市 / 金水区, each a link to
 * the same screen one level up (`${base}/${code}`). The chain comes from the gateway's `regions.chain` (one call).
 */
export function ScreenTrail({ code, base }: { code: string; base: string }) {
  const { t } = useI18n();
  const chain = useRegionChain(code);
  const regions = (chain.data ?? []).filter((r) => r.level !== 'township');
  const items = regions.map((r, i) => ({
    title: i === regions.length - 1 ? r.name : <Link to={`${base}/${r.code}`}>{r.name}</Link>,
  }));
  return (
    <Breadcrumb
      data-testid="screen-trail"
      items={items.length === 0 ? [{ title: t('state.loading') }] : items}
    />
  );
}
