import { useI18n, useRegionNames } from '@shegong/web';
import { Segmented } from 'antd';
import { useNavigate } from 'react-router';

/**
 * One button per province the user may read (a cross-province grant); choosing one opens its dashboard,
 * or the same screen (`base`, e.g. `/completeness`) for that province.
 */
export function ProvinceSwitcher({
  provinces,
  current,
  base = '/dashboard',
}: {
  provinces: readonly string[];
  current: string;
  base?: string;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const names = useRegionNames(provinces);
  return (
    <Segmented<string>
      aria-label={t('dashboard.switchProvince')}
      data-testid="province-switcher"
      value={current}
      options={provinces.map((code) => ({ value: code, label: names.get(code) ?? code }))}
      onChange={(code) => navigate(`${base}/${code}`)}
    />
  );
}
