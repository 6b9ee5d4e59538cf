// Every typed endpoint function asks the server for a route it declares (src/http/routes), with the method the
// route takes and a query the route's own schema accepts: a renamed path or query parameter fails here, not in
// a browser.
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { calendar } from "./calendar.ts";
import { dossiers } from "./dossiers.ts";
import { files } from "./files.ts";
import { procedures } from "./procedures.ts";
import { publicApi } from "./public.ts";
import { reform } from "./reform.ts";
import { reformIndex } from "./reform-index.ts";
import { reports } from "./reports.ts";
import { session } from "./session.ts";
import { units } from "./units.ts";
import { users } from "./users.ts";

/** What the test reads of a server route (src/http/route.ts RouteSpec). */
interface ServerRoute {
  method: string;
  url: string;
  query?: { safeParse(value: unknown): { success: boolean; data?: unknown; error?: { message: string } } };
}
// Loaded by a computed specifier so that `tsc -p web` does not type the whole server with the web's settings
// (the root typecheck covers it); the route list is the one the server registers.
const ROUTES = new URL("../../../src/http/routes/index.ts", import.meta.url).href;
const { routes } = (await import(ROUTES)) as { routes: ServerRoute[] };

interface Sent {
  method: string;
  url: URL;
  body: unknown;
}

let sent: Sent[] = [];
const realFetch = globalThis.fetch;
beforeEach(() => {
  sent = [];
  globalThis.fetch = (async (input: string | URL, init?: RequestInit) => {
    const body = typeof init?.body === "string" && init.body.startsWith("{") ? JSON.parse(init.body) : init?.body;
    sent.push({ method: init?.method ?? "GET", url: new URL(String(input), "http://motcua.test"), body });
    return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** The server's route for a request: same method, same path with :params standing for one segment each. */
function routeFor(method: string, path: string) {
  return routes.find((r) => {
    if (r.method !== method) return false;
    const pattern = r.url.split("/");
    const parts = path.split("/");
    return pattern.length === parts.length && pattern.every((p, i) => p.startsWith(":") || p === parts[i]);
  });
}

const PERIOD = { unit: "46", from: "2026-01-01", to: "2026-12-31" };
const CALLS: [string, () => Promise<unknown>][] = [
  ["session.current", () => session.current()],
  ["session.login", () => session.login("hue.cchc", "mat-khau")],
  ["session.logout", () => session.logout()],
  ["units.list", () => units.list()],
  ["units.list under", () => units.list({ under: "46" })],
  ["units.setOfficeHours", () => units.setOfficeHours("46", {})],
  ["procedures.search", () => procedures.search({ q: "khai sinh", page: 2, pageSize: 20 })],
  ["procedures.get", () => procedures.get("1.001193", { at: "2026-03-18" })],
  ["procedures.versions", () => procedures.versions("1.001193")],
  ["procedures.fields", () => procedures.fields()],
  ["procedures.create", () => procedures.create({})],
  ["dossiers.list", () => dossiers.list({ unit: "46", pageSize: 20, q: "H46" })],
  ["dossiers.create", () => dossiers.create({}, "key-1")],
  ["dossiers.import", () => dossiers.import("{}\n", true)],
  ["dossiers.get", () => dossiers.get("19753-260316-0001")],
  ["dossiers.act", () => dossiers.act("19753-260316-0001", "accept", { revision: 1 }, "key-2")],
  ["dossiers.stock", () => dossiers.stock("46")],
  ["units.officers", () => units.officers("19753")],
  ["units.import", () => units.import({ json: [] })],
  ["procedures.import json", () => procedures.import({ json: [] })],
  ["procedures.import csv", () => procedures.import({ csv: "code,name\n" })],
  ["publicApi.submit", () => publicApi.submit({}, "key-3")],
  ["dossiers.formView", () => dossiers.formView("46-260318-0001", "01")],
  ["reports.results", () => reports.results({ ...PERIOD, by: "unit" })],
  [
    "reports.resultsDossiers",
    () => reports.resultsDossiers({ ...PERIOD, by: "field", row: "Hộ tịch", field: "received", page: 1 }),
  ],
  ["reports.channels", () => reports.channels(PERIOD)],
  ["reports.late", () => reports.late({ ...PERIOD, basis: "handling" })],
  ["reports.indicators", () => reports.indicators(PERIOD)],
  ["reports.satisfaction", () => reports.satisfaction({ ...PERIOD, by: "unit", scale: "procedure" })],
  ["reports.feedback", () => reports.feedback({ ...PERIOD, by: "topic" })],
  ["reports.officerRatings", () => reports.officerRatings(PERIOD)],
  ["reports.submitManual", () => reports.submitManual({})],
  ["reports.periodSettings", () => reports.periodSettings("46")],
  ["reports.setPeriodSettings", () => reports.setPeriodSettings("46", 15)],
  ["users.list", () => users.list("46")],
  ["users.create", () => users.create({})],
  ["calendar.year", () => calendar.year(2026, "46")],
  ["calendar.setOverrides", () => calendar.setOverrides({})],
  ["publicApi.lookup", () => publicApi.lookup({ code: "H46.1", secret: "7KQ2M9HP" })],
  ["publicApi.statistics", () => publicApi.statistics({ from: "2026-01-01", to: "2026-03-31" })],
  ["publicApi.feedback", () => publicApi.feedback()],
  ["publicApi.sendFeedback", () => publicApi.sendFeedback({})],
  ["publicApi.rate", () => publicApi.rate({ code: "H46.1", secret: "7KQ2M9HP" })],
  ["publicApi.supplement", () => publicApi.supplement({ code: "H46.1", secret: "7KQ2M9HP", attachments: [] })],
  ["files.upload", () => files.upload({ unitCode: "46", name: "a.pdf", dataBase64: "" })],
  ["reform.plans", () => reform.plans({ unit: "46", year: 2026 })],
  ["reform.plan", () => reform.plan(7)],
  ["reform.createPlan", () => reform.createPlan({})],
  ["reform.addTask", () => reform.addTask(7, {})],
  ["reform.updateTask", () => reform.updateTask(9, {})],
  ["reform.overdueTasks", () => reform.overdueTasks("46")],
  ["reform.gaps", () => reform.gaps(PERIOD)],
  ["reform.records", () => reform.records({ ...PERIOD, kind: "inspection" })],
  ["reform.createRecord", () => reform.createRecord({})],
  ["reform.deleteRecord", () => reform.deleteRecord(3)],
  ["reform.figures", () => reform.figures(PERIOD)],
  ["reform.appendices", () => reform.appendices(PERIOD)],
  ["reform.import", () => reform.import({})],
  ["reform.sheet", () => reform.sheet(PERIOD)],
  ["reform.setSheetValue", () => reform.setSheetValue({ ...PERIOD, code: "1.1", value: 3 })],
  ["reform.reports", () => reform.reports(PERIOD)],
  ["reform.issueReport", () => reform.issueReport({})],
  ["reform.submitReport", () => reform.submitReport({ ...PERIOD, version: 1 })],
  ["reform.returnReport", () => reform.returnReport({})],
  ["reform.register", () => reform.register(PERIOD)],
  ["reform.rollUp", () => reform.rollUp(PERIOD)],
  ["reformIndex.card", () => reformIndex.card({ unit: "46", year: 2025 })],
  ["reformIndex.standings", () => reformIndex.standings({ unit: "46", year: 2025 })],
  ["reformIndex.assess", () => reformIndex.assess({ unit: "46.01", year: 2025, code: "6.2" }, { selfScore: 2 })],
];

test("every endpoint function calls a route the server declares, with that route's method", async () => {
  for (const [name, call] of CALLS) {
    sent = [];
    await call();
    assert.equal(sent.length, 1, `${name}: one request`);
    const { method, url } = sent[0]!;
    assert.ok(url.pathname.startsWith("/api/"), `${name}: ${url.pathname}`);
    const route = routeFor(method, url.pathname);
    assert.ok(route, `${name}: the server has no ${method} ${url.pathname}`);
  }
});

test("every query an endpoint function sends is one the route's schema accepts", async () => {
  for (const [name, call] of CALLS) {
    sent = [];
    await call();
    const { method, url } = sent[0]!;
    const route = routeFor(method, url.pathname)!;
    const query = Object.fromEntries(url.searchParams);
    if (!route.query) {
      assert.deepEqual(query, {}, `${name}: the route takes no query`);
      continue;
    }
    const parsed = route.query.safeParse(query);
    assert.ok(parsed.success, `${name}: ${url.search} — ${parsed.error?.message}`);
    // a parameter the schema does not know would be dropped silently: the web would believe it filters
    const known = Object.keys((parsed.data ?? {}) as object);
    for (const key of Object.keys(query)) assert.ok(known.includes(key), `${name}: the route ignores ?${key}`);
  }
});

test("download links name declared routes too", () => {
  const links = [
    reports.downloadUrl("results", { ...PERIOD, by: "field" }, "xlsx"),
    reports.downloadUrl("results/appendix", PERIOD, "docx"),
    units.ledgerUrl("46", { from: PERIOD.from, to: PERIOD.to, format: "docx" }),
    reformIndex.exportUrl({ unit: "46.01", year: 2025, format: "xlsx" }),
  ];
  for (const link of links) {
    const url = new URL(link, "http://motcua.test");
    assert.ok(routeFor("GET", url.pathname), link);
    assert.equal(url.searchParams.get("format") !== null, true, link);
  }
});
