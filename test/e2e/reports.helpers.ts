// Shared by the report journeys (reports-results.e2e.test.ts, reports-rates.e2e.test.ts): the demo province as
// Huế's reform officer, the API's JSON read with the page's own session, and the way the pages write figures.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { demoSuite, openAs, type Server } from "./harness.ts";

export { DEMO_PROVINCE as PROVINCE, DEMO_WARD as UNIT } from "./harness.ts";
export const YEAR = { from: "2026-01-01", to: "2026-12-31" }; // "Năm 2026", the default period on 18 March 2026

/** A count as the pages print it (vi-VN grouping). */
export const count = (n: number) => n.toLocaleString("vi-VN");
/** A rate as the pages print it: a percentage with up to two decimals, "—" when it has no denominator. */
export const percent = (r: { value: number | null }) =>
  r.value === null ? "—" : `${(r.value * 100).toLocaleString("vi-VN", { maximumFractionDigits: 2 })}%`;
export const qs = (q: Record<string, string>) => new URLSearchParams(q).toString();

export interface ReportsPage {
  readonly server: Server;
  /** hue.cchc (report.read and report.submit at the province), signed in, the clock on the demo's morning. */
  readonly page: Page;
  /** The API's JSON for a path below /api, with the page's session (same cookies); asserts 200. */
  api<T>(path: string): Promise<T>;
}

/**
 * The demo province (motcua demo, 2,000 dossiers up to 18 March 2026; the server's and the browser's clocks on
 * that morning) and hue.cchc's page on it, handed to `ready` once the suite is up (closed with it in `after`).
 */
export function reportsPage(ready: (reports: ReportsPage) => void): void {
  demoSuite({
    async ready(suite) {
      const server = suite.server;
      const page = await openAs(suite, "hue.cchc");
      ready({
        server,
        page,
        async api<T>(path: string): Promise<T> {
          const response = await page.request.get(`${server.url}/api${path}`);
          assert.equal(response.status(), 200, `${path}: ${await response.text()}`);
          return (await response.json()) as T;
        },
      });
    },
  });
}
