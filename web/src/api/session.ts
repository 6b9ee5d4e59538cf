// The signed-in staff member (the session is an HTTP-only cookie).
import { api } from "../api.ts";
import type { User } from "../types.ts";

export const session = {
  /** Always 200: `user` is null when signed out. */
  current: () => api.get<{ user: User | null }>("/auth/session"),
  login: (username: string, password: string) => api.post<{ user: User }>("/auth/login", { username, password }),
  logout: () => api.post<void>("/auth/logout"),
};
