import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { hubErrorKind, useHub } from './hub.tsx';
import { readSession, type Session, writeSession } from './session.ts';

interface Auth {
  session: Session | null;
  /** Why the last session ended without the user signing out (`expired`), for the sign-in page to say. */
  ended: 'expired' | null;
  signIn(username: string, password: string): Promise<Session>;
  signOut(): void;
}

const AuthContext = createContext<Auth | null>(null);

/**
 * Sign-in through the gateway's `auth.signIn` (a bearer token for 8 hours), kept in sessionStorage.
 * On load a kept token is checked with `auth.me`; a 401 on it ends the session and the sign-in page says so.
 * The server decides what the token may see: nothing here filters for security.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const hub = useHub();
  const queryClient = useQueryClient();
  const [session, setSession] = useState<Session | null>(readSession);
  const [ended, setEnded] = useState<Auth['ended']>(null);

  const signOut = useCallback(() => {
    writeSession(null);
    setSession(null);
    queryClient.clear();
  }, [queryClient]);

  useEffect(() => {
    if (!session) return;
    let live = true;
    hub.auth.me.query().then(
      (principal) => {
        if (!live) return;
        const current = { ...session, principal };
        writeSession(current);
      },
      (error: unknown) => {
        if (live && hubErrorKind(error) === 'unauthenticated') {
          setEnded('expired');
          signOut();
        }
      },
    );
    return () => {
      live = false;
    };
  }, [hub, session, signOut]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const { token, expiresAt, principal } = await hub.auth.signIn.mutate({ username, password });
      const next: Session = { token, expiresAt, username, principal };
      writeSession(next);
      queryClient.clear();
      setEnded(null);
      setSession(next);
      return next;
    },
    [hub, queryClient],
  );

  const value = useMemo<Auth>(() => ({ session, ended, signIn, signOut }), [session, ended, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The session and sign-in / sign-out; inside `AuthProvider`. */
export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth needs an <AuthProvider> above it');
  return auth;
}
