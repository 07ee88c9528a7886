import type { AppRouter } from '@shegong/sdk';
import {
  QueryClient,
  QueryClientProvider,
  type UseQueryOptions,
  type UseQueryResult,
  useQuery,
} from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, type TRPCClient, TRPCClientError } from '@trpc/client';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { readSession } from './session.ts';

/** The gateway's tRPC client, typed by its `AppRouter`: `auth`, `audit`, `registry`, `funding`, `reporting`. */
export type HubClient = TRPCClient<AppRouter>;

const HubContext = createContext<{ client: HubClient; queryClient: QueryClient } | null>(null);

/**
 * What a failed call means to the person in front of the screen. The gateway answers a thing outside the
 * jurisdiction exactly like one that does not exist (404), and a region outside with 403.
 */
export type HubErrorKind = 'not-found' | 'forbidden' | 'unauthenticated' | 'invalid' | 'unavailable';

/** @example hubErrorKind(error) // 'not-found' for a station of another county */
export function hubErrorKind(error: unknown): HubErrorKind {
  if (!(error instanceof TRPCClientError)) return 'unavailable';
  const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
  if (status === 404) return 'not-found';
  if (status === 403) return 'forbidden';
  if (status === 401) return 'unauthenticated';
  if (status !== undefined && status >= 400 && status < 500) return 'invalid';
  return 'unavailable';
}

/**
 * The tRPC client of the gateway and TanStack Query's cache for the tree below. Calls go to `${baseUrl}/trpc`
 * (same origin by default: the app server proxies it), batched, with the signed-in token read on every call.
 * Refusals (4xx) are not retried: asking again gets the same answer.
 */
export function HubProvider({ baseUrl = '', children }: { baseUrl?: string; children: ReactNode }) {
  const [value] = useState(() => ({
    client: createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: `${baseUrl.replace(/\/+$/, '')}/trpc`,
          // Queries as POST: a page's region names or station ids can outgrow a URL.
          methodOverride: 'POST',
          headers: (): Record<string, string> => {
            const token = readSession()?.token;
            return token ? { authorization: `Bearer ${token}` } : {};
          },
        }),
      ],
    }),
    queryClient: new QueryClient({
      defaultOptions: {
        queries: {
          staleTime: 30_000,
          refetchOnWindowFocus: false,
          retry: (failures, error) => hubErrorKind(error) === 'unavailable' && failures < 2,
        },
      },
    }),
  }));
  return (
    <HubContext.Provider value={value}>
      <QueryClientProvider client={value.queryClient}>{children}</QueryClientProvider>
    </HubContext.Provider>
  );
}

/** The typed gateway client; inside `HubProvider`. */
export function useHub(): HubClient {
  const hub = useContext(HubContext);
  if (!hub) throw new Error('useHub needs a <HubProvider> above it');
  return hub.client;
}

/**
 * A cached query of the gateway: the key names the procedure and its input, `call` makes it with the
 * typed client, so the data is typed as the service returns it.
 * @example
 * const stations = useHubQuery(['registry.stations.list', input], (hub) => hub.registry.stations.list.query(input));
 */
export function useHubQuery<T>(
  key: readonly unknown[],
  call: (hub: HubClient) => Promise<T>,
  options: Omit<UseQueryOptions<T, Error>, 'queryKey' | 'queryFn'> = {},
): UseQueryResult<T, Error> {
  const hub = useHub();
  return useQuery<T, Error>({ queryKey: key, queryFn: () => call(hub), ...options });
}
