import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueFacts } from './issue.ts';

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('the example should be refused');
  return parsed.error.issues;
};

describe('issueFacts: what a refusal was, without its wording or what was sent', () => {
  it('keeps the code and parameters, leaves out message, path and input', () => {
    const [issue] = issuesOf(z.object({ hours: z.number().min(0) }), { hours: -1 });
    expect(issueFacts(issue as z.core.$ZodIssue)).toEqual({
      code: 'too_small',
      origin: 'number',
      minimum: 0,
      inclusive: true,
    });
  });

  it('strips the issues nested in a union’s branches too, and never echoes a value or an unknown key', () => {
    const secret = '410105199003150026';
    const schema = z.union([z.object({ a: z.literal('x') }), z.strictObject({ b: z.number() })]);
    const [issue] = issuesOf(schema, { a: secret, [secret]: 1 });
    const facts = issueFacts(issue as z.core.$ZodIssue);
    expect(facts.code).toBe('invalid_union');
    expect(Array.isArray(facts.errors)).toBe(true);
    const text = JSON.stringify(facts);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('"message"');
  });
});
