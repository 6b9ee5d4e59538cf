// Staff accounts of a unit (admin).
import { api } from "../api.ts";

export interface StaffUser {
  id: number;
  username: string;
  fullName: string;
  unitCode: string | null;
  active: boolean;
  grants: { role: string; unitCode: string }[];
}

export const users = {
  list: (unit: string, signal?: AbortSignal) => api.get<{ users: StaffUser[] }>("/users", { unit }, signal),
  create: (body: unknown) => api.post("/users", body),
};
