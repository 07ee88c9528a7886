import { describe, expect, it } from 'vitest';
import { canonicalTaxonomy, findCanonicalItem, findPopulation, listPopulations } from './reference-data.ts';

describe('canonical taxonomy', () => {
  it('has unique item ids whose prefix is their domain', () => {
    const taxonomy = canonicalTaxonomy();
    const ids = taxonomy.domains.flatMap((d) => d.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const domain of taxonomy.domains) {
      for (const item of domain.items) expect(item.id.startsWith(`${domain.prefix}.`)).toBe(true);
    }
  });
  it('finds an item with its domain', () => {
    expect(findCanonicalItem('cw.protection')).toMatchObject({ domain: { id: 'child-welfare' } });
    expect(findCanonicalItem('cw.nope')).toBeUndefined();
  });
});

describe('target populations', () => {
  it('has the groups the documents name, with Chinese and English labels', () => {
    const zh = listPopulations().map((p) => p.label.zh);
    for (const name of [
      '最低生活保障对象',
      '特困人员',
      '临时救助对象',
      '孤儿',
      '事实无人抚养儿童',
      '农村留守儿童',
      '留守老人',
      '留守妇女',
      '困境儿童',
      '残疾人',
      '独居老人',
      '空巢老人',
      '失能老人',
      '高龄老人',
    ]) {
      expect(zh).toContain(name);
    }
    expect(findPopulation('dibao')?.label.en).toMatch(/dibao/);
  });
  it('has unique codes', () => {
    const codes = listPopulations().map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
