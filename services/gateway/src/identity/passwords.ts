import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords are stored as argon2id hashes (the PHC string carries salt and parameters). `@node-rs/argon2`
 * ships prebuilt binaries in npm packages, so nothing compiles on install.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * A hash of nothing anybody knows, checked when the username is unknown, so that a wrong username takes
 * as long as a wrong password and sign-in does not reveal who has an account.
 */
let decoy: Promise<string> | undefined;
export async function burnVerification(password: string): Promise<void> {
  decoy ??= hash('decoy: no account has this password');
  await verifyPassword(await decoy, password);
}
