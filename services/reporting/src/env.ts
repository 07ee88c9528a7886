import { loadEnv } from '@shegong/service-kit';
import { z } from 'zod';

/** The reporting service's configuration: the one place `process.env` is read. */
export const ReportingEnvSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// connection string'),
  /** Comma-separated `host:port`; without it the service consumes no events and publishes nothing. */
  KAFKA_BROKERS: z.string().optional(),
  /** Prepended to every topic name (a tenant on a shared cluster, a test run). */
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3003),
  HOST: z.string().default('127.0.0.1'),
});
export type ReportingEnv = z.infer<typeof ReportingEnvSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): ReportingEnv {
  return loadEnv(ReportingEnvSchema, source);
}
