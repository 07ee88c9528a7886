import { useAuth } from '@shegong/web';
import { Navigate } from 'react-router';
import { useProvinces } from '../api/provinces.ts';

/**
 * Where a drillable screen opens without a region in its URL: a province user (or one with a
 * cross-province grant) on its first province, a city or county user on its own region.
 */
export function OwnRegionRedirect({ base }: { base: string }) {
  const { session } = useAuth();
  const provinces = useProvinces();
  const own = session?.principal;
  if (own && own.role !== 'province') return <Navigate to={`${base}/${own.regionCode}`} replace />;
  return provinces[0] ? <Navigate to={`${base}/${provinces[0]}`} replace /> : null;
}
