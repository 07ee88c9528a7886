import { z } from 'zod';

/**
 * Whether Postgres can store a string as text or jsonb: no NUL character (text refuses it) and no lone
 * surrogate (jsonb refuses the `\udc00` escape JSON.stringify writes for one). Refused at the edge, such
 * input would otherwise reach the database and come back as a 500.
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && value.isWellFormed();
}

export const STORABLE_TEXT_MESSAGE = 'text may not contain a NUL character or an unpaired surrogate';

/** A string the database can store. */
export const StorableText = z.string().refine(isStorableText, STORABLE_TEXT_MESSAGE);
