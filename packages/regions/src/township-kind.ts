import type { TownshipKind } from './schema.ts';

/**
 * The kind of a township-level unit, from its official name. 民族乡 (e.g. 金寨回族乡) are 乡; 民族苏木 are
 * 苏木. Names ending otherwise (开发区, 农场, 管理区 …) are township-level units of another kind.
 */
export function townshipKindOf(name: string): TownshipKind {
  // A few rows are spelled with a bare 街 (武汉 "吴家山街"): still a subdistrict.
  if (name.endsWith('街道') || name.endsWith('街')) return 'jiedao';
  if (name.endsWith('镇')) return 'zhen';
  if (name.endsWith('乡')) return 'xiang';
  if (name.endsWith('苏木')) return 'sumu';
  return 'other';
}
