import { DomainError } from '@shegong/kernel';
import type { z } from 'zod';

/**
 * Reads a deployable's configuration from environment variables, validated by its zod schema. Each
 * service and the start command call this once, in their own `env.ts`; everything else receives config.
 * @throws DomainError `CONFIG_INVALID` naming every missing or bad variable
 */
export function loadEnv<S extends z.ZodType>(
  schema: S,
  source: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`,
    );
    throw new DomainError('CONFIG_INVALID', `invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
