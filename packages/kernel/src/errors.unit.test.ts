import { describe, expect, it } from 'vitest';
import { DomainError, formatPath } from './errors.ts';

describe('DomainError', () => {
  it('carries code, path and details, and serialises them', () => {
    const error = new DomainError('X_BAD', 'bad x', { path: ['items', 2, 'x'], details: { x: 1 } });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      code: 'X_BAD',
      message: 'bad x',
      path: ['items', 2, 'x'],
      details: { x: 1 },
    });
  });
});

describe('formatPath', () => {
  it('reads like code', () => {
    expect(formatPath(['domains', 0, 'items', 3, 'canonical'])).toBe('domains[0].items[3].canonical');
    expect(formatPath([])).toBe('');
    expect(formatPath([0, 'name'])).toBe('[0].name');
  });
});
