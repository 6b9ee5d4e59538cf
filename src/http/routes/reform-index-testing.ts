// Test set-up shared by the CCHC index route tests: an app with reform officers logged in (name → unit) and a
// call as one of them, started and closed around the file's tests; and P1's 2022 index year on the default set with the deadlines a test needs.
import { after, before } from "node:test";
import { saveIndexYear } from "../../db/repos/reform-index/sets.ts";
import { NO_DEADLINES, type PhaseDeadlines } from "../../reform/index/phases.ts";
import { startTestApp, type TestApp } from "../testing.ts";

type Method = "GET" | "PUT" | "POST";
export type Call = (who: string, method: Method, url: string, payload?: object) => ReturnType<TestApp["request"]>;

/**
 * The test file's app (started before its tests, closed after): one reform officer logged in per [name, unit],
 * then `setup`; `call` as one of them, `app()` for the app itself.
 */
export function indexApp(
  now: () => Date,
  officers: readonly (readonly [string, string])[],
  setup?: (t: TestApp) => Promise<void>,
): { call: Call; app: () => TestApp } {
  let t: TestApp | undefined;
  const cookies: Record<string, string> = {};
  const app = () => {
    if (!t) throw new Error("the index app is not started (use it inside a test)");
    return t;
  };
  before(async () => {
    t = await startTestApp({ now });
    for (const [name, unit] of officers) {
      await t.addStaff(name, unit, ["reform_officer"]);
      cookies[name] = await t.login(name);
    }
    await setup?.(t);
  });
  after(async () => t?.close());
  const call: Call = (who, method, url, payload) =>
    app().request({ method, url, cookie: cookies[who], ...(payload ? { payload } : {}) });
  return { call, app };
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
