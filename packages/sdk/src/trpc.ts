import type { AppRouter } from '@shegong/gateway-service';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';

/**
 * A typed tRPC client of the gateway's `AppRouter`, as the province, city and county front ends use it:
 * `auth`, `audit`, and the registry's, funding's and reporting's procedures, batched over one HTTP call.
 * @example
 * const { token } = await createHubTrpcClient('http://127.0.0.1:4100').auth.signIn.mutate({ username, password });
 * const trpc = createHubTrpcClient('http://127.0.0.1:4100', { token });
 * await trpc.reporting.compliance.summary.query({ regionCode: '410100' });
 */
export function createHubTrpcClient(
  baseUrl: string,
  credentials?: { token: string } | { apiKey: string },
): TRPCClient<AppRouter> {
  const headers: Record<string, string> = {};
  if (credentials && 'token' in credentials) headers.authorization = `Bearer ${credentials.token}`;
  if (credentials && 'apiKey' in credentials) headers['x-api-key'] = credentials.apiKey;
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${baseUrl.replace(/\/+$/, '')}/trpc`, headers })],
  });
}

export type { AppRouter };
