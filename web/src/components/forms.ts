import type { FormInstance } from "antd";
import { ApiProblem, errorMessage } from "../api.ts";

/**
 * Puts the server's invalidParams next to their fields and returns the message for the whole form.
 * Params that name no field of this form stay in the returned message.
 */
// biome-ignore lint/suspicious/noExplicitAny: any form's values
export function showProblem(form: FormInstance<any> | undefined, error: unknown): string {
  if (!(error instanceof ApiProblem) || !form) return errorMessage(error);
  const fields = error.fieldErrors();
  const known = fields.filter(
    (f) => form.getFieldInstance(f.name as never) !== undefined || isRegistered(form, f.name),
  );
  // biome-ignore lint/suspicious/noExplicitAny: FieldData of any form
  form.setFields(known as any);
  const rest = error.invalidParams.filter((_p, i) => !known.includes(fields[i] as (typeof fields)[number]));
  return [error.userMessage, ...rest.map((p) => `${p.name}: ${p.reason}`)]
    .filter((s, i, a) => a.indexOf(s) === i)
    .join(" — ");
}

// biome-ignore lint/suspicious/noExplicitAny: any form's values
function isRegistered(form: FormInstance<any>, name: (string | number)[]): boolean {
  return hasPath(form.getFieldsValue(true), name);
}

function hasPath(obj: unknown, path: (string | number)[]): boolean {
  let cur: unknown = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== "object" || !(k in (cur as object))) return false;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return true;
}
