// Test set-up shared by the CCHC index route tests: an app with reform officers logged in (name → unit) and a
// call as one of them; and P1's 2022 index year on the default set with the deadlines a test needs.
import { saveIndexYear } from "../../db/repos/reform-index/sets.ts";
import { NO_DEADLINES, type PhaseDeadlines } from "../../reform/index/phases.ts";
import { startTestApp, type TestApp } from "../testing.ts";

type Method = "GET" | "PUT" | "POST";
export type Call = (who: string, method: Method, url: string, payload?: object) => ReturnType<TestApp["request"]>;

/** Starts the app and logs in one reform officer per [name, unit]. */
export async function startIndexApp(
  now: () => Date,
  officers: readonly (readonly [string, string])[],
): Promise<{ t: TestApp; call: Call }> {
  const t = await startTestApp({ now });
  const cookies: Record<string, string> = {};
  for (const [name, unit] of officers) {
    await t.addStaff(name, unit, ["reform_officer"]);
    cookies[name] = await t.login(name);
  }
  const call: Call = (who, method, url, payload) =>
    t.request({ method, url, cookie: cookies[who], ...(payload ? { payload } : {}) });
  return { t, call };
}

/** P1's 2022 index year on xa-default v1: the deadlines given, the others none, not locked. */
export async function openIndexYear(t: TestApp, deadlines: Partial<PhaseDeadlines>, now: Date): Promise<void> {
  await saveIndexYear(
    t.database.db,
    {
      provinceCode: "P1",
      year: 2022,
      setId: "xa-default",
      setVersion: 1,
      ...NO_DEADLINES,
      ...deadlines,
    },
    { userId: null, now },
  );
}
