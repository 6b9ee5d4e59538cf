// Files stored for a unit (evidence, results, supplements): uploaded as base64 JSON, referred to by id.
import { api } from "../api.ts";

export const files = {
  upload: (
    body: { unitCode: string; name: string; contentType?: string; dataBase64: string } & Record<string, unknown>,
  ) => api.post<{ id: string }>("/files", body),
};
