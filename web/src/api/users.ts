// Staff accounts of a unit (admin).
import { api } from "../api.ts";
import type { StaffUserList } from "../types.ts";

export const users = {
  list: (unit: string, signal?: AbortSignal) => api.get<StaffUserList>("/users", { unit }, signal),
  create: (body: unknown) => api.post("/users", body),
};
