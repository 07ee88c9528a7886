import { z } from 'zod';
import type { Locale } from './format.ts';

/** One refusal as the services give it: code, English wording, and what it was (`issue`) when a schema said it. */
export interface ServerError {
  code?: string;
  message: string;
  issue?: Record<string, unknown>;
}

/**
 * Chinese for the refusals the consoles' clerks meet most (imports, edits), by their stable code. The row
 * and column are shown beside the message, so the sentence says what is wrong, not where.
 */
const ZH_BY_CODE: Readonly<Record<string, string>> = {
  STATION_NOT_FOUND: '没有此社工站，或该站不在本辖区',
  STATION_UNKNOWN: '没有此社工站',
  OUT_OF_JURISDICTION: '不在本辖区内，不能写入',
  WORKER_NOT_FOUND: '没有此驻站社工，或其不在本辖区',
  WORKER_DUPLICATE: '此人已登记为另一名在岗社工（同一身份证号）',
  OPERATOR_UNKNOWN: '没有此承接主体，请先登记承接主体',
  CATALOG_NOT_FOUND: '没有此服务清单',
  CATALOG_ITEM_NOT_FOUND: '服务清单中没有此服务项目',
  CATALOG_NOT_FOR_STATION: '此服务清单不适用于该站点所在地',
  SERVICE_RECORD_DUPLICATE: '此记录编号已报送过，或在本表中重复',
  PERIOD_LOCKED: '该期报表已审核锁定，不能再写入；如需更正请审核单位解锁',
};

let zhErrorMap: z.core.$ZodErrorMap | undefined;

/**
 * A server refusal in the reader's locale. English is the services' own wording. In Chinese: a custom
 * rule's own Chinese (`issue.params.zh`, e.g. the ID number check [GB 11643-1999]); zod's zh-CN wording of a
 * built-in schema issue (a missing field, a number too small, a value not among the allowed ones); the
 * sentence for a known code; else the server's English, which is better than a vague Chinese one.
 * @example serverMessage({ code: 'RECORD_FIELD_INVALID', message: 'Too small: expected number to be >=0', issue: { code: 'too_small', minimum: 0, origin: 'number', inclusive: true } }, 'zh-CN') // '数值过小：期望 number >=0'
 */
export function serverMessage(error: ServerError, locale: Locale): string {
  if (locale === 'en') return error.message;
  const issue = error.issue;
  if (issue && typeof issue.code === 'string') {
    if (issue.code === 'custom') {
      const zh = (issue.params as { zh?: unknown } | undefined)?.zh;
      if (typeof zh === 'string' && zh !== '') return zh;
    } else if (issue.code === 'invalid_type' && /received undefined/.test(error.message)) {
      return '必填项，不能为空';
    } else if (issue.code !== 'invalid_type') {
      zhErrorMap ??= z.locales.zhCN().localeError;
      const worded = zhErrorMap(issue as unknown as Parameters<z.core.$ZodErrorMap>[0]);
      const text = typeof worded === 'string' ? worded : worded?.message;
      if (text) return text;
    }
  }
  return (error.code && ZH_BY_CODE[error.code]) || error.message;
}
