import { loadEnv } from '@shegong/service-kit';
import { z } from 'zod';

/** The registry's configuration: the one place the environment is read. */
export const RegistryEnvSchema = z.object({
  DATABASE_URL: z.string().min(1),
  /** Comma-separated; without it the outbox is not relayed. */
  KAFKA_BROKERS: z
    .string()
    .optional()
    .transform((value) =>
      value
        ?.split(',')
        .map((b) => b.trim())
        .filter(Boolean),
    ),
  /** Prepended to every topic (`shegong.stations` → `<prefix>shegong.stations`): a tenant, or a test run. */
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
  HOST: z.string().default('127.0.0.1'),
  /** 64 hex characters: the key that encrypts resident ID numbers and phones at rest. */
  REGISTRY_PII_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, { message: 'must be 64 hex characters (256 bits)' }),
});
export type RegistryEnv = z.infer<typeof RegistryEnvSchema>;

export function readRegistryEnv(source?: Record<string, string | undefined>): RegistryEnv {
  return loadEnv(RegistryEnvSchema, source);
}
