import { describe, expect, it } from 'vitest';
import { townshipKindOf } from './township-kind.ts';

describe('townshipKindOf', () => {
  it.each([
    ['经八路街道', 'jiedao'],
    ['吴家山街', 'jiedao'],
    ['马寨镇', 'zhen'],
    ['圃田乡', 'xiang'],
    ['金寨回族乡', 'xiang'],
    ['巴彦呼都尔苏木', 'sumu'],
    ['伏羲山风景区', 'other'],
    ['郑州曲梁产业集聚区', 'other'],
  ] as const)('%s is %s', (name, kind) => {
    expect(townshipKindOf(name)).toBe(kind);
  });
});
