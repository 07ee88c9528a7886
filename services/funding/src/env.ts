import { loadEnv } from '@shegong/service-kit';
import { z } from 'zod';

/** The funding service's configuration: the one place `process.env` is read. */
export const FundingEnvSchema = z.object({
  DATABASE_URL: z.url(),
  /** Comma-separated `host:port` list; without it, events wait in the outbox. */
  KAFKA_BROKERS: z
    .string()
    .optional()
    .transform((value) =>
      value === undefined || value.trim() === ''
        ? undefined
        : value
            .split(',')
            .map((b) => b.trim())
            .filter((b) => b !== ''),
    ),
  /** Prepended to every topic (`shegong.funding` → `<prefix>shegong.funding`): a tenant, or a test run. */
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3002),
  /** The address to listen on: loopback unless told otherwise (a container sets 0.0.0.0). */
  HOST: z.string().default('127.0.0.1'),
});
export type FundingEnv = z.infer<typeof FundingEnvSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): FundingEnv {
  return loadEnv(FundingEnvSchema, source);
}
