import { TRPCClientError } from '@trpc/client';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, actors, PASSWORD, seed } from './fixtures.ts';
import { type Hub, startHub } from './hub.ts';

/** Signing in, tokens, the audit log, and what the AppRouter does with a path it does not have. */

let hub: Hub;
let everyone: Actor[];
beforeAll(async () => {
  hub = await startHub();
  await seed(hub);
  everyone = await actors(hub);
}, 120_000);
afterAll(async () => {
  await hub?.[Symbol.asyncDispose]();
});

const codeOf = (error: unknown) =>
  error instanceof TRPCClientError ? (error.data as { code?: string })?.code : undefined;

describe('identity', () => {
  it('signs in with the right password only, and says the same for an unknown user', async () => {
    const wrong = await hub
      .client()
      .auth.signIn.mutate({ username: 'user-0', password: 'not it at all' })
      .catch((e) => e);
    const unknown = await hub
      .client()
      .auth.signIn.mutate({ username: 'nobody', password: PASSWORD })
      .catch((e) => e);
    expect(codeOf(wrong)).toBe('UNAUTHORIZED');
    expect(codeOf(unknown)).toBe('UNAUTHORIZED');
    expect((wrong as Error).message).toBe((unknown as Error).message);
    const ok = await hub.client().auth.signIn.mutate({ username: 'user-0', password: PASSWORD });
    expect(ok.principal).toMatchObject({ kind: 'user', role: 'province', regionCode: '410000' });
    const me = await hub.client({ authorization: `Bearer ${ok.token}` }).auth.me.query();
    expect(me.id).toBe(ok.principal.id);
  });

  it('refuses calls without credentials, with a tampered token, and with a revoked or made-up key', async () => {
    expect(
      codeOf(
        await hub
          .client()
          .registry.stations.list.query({})
          .catch((e) => e),
      ),
    ).toBe('UNAUTHORIZED');
    const { token } = await hub.client().auth.signIn.mutate({ username: 'user-4', password: PASSWORD });
    const [head, body, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(body as string, 'base64url').toString());
    claims.principal.regionCode = '410000';
    claims.principal.role = 'province';
    const forged = `${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect(
      codeOf(
        await hub
          .client({ authorization: `Bearer ${forged}` })
          .auth.me.query()
          .catch((e) => e),
      ),
    ).toBe('UNAUTHORIZED');
    const madeUp = `sgk_client-8_${'A'.repeat(43)}`;
    expect(
      codeOf(
        await hub
          .client({ 'x-api-key': madeUp })
          .auth.me.query()
          .catch((e) => e),
      ),
    ).toBe('UNAUTHORIZED');
  });

  it('answers a path no service has with a 404 naming it', async () => {
    const response = await fetch(`${hub.url}/trpc/registry.stations.burn?input=${encodeURIComponent('{}')}`, {
      headers: everyone[0]?.headers,
    });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('registry.stations.burn');
  });
});

describe('audit log', () => {
  it('records writes and sign-ins with who, what, when and from where; a province reads its own', async () => {
    const county = everyone.find((a) => a.name === 'jinshui county') as Actor;
    await hub.client(county.headers).registry.supervisors.upsert.mutate({
      id: 'sv-audit',
      stationId: county.own.station,
      assignedOn: '2024-03-01',
    });
    await hub
      .client(county.headers)
      .registry.supervisors.upsert.mutate({
        id: 'sv-audit-2',
        stationId: county.other.station,
        assignedOn: '2024-03-01',
      })
      .catch(() => {});
    const henan = everyone.find((a) => a.name === 'henan province') as Actor;
    const { items } = await hub.client(henan.headers).audit.list.query({ limit: 500 });
    const mine = items.filter(
      (e) => e.actor.id === county.principal.id && e.action === 'registry.supervisors.upsert',
    );
    expect(mine.map((e) => [e.outcome, e.target.stationId])).toEqual([
      ['denied', county.other.station],
      ['ok', county.own.station],
    ]);
    expect(mine[0]).toMatchObject({ category: 'write', ip: expect.stringMatching(/127\.0\.0\.1/) });
    // Henan's province reads Henan's actors only: nobody bound to Hubei shows, nor failed sign-ins,
    // which have no region; those are in the log all the same.
    expect(items.every((e) => e.actor.regionCode.startsWith('41'))).toBe(true);
    const failed = await hub.gatewayDb
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'target'])
      .where('action', '=', 'auth.signIn')
      .where('outcome', '=', 'denied')
      .execute();
    expect(failed.map((f) => f.target.username)).toEqual(expect.arrayContaining(['user-0', 'nobody']));
    const wuhan = everyone.find((a) => a.name === 'wuhan city system') as Actor;
    expect(
      codeOf(
        await hub
          .client(wuhan.headers)
          .audit.list.query({})
          .catch((e) => e),
      ),
    ).toBe('FORBIDDEN');
  });

  it('cannot be edited, deleted or truncated, not even by the database owner', async () => {
    const before = await sql<{ n: string }>`select count(*) as n from gateway.audit_log`.execute(
      hub.gatewayDb,
    );
    await expect(sql`update gateway.audit_log set outcome = 'ok'`.execute(hub.gatewayDb)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from gateway.audit_log`.execute(hub.gatewayDb)).rejects.toThrow(/append-only/);
    await expect(sql`truncate gateway.audit_log`.execute(hub.gatewayDb)).rejects.toThrow(/append-only/);
    const after = await sql<{ n: string }>`select count(*) as n from gateway.audit_log`.execute(
      hub.gatewayDb,
    );
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });
});
