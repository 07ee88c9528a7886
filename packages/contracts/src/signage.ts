import type { StationTypeSchema } from '@shegong/events';
import { DomainError } from '@shegong/kernel';
import { findRegion, type Region, type RegionLevel } from '@shegong/regions';
import type { z } from 'zod';

export type StationType = z.infer<typeof StationTypeSchema>;

/**
 * The division level each kind of station sits in: a county centre in its county (one per county), a
 * township station in its township (one per township) [ZZ §1.3]; a community room in the township that
 * its village or community belongs to (the hub indexes regions down to townships).
 */
export const REGION_LEVEL_OF: Readonly<Record<StationType, RegionLevel>> = {
  'county-centre': 'county',
  'township-station': 'township',
  'community-room': 'township',
};

const TYPE_LABELS: Readonly<Record<StationType, string>> = {
  'county-centre': 'a county centre (社会工作服务中心)',
  'township-station': 'a township station (社会工作服务站)',
  'community-room': 'a community room (社会工作服务室)',
};

/**
 * Where a station of this type with this region code sits, or why the code does not fit: malformed,
 * unknown, or of the wrong level (a county centre needs a 6-digit county code, the others a 9-digit
 * township code).
 * @example placeOf('township-station', '410105001') // { ok: true, region: { name: '经八路街道', … } }
 */
export function placeOf(
  type: StationType,
  regionCode: string,
): { ok: true; region: Region } | { ok: false; message: string } {
  let region: Region | undefined;
  try {
    region = findRegion(regionCode);
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  if (region === undefined) return { ok: false, message: `no region has the code "${regionCode}"` };
  const level = REGION_LEVEL_OF[type];
  if (region.level !== level) {
    return {
      ok: false,
      message: `${TYPE_LABELS[type]} sits in a ${level} (${level === 'county' ? '6' : '9'} digits); ${region.code} ${region.name} is a ${region.level}`,
    };
  }
  return { ok: true, region };
}

/**
 * The name on the station's sign. The sign shows the China social work logo (中国社会工作标识) followed by
 * this text: "××乡镇（街道）社会工作服务站" / "××村（社区）社会工作服务室" [ZZ §4.5, PY §4.6]; a county centre
 * reads "××（县/区）社会工作服务中心", after the one-centre-per-county target [ZZ §1.3].
 * @example signageNameFor('township-station', getRegion('410105001')) // '经八路街道社会工作服务站'
 * @example signageNameFor('county-centre', getRegion('410105'))      // '金水区社会工作服务中心'
 * @example signageNameFor('community-room', getRegion('410105001'), '纬五路社区') // '纬五路社区社会工作服务室'
 * @throws DomainError `STATION_COMMUNITY_NAME_MISSING` for a community room without its community's name
 */
export function signageNameFor(type: StationType, region: Region, communityName?: string): string {
  switch (type) {
    case 'county-centre':
      return `${region.name}社会工作服务中心`;
    case 'township-station':
      return `${region.name}社会工作服务站`;
    case 'community-room': {
      const community = communityName?.trim();
      if (!community) {
        throw new DomainError(
          'STATION_COMMUNITY_NAME_MISSING',
          'a community room is signed with its village or community name (××村（社区）社会工作服务室): give communityName',
          { path: ['communityName'] },
        );
      }
      return `${community}社会工作服务室`;
    }
  }
}
