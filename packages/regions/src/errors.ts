import { DomainError } from '@shegong/kernel';

export type RegionErrorCode = 'REGION_CODE_INVALID' | 'REGION_NOT_FOUND' | 'REGION_LEVEL_UNSUPPORTED';

/** Thrown for a malformed, unknown or unsupported region code; `regionCode` is the input as given. */
export class RegionError extends DomainError {
  declare readonly code: RegionErrorCode;
  readonly regionCode: string;

  constructor(code: RegionErrorCode, regionCode: string, message: string) {
    super(code, message, { details: { regionCode } });
    this.regionCode = regionCode;
  }
}
