// Files stored for a unit (evidence, results, supplements): uploaded as base64 JSON, referred to by id.
import { api } from "../api.ts";

export const files = {
  /** `unitCode`: the unit the file belongs to (the server refuses a file without one). */
  upload: (body: { unitCode: string | undefined; name: string; contentType?: string; dataBase64: string }) =>
    api.post<{ id: string }>("/files", body),
};
