import { loadEnv } from '@shegong/service-kit';
import { z } from 'zod';

/** The gateway's configuration: the one place `process.env` is read. */
export const GatewayEnvSchema = z.object({
  /** Where the gateway keeps users, API clients and the audit log (schema `gateway`). */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// connection string'),
  REGISTRY_URL: z.url().default('http://127.0.0.1:3001'),
  FUNDING_URL: z.url().default('http://127.0.0.1:3002'),
  REPORTING_URL: z.url().default('http://127.0.0.1:3003'),
  /** At least 32 characters: signs the bearer tokens. */
  GATEWAY_TOKEN_SECRET: z.string().min(32, 'at least 32 characters'),
  /** Requests per minute per caller (API key, token or address) on /trpc and /api. */
  GATEWAY_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('127.0.0.1'),
});
export type GatewayEnv = z.infer<typeof GatewayEnvSchema>;

export function readGatewayEnv(source: Record<string, string | undefined> = process.env): GatewayEnv {
  return loadEnv(GatewayEnvSchema, source);
}
