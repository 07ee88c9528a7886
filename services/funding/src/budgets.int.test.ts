import { describe, expect, it } from 'vitest';
import { budgetInput, contractInput, rejection, startFunding } from './testing/harness.ts';

describe('budgets.submit', () => {
  it('stores a budget whose personnel share is under 70% with its budget.personnel-share finding', async () => {
    await using h = await startFunding();
    // Personnel ¥156,000.00 of ¥230,000.00 = 67.83% [ZZ §6.3].
    const budget = await h.caller.budgets.submit(
      budgetInput({
        id: 'B-low',
        lines: [
          { category: 'salary', amountFen: 12_000_000 },
          { category: 'social-insurance', amountFen: 3_600_000 },
          { category: 'service-activities', amountFen: 6_900_000 },
          { category: 'evaluation-reserve', amountFen: 500_000 },
        ],
        sources: [
          { kind: 'general-budget', amountFen: 20_000_000 },
          { kind: 'superior-subsidy', amountFen: 3_000_000 },
        ],
      }),
    );
    expect(budget.findings.map((f) => f.ruleId)).toEqual(['budget.personnel-share']);
    expect(budget.findings[0]?.facts).toMatchObject({
      personnelFen: 15_600_000,
      projectFen: 23_000_000,
      floorBp: 7_000,
    });
    expect([budget.totalFen, budget.personnelFen, budget.sourcesFen]).toEqual([
      23_000_000, 15_600_000, 23_000_000,
    ]);

    const stored = await h.caller.budgets.get({ id: 'B-low' });
    expect(stored).toEqual(budget);
    const lines = await h.db
      .selectFrom('budget_lines')
      .selectAll()
      .where('budget_id', '=', 'B-low')
      .execute();
    expect(lines.map((l) => [l.position, l.category, l.amount_fen])).toEqual([
      [0, 'salary', 12_000_000],
      [1, 'social-insurance', 3_600_000],
      [2, 'service-activities', 6_900_000],
      [3, 'evaluation-reserve', 500_000],
    ]);
    const sources = await h.db
      .selectFrom('budget_sources')
      .selectAll()
      .where('budget_id', '=', 'B-low')
      .execute();
    expect(sources.map((s) => [s.kind, s.amount_fen])).toEqual([
      ['general-budget', 20_000_000],
      ['superior-subsidy', 3_000_000],
    ]);
    const findings = await h.db.selectFrom('findings').select(['subject_kind', 'rule_id']).execute();
    expect(findings).toEqual([{ subject_kind: 'budget', rule_id: 'budget.personnel-share' }]);
  });

  it('stores a budget meeting every rule with no findings, linked to its contract', async () => {
    await using h = await startFunding();
    await h.caller.contracts.sign(contractInput({ id: 'C-1' }));
    const budget = await h.caller.budgets.submit(budgetInput({ contractId: 'C-1' }));
    expect(budget.findings).toEqual([]);
    expect(budget.contractId).toBe('C-1');
    expect((await h.caller.budgets.list({ contractId: 'C-1' })).items.map((b) => b.id)).toEqual([
      'B-2024-JS-01',
    ]);
  });

  it('refuses a Wuhan budget without the urban average wage (400 naming urbanAverageWageFen) and stores it with one', async () => {
    await using h = await startFunding();
    const wuhan = budgetInput({ id: 'B-WH', countyCode: '420102', workersBudgeted: 3 });
    const r = await rejection(h.caller.budgets.submit(wuhan));
    expect([r.status, r.code, r.fields]).toEqual([400, 'BUDGET_INPUT_INVALID', ['urbanAverageWageFen']]);
    expect(await h.db.selectFrom('budgets').select('id').execute()).toEqual([]);
    expect(await h.db.selectFrom('budget_lines').select('budget_id').execute()).toEqual([]);

    // ¥180,000 of personnel for 3 workers is below 3 × ¥100,000 [WH §2.2].
    const stored = await h.caller.budgets.submit({ ...wuhan, urbanAverageWageFen: 10_000_000 });
    expect(stored.profileId).toBe('WH');
    expect(stored.urbanAverageWageFen).toBe(10_000_000);
    expect(stored.findings.map((f) => f.ruleId)).toEqual(['budget.labour-cost-floor']);
  });

  it('refuses bad input with a 400 naming the field and writes nothing', async () => {
    await using h = await startFunding();
    await h.caller.contracts.sign(contractInput({ id: 'C-PY', countyCode: '410928' }));
    const cases: Array<[Parameters<typeof budgetInput>[0], string, number]> = [
      [{ countyCode: '410100' }, 'countyCode', 400],
      [{ lines: [] }, 'lines', 400],
      [{ lines: [{ category: 'salary', amountFen: -1 }] }, 'lines[0].amountFen', 400],
      // One kind of source: its purpose is needed for the single-source rule [ZZ §6.3].
      [{ sources: [{ kind: 'general-budget', amountFen: 24_000_000 }] }, 'sources[0].purpose', 400],
      [
        {
          sources: [
            { kind: 'assistance-fund', amountFen: 1 },
            { kind: 'charity', amountFen: 1 },
          ],
        },
        'countyAssistanceFundsFen',
        400,
      ],
      [{ contractId: 'C-404' }, 'contractId', 404],
      [{ contractId: 'C-PY' }, 'contractId', 400], // a contract of 濮阳县, not 金水区
    ];
    for (const [overrides, field, status] of cases) {
      const r = await rejection(h.caller.budgets.submit(budgetInput(overrides)));
      expect([r.status, r.fields], field).toEqual([status, [field]]);
    }
    expect(await h.db.selectFrom('budgets').select('id').execute()).toEqual([]);
    expect(await h.db.selectFrom('findings').select('subject_id').execute()).toEqual([]);

    await h.caller.budgets.submit(budgetInput());
    const dup = await rejection(h.caller.budgets.submit(budgetInput()));
    expect([dup.status, dup.code]).toEqual([409, 'BUDGET_DUPLICATE']);
  });

  it('lists budgets by region containment and year, a page at a time', async () => {
    await using h = await startFunding();
    for (const [id, countyCode, year] of [
      ['B-1', '410105', 2024],
      ['B-2', '410102', 2024],
      ['B-3', '410105', 2025],
      ['B-4', '410928', 2024],
    ] as const) {
      await h.caller.budgets.submit(budgetInput({ id, countyCode, year }));
    }
    const ids = async (input: Parameters<typeof h.caller.budgets.list>[0]) =>
      (await h.caller.budgets.list(input)).items.map((b) => b.id);
    expect(await ids({ countyCode: '410100' })).toEqual(['B-1', 'B-2', 'B-3']);
    expect(await ids({ countyCode: '410100', year: 2024 })).toEqual(['B-1', 'B-2']);
    expect(await ids({ countyCode: '41' })).toEqual(['B-1', 'B-2', 'B-3', 'B-4']);
    const first = await h.caller.budgets.list({ limit: 3 });
    expect(first.items.map((b) => b.id)).toEqual(['B-1', 'B-2', 'B-3']);
    const second = await h.caller.budgets.list({ limit: 3, cursor: first.nextCursor ?? '' });
    expect([second.items.map((b) => b.id), second.nextCursor]).toEqual([['B-4'], null]);
  });
});
