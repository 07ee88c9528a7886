/** Strings the database can store: one definition, in `@shegong/contracts`, for every schema. */
export { isStorableText, STORABLE_TEXT_MESSAGE, StorableText } from '@shegong/contracts';
