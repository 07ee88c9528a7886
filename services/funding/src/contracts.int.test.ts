import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from './db/migrations/index.ts';
import { SCHEMA } from './service.ts';
import { contractInput, rejection, startFunding } from './testing/harness.ts';

describe('funding migrations', () => {
  it('create the schema on a fresh database, and a second run applies nothing', async () => {
    await using h = await startFunding();
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = ${SCHEMA} order by table_name`.execute(
      h.db,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual([
      'budget_lines',
      'budget_sources',
      'budgets',
      'contract_evaluations',
      'contract_yearly_terms',
      'contracts',
      'dead_letters',
      'findings',
      'inbox',
      'kysely_migration',
      'kysely_migration_lock',
      'operator_eligibility',
      'outbox',
      'payment_requests',
      'payment_vouchers',
    ]);
    const applied = await h.db
      .selectFrom(sql`${sql.table(`${SCHEMA}.kysely_migration`)}`.as('m'))
      .select(sql<string>`name`.as('name'))
      .execute();
    expect(applied.map((r) => r.name)).toEqual(Object.keys(migrations));
    expect(await h.service.migrate()).toEqual([]);
  });
});

describe('contracts.sign', () => {
  it('stores a contract signed 31 days after the award notice with its signing-deadline finding and its event, in one transaction', async () => {
    await using h = await startFunding();
    const contract = await h.caller.contracts.sign(
      contractInput({ id: 'C-late', awardNoticeDate: '2024-03-01', signedOn: '2024-04-01' }),
    );
    expect(contract.findings.map((f) => f.ruleId)).toEqual(['contract.signing-deadline']);
    expect(contract.findings[0]).toMatchObject({
      severity: 'error',
      citation: 'ZZ §5.3',
      facts: { daysAfterNotice: 31, deadline: '2024-03-31' },
    });
    expect(contract.profileId).toBe('ZZ');

    const stored = await h.caller.contracts.get({ id: 'C-late' });
    expect(stored).toEqual(contract);
    const findingRows = await h.db
      .selectFrom('findings')
      .selectAll()
      .where('subject_id', '=', 'C-late')
      .execute();
    expect(findingRows.map((r) => [r.subject_kind, r.rule_id, r.severity])).toEqual([
      ['contract', 'contract.signing-deadline', 'error'],
    ]);

    const outbox = await h.db
      .selectFrom('outbox')
      .select(['type', 'key', 'topic', 'payload', 'created_at'])
      .where('key', '=', 'contract:C-late')
      .execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ type: 'contract.signed.v1', topic: 'shegong.funding' });
    // now() is the transaction's start time: equal timestamps mean the contract and its event were
    // written by the same transaction.
    const row = await h.db
      .selectFrom('contracts')
      .select('created_at')
      .where('id', '=', 'C-late')
      .executeTakeFirstOrThrow();
    expect(outbox[0]?.created_at.getTime()).toBe(row.created_at.getTime());

    await h.service.drain();
    expect(h.published).toHaveLength(1);
    expect(h.published[0]).toMatchObject({
      type: 'contract.signed.v1',
      source: 'funding',
      key: 'contract:C-late',
      data: {
        contractId: 'C-late',
        countyCode: '410105',
        operatorId: 'op-jinshui-1',
        stationIds: ['410105001', '410105002'],
        signedOn: '2024-04-01',
        termStart: '2024-04-01',
        termEnd: '2027-03-31',
        amountFen: 60_000_000,
      },
    });
  });

  it('signs an on-time contract with no findings and normalises the county spelling', async () => {
    await using h = await startFunding();
    const contract = await h.caller.contracts.sign(contractInput({ countyCode: '410105000000' }));
    expect(contract.countyCode).toBe('410105');
    expect(contract.findings).toEqual([]);
  });

  it('refuses a bad county code or a contract that fails the schema with a 400 naming the field, writing nothing', async () => {
    await using h = await startFunding();
    const cases: Array<[Parameters<typeof contractInput>[0], string]> = [
      [{ countyCode: '410100' }, 'countyCode'], // 郑州市 is a city, not a county
      [{ countyCode: '410199' }, 'countyCode'], // no such region
      [{ countyCode: '110101' }, 'countyCode'], // a county no budget profile governs
      [{ operatorId: '' }, 'operatorId'],
      [{ amountFen: 1.5 }, 'amountFen'],
      [{ signedOn: '2024-02-01' }, 'signedOn'], // before the award notice
      [{ termEnd: '2024-03-31' }, 'termEnd'], // before the term starts
      [{ yearlyTerms: [{ year: 4, signedOn: '2024-03-20' }] }, 'yearlyTerms[0].year'],
      [{ stationIds: ['410105001', '410105001'] }, 'stationIds'],
    ];
    for (const [overrides, field] of cases) {
      const r = await rejection(h.caller.contracts.sign(contractInput(overrides)));
      expect(r.status, field).toBe(400);
      expect(r.fields, field).toContain(field);
    }
    const { count: contracts } = await h.db
      .selectFrom('contracts')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    const { count: events } = await h.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect([Number(contracts), Number(events)]).toEqual([0, 0]);
  });

  it('refuses a second contract with the same id (409) and keeps the first and its one event', async () => {
    await using h = await startFunding();
    await h.caller.contracts.sign(contractInput());
    const r = await rejection(h.caller.contracts.sign(contractInput({ amountFen: 1 })));
    expect([r.status, r.code]).toEqual([409, 'CONTRACT_DUPLICATE']);
    expect((await h.caller.contracts.get({ id: 'C-2024-JS-01' })).amountFen).toBe(60_000_000);
    const events = await h.db.selectFrom('outbox').select('id').execute();
    expect(events).toHaveLength(1);
  });

  it('answers over HTTP with the status and the field of the problem', async () => {
    await using h = await startFunding();
    const { listen } = await import('@shegong/service-kit');
    const { server, url } = await listen(h.service.app, 0);
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${url}/trpc/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const bad = await post('contracts.sign', contractInput({ countyCode: '410100' }));
      expect(bad.status).toBe(400);
      const badBody = (await bad.json()) as { error: { data: { issues: Array<{ path: string[] }> } } };
      expect(badBody.error.data.issues.map((i) => i.path.join('.'))).toContain('countyCode');

      expect((await post('contracts.sign', contractInput())).status).toBe(200);
      const dup = await post('contracts.sign', contractInput());
      expect(dup.status).toBe(409);
      const dupBody = (await dup.json()) as { error: { data: { domain: { code: string; path: string[] } } } };
      expect(dupBody.error.data.domain).toMatchObject({ code: 'CONTRACT_DUPLICATE', path: ['id'] });

      const health = await fetch(`${url}/health`);
      expect(await health.json()).toMatchObject({ service: 'funding', ok: true });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('contracts.addYearlyTerm / contracts.addEvaluation', () => {
  it('record the yearly agreements and evaluations and re-evaluate as of their dates', async () => {
    await using h = await startFunding();
    await h.caller.contracts.sign(contractInput({ id: 'C-1' }));

    let c = await h.caller.contracts.addEvaluation({
      contractId: 'C-1',
      date: '2024-10-01',
      kind: 'mid-term',
    });
    expect([c.evaluatedAsOf, c.findings]).toEqual(['2024-10-01', []]);

    // As of 2025-04-15 year 1 (2024-04-01 … 2025-03-31) is over with one evaluation of the two [ZZ §5.3].
    c = await h.caller.contracts.addYearlyTerm({ contractId: 'C-1', year: 2, signedOn: '2025-04-15' });
    expect(c.yearlyTerms).toEqual([
      { year: 1, signedOn: '2024-03-20' },
      { year: 2, signedOn: '2025-04-15' },
    ]);
    expect(c.findings.map((f) => [f.ruleId, f.facts.year])).toEqual([['contract.evaluations', 1]]);

    c = await h.caller.contracts.addEvaluation({ contractId: 'C-1', date: '2025-03-25', kind: 'final' });
    expect(c.evaluations.map((e) => e.kind)).toEqual(['mid-term', 'final']);
    expect(c.evaluatedAsOf).toBe('2025-03-25');

    // As of 2026-05-01: year 2 is over with no evaluation and year 3 has no agreement.
    c = await h.caller.contracts.addEvaluation({ contractId: 'C-1', date: '2026-05-01', kind: 'spot-check' });
    expect(c.findings.map((f) => [f.ruleId, f.facts.year])).toEqual([
      ['contract.evaluations', 2],
      ['contract.yearly-signing', 3],
    ]);
    expect(await h.caller.contracts.get({ id: 'C-1' })).toEqual(c);
  });

  it('refuse a year outside the cycle (400), a year twice (409), an unknown contract (404)', async () => {
    await using h = await startFunding();
    await h.caller.contracts.sign(contractInput({ id: 'C-1' }));
    const outside = await rejection(
      h.caller.contracts.addYearlyTerm({ contractId: 'C-1', year: 4, signedOn: '2027-04-01' }),
    );
    expect([outside.status, outside.fields]).toEqual([400, ['year']]);
    const twice = await rejection(
      h.caller.contracts.addYearlyTerm({ contractId: 'C-1', year: 1, signedOn: '2024-03-21' }),
    );
    expect([twice.status, twice.code]).toEqual([409, 'CONTRACT_YEARLY_TERM_DUPLICATE']);
    const early = await rejection(
      h.caller.contracts.addEvaluation({ contractId: 'C-1', date: '2024-01-01', kind: 'annual' }),
    );
    expect([early.status, early.fields]).toEqual([400, ['date']]);
    const missing = await rejection(
      h.caller.contracts.addEvaluation({ contractId: 'C-404', date: '2025-01-01', kind: 'annual' }),
    );
    expect([missing.status, missing.code, missing.fields]).toEqual([
      404,
      'CONTRACT_NOT_FOUND',
      ['contractId'],
    ]);
    expect((await h.caller.contracts.get({ id: 'C-1' })).evaluations).toEqual([]);
  });
});

describe('contracts.list', () => {
  it('pages through every contract exactly once, and a city code lists its counties’ contracts', async () => {
    await using h = await startFunding();
    const counties = ['410105', '410102', '410928', '420102']; // 金水区, 中原区 (郑州), 濮阳县, 江岸区 (武汉)
    const all: string[] = [];
    for (let i = 0; i < 23; i++) {
      const id = `C-${String(i).padStart(2, '0')}-${counties[i % counties.length]}`;
      all.push(id);
      await h.caller.contracts.sign(
        contractInput({ id, countyCode: counties[i % counties.length] as string }),
      );
    }

    const collect = async (countyCode?: string) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await h.caller.contracts.list({
          limit: 5,
          ...(countyCode ? { countyCode } : {}),
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor ?? undefined;
        pages++;
        // A contract signed between pages lands after the cursor or before it, never twice.
        if (pages === 2 && countyCode === undefined) {
          await h.caller.contracts.sign(contractInput({ id: 'C-99-late', countyCode: '410105' }));
          all.push('C-99-late');
        }
      } while (cursor !== undefined);
      return seen;
    };

    const everything = await collect();
    expect(everything).toEqual([...all].sort());
    expect(new Set(everything).size).toBe(everything.length);

    const zhengzhou = await collect('410100');
    expect(zhengzhou).toEqual(
      all.filter((id) => id.endsWith('410105') || id.endsWith('410102') || id === 'C-99-late').sort(),
    );
    expect(await collect('410105')).toEqual(
      all.filter((id) => id.endsWith('410105') || id === 'C-99-late').sort(),
    );
    expect(await collect('410000')).toHaveLength(all.filter((id) => !id.endsWith('420102')).length);

    const bad = await rejection(h.caller.contracts.list({ countyCode: '410105001' }));
    expect([bad.status, bad.fields]).toEqual([400, ['countyCode']]);
    const forged = await rejection(h.caller.contracts.list({ cursor: 'xyz' }));
    expect([forged.status, forged.fields]).toEqual([400, ['cursor']]);
  });
});
