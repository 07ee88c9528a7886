import { randomUUID } from 'node:crypto';
import { type Grants, type Principal, type PrincipalInput, principalOf, type Role } from '@shegong/access';
import { DomainError } from '@shegong/kernel';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { GatewayDatabase } from '../db/schema.ts';
import { newApiKey, parseApiKey, sameHash } from './api-keys.ts';
import { burnVerification, hashPassword, verifyPassword } from './passwords.ts';

type Db = Kysely<GatewayDatabase>;

export const NewUserSchema = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[\w.@-]+$/, 'letters, digits, . _ @ - only'),
  password: z.string().min(10, 'at least 10 characters').max(200),
  displayName: z.string().trim().min(1).max(100).optional(),
  role: z.string(),
  regionCode: z.string(),
  operatorId: z.string().optional(),
  grants: z.object({ pii: z.boolean().optional(), crossProvince: z.array(z.string()).optional() }).optional(),
});
export type NewUser = z.input<typeof NewUserSchema>;

/**
 * Creates a user bound to a region and a role (checked by `@shegong/access`: a county user to a county …).
 * @throws DomainError `USER_CONFLICT` when the username is taken; `PRINCIPAL_INVALID` naming the field
 */
export async function createUser(db: Db, input: NewUser): Promise<Principal & { username: string }> {
  const user = NewUserSchema.parse(input);
  const id = `u-${randomUUID()}`;
  const principal = principalOf({
    kind: 'user',
    id,
    role: user.role as Role,
    regionCode: user.regionCode,
    ...(user.operatorId !== undefined && { operatorId: user.operatorId }),
    grants: { pii: user.grants?.pii ?? false, crossProvince: user.grants?.crossProvince ?? [] },
  } as PrincipalInput);
  const inserted = await db
    .insertInto('users')
    .values({
      id,
      username: user.username,
      display_name: user.displayName ?? null,
      password_hash: await hashPassword(user.password),
      role: principal.role,
      region_code: principal.regionCode,
      operator_id: principal.operatorId ?? null,
      grants: JSON.stringify(principal.grants),
      disabled_at: null,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    throw new DomainError('USER_CONFLICT', `the username "${user.username}" is taken`, {
      path: ['username'],
    });
  }
  return { ...principal, username: user.username };
}

/**
 * Checks a username and password. Wrong username and wrong password give the same error in the same
 * time, so sign-in reveals nothing about who has an account.
 * @throws DomainError `UNAUTHENTICATED`
 */
export async function signIn(db: Db, username: string, password: string): Promise<Principal> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) {
    await burnVerification(password);
    throw wrongCredentials();
  }
  if (!(await verifyPassword(row.password_hash, password))) throw wrongCredentials();
  return principalOfRow('user', row);
}

function wrongCredentials(): DomainError {
  return new DomainError('UNAUTHENTICATED', 'wrong username or password', { path: ['password'] });
}

/**
 * Registers a city system and returns its API key: shown once, stored only as a hash.
 * @example const { key } = await createApiClient(db, { name: '郑州市社工站管理系统', regionCode: '410100' });
 */
export async function createApiClient(
  db: Db,
  input: { name: string; regionCode: string; id?: string },
): Promise<{ principal: Principal; key: string }> {
  const id = input.id ?? `c-${randomUUID().slice(0, 8)}`;
  const principal = principalOf({ kind: 'client', id, role: 'city-system', regionCode: input.regionCode });
  const { key, hash } = newApiKey(id);
  await db
    .insertInto('api_clients')
    .values({
      id,
      name: input.name,
      role: principal.role,
      region_code: principal.regionCode,
      key_hash: hash,
      revoked_at: null,
    })
    .execute();
  return { principal, key };
}

/**
 * The API client a key belongs to.
 * @throws DomainError `UNAUTHENTICATED` for a malformed, unknown or revoked key
 */
export async function authenticateApiKey(db: Db, key: string): Promise<Principal> {
  const parsed = parseApiKey(key);
  const row = parsed
    ? await db
        .selectFrom('api_clients')
        .selectAll()
        .where('id', '=', parsed.clientId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
    : undefined;
  if (!parsed || !row || !sameHash(row.key_hash, parsed.hash)) {
    throw new DomainError('UNAUTHENTICATED', 'the API key is not valid or was revoked', {
      path: ['x-api-key'],
    });
  }
  return principalOf({ kind: 'client', id: row.id, role: 'city-system', regionCode: row.region_code });
}

function principalOfRow(
  kind: 'user',
  row: { id: string; role: string; region_code: string; operator_id: string | null; grants: Grants },
): Principal {
  return principalOf({
    kind,
    id: row.id,
    role: row.role as Role,
    regionCode: row.region_code,
    ...(row.operator_id !== null && { operatorId: row.operator_id }),
    grants: row.grants,
  });
}
