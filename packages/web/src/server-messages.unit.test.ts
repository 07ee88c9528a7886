import { checkResidentId } from '@shegong/identifiers';
import { describe, expect, it } from 'vitest';
import { serverMessage } from './server-messages.ts';

describe('serverMessage: a server refusal in the reader’s locale', () => {
  it('keeps the services’ English for an English reader', () => {
    const error = { code: 'STATION_NOT_FOUND', message: 'no registered station "st-x"' };
    expect(serverMessage(error, 'en')).toBe('no registered station "st-x"');
  });

  it('words an ID number refusal in the Chinese its rule wrote [GB 11643-1999]', () => {
    const id = checkResidentId('110105194912310021');
    if (id.ok) throw new Error('the example should fail its check digit');
    const error = {
      code: 'REGISTRY_INPUT_INVALID',
      message: id.message,
      issue: { code: 'custom', params: { reason: id.reason, zh: id.zh } },
    };
    expect(serverMessage(error, 'zh-CN')).toBe(id.zh);
    expect(id.zh).toMatch(/^身份证号码校验位错误：最后一位应为 X/);
  });

  it('words a built-in schema issue with zod’s zh-CN locale, and a missing field as required', () => {
    const tooSmall = {
      code: 'RECORD_FIELD_INVALID',
      message: 'Too small: expected number to be >=0',
      issue: { code: 'too_small', minimum: 0, origin: 'number', inclusive: true },
    };
    expect(serverMessage(tooSmall, 'zh-CN')).toMatch(/^数值过小/);
    const kinds = { message: 'Invalid option', issue: { code: 'invalid_value', values: ['case', 'group'] } };
    expect(serverMessage(kinds, 'zh-CN')).toContain('"case"|"group"');
    const missing = {
      message: 'Invalid input: expected string, received undefined',
      issue: { code: 'invalid_type', expected: 'string' },
    };
    expect(serverMessage(missing, 'zh-CN')).toBe('必填项，不能为空');
  });

  it('falls back to the sentence for a known code, then to the server’s English', () => {
    expect(serverMessage({ code: 'PERIOD_LOCKED', message: '2026-03-05 lies in …' }, 'zh-CN')).toMatch(
      /锁定/,
    );
    expect(serverMessage({ code: 'SOMETHING_NEW', message: 'as the server says' }, 'zh-CN')).toBe(
      'as the server says',
    );
    const customWithoutZh = { message: 'not a known population code', issue: { code: 'custom' } };
    expect(serverMessage(customWithoutZh, 'zh-CN')).toBe('not a known population code');
  });
});
