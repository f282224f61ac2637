/**
 * The signed-in user: loaded from GET /api/auth/me, set by sign-in, cleared by sign-out or when the API
 * says the session is gone (then `expired` is set so the sign-in page can say why).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setCsrfToken, setUnauthorizedHandler } from '../api/client.ts';
import { authApi, type Ability, type Me } from './auth.api.ts';
import { setCountyTimeZone } from '../app/today.ts';

export type SessionStatus = 'loading' | 'signed-out' | 'signed-in' | 'error';

export interface Session {
  status: SessionStatus;
  me: Me | null;
  /** The last session ended by expiry rather than by signing out. */
  expired: boolean;
  loadError: unknown;
  can: (ability: Ability | undefined) => boolean;
  /** Signs in with a password; an account that needs a second factor gets ApiError second_factor_required. */
  login: (username: string, password: string) => Promise<Me>;
  /** Takes the user signed in by another route (the second sign-in step) or changed (a new password). */
  adopt: (me: Me) => void;
  logout: () => Promise<void>;
  reload: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [expired, setExpired] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  const signedIn = useCallback((m: Me) => {
    setCsrfToken(m.csrfToken);
    setCountyTimeZone(m.timeZone);
    setMe(m);
    setExpired(false);
    setStatus('signed-in');
  }, []);

  useEffect(() => {
    let live = true;
    authApi.me().then(
      (m) => live && signedIn(m),
      (e: unknown) => {
        if (!live) return;
        const status = (e as { status?: number }).status;
        if (status === 401) setStatus('signed-out');
        else {
          setLoadError(e);
          setStatus('error');
        }
      },
    );
    return () => {
      live = false;
    };
  }, [attempt, signedIn]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setMe(null);
      setExpired(true);
      setStatus('signed-out');
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const value = useMemo<Session>(
    () => ({
      status,
      me,
      expired,
      loadError,
      can: (a) => a === undefined || !!me?.abilities[a],
      login: async (username, password) => {
        const m = await authApi.login(username, password);
        signedIn(m);
        return m;
      },
      adopt: signedIn,
      logout: async () => {
        try {
          await authApi.logout();
        } finally {
          setCsrfToken(null);
          setMe(null);
          setExpired(false);
          setStatus('signed-out');
        }
      },
      reload: () => {
        setStatus('loading');
        setAttempt((n) => n + 1);
      },
    }),
    [status, me, expired, loadError, signedIn],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
