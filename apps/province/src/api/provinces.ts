import { useAuth } from '@shegong/web';

/** The province a region code lies in: its first two digits (`410105` → `410000`). */
export function provinceOf(regionCode: string): string {
  return `${regionCode.slice(0, 2)}0000`;
}

/**
 * The provinces the signed-in user may read: its own, then those of its `crossProvince` grant (the
 * ministry's view of Henan, Hubei and Hebei). The server decides; this only says what to offer.
 */
export function useProvinces(): string[] {
  const { session } = useAuth();
  if (!session) return [];
  const own = provinceOf(session.principal.regionCode);
  const others = session.principal.grants?.crossProvince ?? [];
  return [own, ...others.map(provinceOf).filter((p) => p !== own)];
}
