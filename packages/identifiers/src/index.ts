/**
 * @shegong/identifiers: the Chinese identifiers the hub checks at its boundaries — the unified social credit
 * code of an organization (GB 32100-2015), the resident ID number of a person (GB 11643-1999), a mobile
 * number — as pure check functions and zod schemas, and their masked forms for display.
 */
export { maskPhone, maskResidentId } from './mask.ts';
export { MobilePhoneSchema, normalizeMobilePhone } from './phone.ts';
export {
  checkResidentId,
  isValidResidentId,
  type ResidentIdCheck,
  ResidentIdNumberSchema,
  type ResidentIdParts,
  residentIdCheckCharacter,
} from './resident-id.ts';
export type { Invalid, InvalidReason } from './result.ts';
export {
  checkUscc,
  isValidUscc,
  UnifiedSocialCreditCodeSchema,
  USCC_ALPHABET,
  type UsccCheck,
  type UsccParts,
  usccCheckCharacter,
} from './uscc.ts';
