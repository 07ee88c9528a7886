/**
 * Masking for display: enough to recognise a record, not enough to reuse the identifier. The hub returns
 * personal identifiers only in these forms.
 */

/**
 * Keeps the first 6 (the issuing division) and the last 4 characters of a resident ID number.
 * @example maskResidentId('410105199105101234') // '410105********1234'
 */
export function maskResidentId(idNumber: string): string {
  return maskMiddle(idNumber, 6, 4);
}

/**
 * Keeps the first 3 and the last 4 digits of a mobile number.
 * @example maskPhone('13812345678') // '138****5678'
 */
export function maskPhone(phone: string): string {
  return maskMiddle(phone, 3, 4);
}

/** Replaces all but `head` leading and `tail` trailing characters with `*`; a too-short value is masked whole. */
function maskMiddle(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) return '*'.repeat(value.length);
  return `${value.slice(0, head)}${'*'.repeat(value.length - head - tail)}${value.slice(-tail)}`;
}
