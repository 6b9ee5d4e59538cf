// The signed-in staff member (GET /api/auth/session), shared by the staff console. The session is an HTTP-only
// cookie: the browser holds it, the app only asks who it belongs to.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ApiProblem } from "./api.ts";
import type { Role, User } from "./types.ts";
import { session } from "./api/session.ts";

interface AuthState {
  user: User | null;
  loading: boolean;
  refresh(): Promise<User | null>;
  login(username: string, password: string): Promise<User>;
  logout(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      // always 200 (user: null when signed out): an anonymous page logs no 401 in the console
      const { user } = await session.current();
      setUser(user);
      return user;
    } catch (error) {
      if (!(error instanceof ApiProblem) || error.status !== 401) console.warn(error);
      setUser(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo<AuthState>(
    () => ({
      user,
      loading,
      refresh,
      async login(username, password) {
        await session.login(username, password);
        // the session carries the grants with unit names: one source for the signed-in user.
        const me = await refresh();
        if (!me) throw new ApiProblem(401, "unauthenticated", "Chưa đăng nhập", undefined);
        return me;
      },
      async logout() {
        await session.logout().catch(() => undefined);
        setUser(null);
      },
      hasRole(...roles) {
        if (!user) return false;
        if (user.isSuperuser) return true;
        return user.grants.some((g) => roles.includes(g.role));
      },
    }),
    [user, loading, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error("useAuth outside AuthProvider");
  return ctx;
}

/** The units where the user holds one of the roles (for unit pickers). */
export function unitsFor(user: User | null, ...roles: Role[]): { code: string; name: string }[] {
  if (!user) return [];
  const seen = new Map<string, string>();
  for (const g of user.grants) if (roles.includes(g.role)) seen.set(g.unitCode, g.unitName ?? g.unitCode);
  return [...seen].map(([code, name]) => ({ code, name }));
}
