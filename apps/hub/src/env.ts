import { loadEnv } from '@shegong/service-kit';
import { z } from 'zod';

/** The only place the hub's start reads `process.env`. */
const HubEnvSchema = z.object({
  /** Use this Postgres instead of the embedded one. */
  DATABASE_URL: z.string().url().optional(),
  /** Use this Kafka instead of in-process delivery; each service then runs as its own process. */
  KAFKA_BROKERS: z.string().min(1).optional(),
  /** Prepended to every topic name on that Kafka (a tenant on a shared cluster, a test run). */
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  /** The gateway's port; registry, funding and reporting listen on the three after it. */
  HUB_PORT: z.coerce.number().int().min(1).max(65_000).default(4100),
  /** Where the embedded Postgres keeps its data between runs. */
  HUB_DATA_DIR: z.string().min(1).default('.cache/hub'),
  /** 64 hex characters; generated and kept in the data folder when not given. */
  REGISTRY_PII_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i)
    .optional(),
  /** ≥ 32 characters; signs the gateway's tokens. Generated and kept in the data folder when not given. */
  GATEWAY_TOKEN_SECRET: z.string().min(32).optional(),
  /** Requests per minute per caller at the gateway (default 600; the load benchmark raises it). */
  GATEWAY_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  /** `0` skips loading the demo data. */
  HUB_DEMO: z.enum(['0', '1']).default('1'),
});
export type HubEnv = z.infer<typeof HubEnvSchema>;

export function readHubEnv(source: Record<string, string | undefined> = process.env): HubEnv {
  return loadEnv(HubEnvSchema, source);
}
