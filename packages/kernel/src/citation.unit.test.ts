import { describe, expect, it } from 'vitest';
import { CitationSchema, parseCitation } from './citation.ts';

describe('CitationSchema', () => {
  it.each([
    'ZZ §4.4',
    'WH annex',
    'PY annex 2',
    'HB item 9',
    'ZZ §5.3, PY §5.3, WH §3.4',
    'ZZ §6.5, §6.3',
    'CIVIL art. 1259',
    'SWREG',
    'SWCE, ZT §7',
  ])('accepts %j', (citation) => {
    expect(CitationSchema.safeParse(citation).success).toBe(true);
  });
  it.each(['', 'ZZ', 'zz §4.4', 'XX §1', 'ZZ 4.4', 'ZZ §4.4,PY §5', '[ZZ §4.4]', 'NATIONAL §1'])(
    'rejects %j',
    (citation) => {
      expect(CitationSchema.safeParse(citation).success).toBe(false);
    },
  );
});

describe('parseCitation', () => {
  it('splits clauses and carries the document forward', () => {
    expect(parseCitation('ZZ §6.5, PY §6.4, §6.3')).toEqual([
      { document: 'ZZ', clause: '§6.5' },
      { document: 'PY', clause: '§6.4' },
      { document: 'PY', clause: '§6.3' },
    ]);
    expect(parseCitation('PY annex 2')).toEqual([{ document: 'PY', clause: 'annex 2' }]);
    expect(parseCitation('SWREG')).toEqual([{ document: 'SWREG', clause: '' }]);
  });
});
