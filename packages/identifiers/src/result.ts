/**
 * Why an identifier was refused: `length`, `charset` and `format` are about its shape, `date` about the
 * birth date a resident ID number carries, `check` about its check character.
 */
export type InvalidReason = 'length' | 'charset' | 'format' | 'date' | 'check';

/**
 * A refused identifier: the reason, and a message a person can act on, in English (`message`, what logs
 * and API clients read) and in Chinese (`zh`, what a civil-affairs clerk reads in the consoles).
 */
export interface Invalid {
  ok: false;
  reason: InvalidReason;
  message: string;
  zh: string;
}
