// End-to-end harness: a real motcua server (buildApp on a fresh test database, listening on a free port,
// serving the built web app) and Debian's Chromium driven by playwright-core. Never downloads a browser.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { after, before } from "node:test";
import path from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import {
  type APIRequestContext,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
  request,
} from "playwright-core";
import { seedReferenceData } from "../../src/db/repos/catalog.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../../src/db/testing.ts";
import { buildApp } from "../../src/http/app.ts";
import type { AppContext } from "../../src/http/context.ts";
import { addStaffUser, seedTestUnits } from "../../src/http/testing.ts";
import type { StaffRole } from "../../src/people/policy.ts";
import { ensureWebBuilt } from "../../web/build.ts";
import { cachedDemo } from "./demo-cache.ts";

export const CHROMIUM = process.env.MOTCUA_CHROMIUM ?? "/usr/bin/chromium";
export const PASSWORD = "matkhau-e2e-2026";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCREENSHOTS = path.join(root, "docs/screenshots");
/** Screenshots are written only when asked (MOTCUA_SCREENSHOTS=1), so test runs leave the tree clean. */
export const WRITE_SCREENSHOTS = process.env.MOTCUA_SCREENSHOTS === "1";

export interface Server {
  url: string;
  ctx: AppContext;
  database: TestDatabase;
  addStaff(username: string, fullName: string, unitCode: string, roles: StaffRole[]): Promise<void>;
  close(): Promise<void>;
}

/** What `motcua demo` is asked for (docs/demo.md); `today` fixed so the data are the same on every run. */
export interface DemoOptions {
  dossiers: number;
  /** ISO 8601 with an offset: where the demo's two years end. */
  today: string;
  seed?: number;
}

/** The server's clock, settable by a journey that needs time to pass (a deadline to go by). */
export interface Clock {
  now: () => Date;
  set(instant: string | Date): void;
}

export function fixedClock(start: string | Date): Clock {
  let current = new Date(start);
  return { now: () => new Date(current), set: (instant) => (current = new Date(instant)) };
}

/**
 * A test database holding `motcua demo` with `demo`'s options, the command run as it is (bin/motcua.js). PGlite:
 * the demo is loaded once per machine into a cache entry (demo-cache.ts, named by the options and every source
 * file) and each file gets its own copy. PostgreSQL: loaded into the file's fresh database each time.
 */
async function demoDatabase(demo: DemoOptions): Promise<TestDatabase> {
  const args = ["demo", "--dossiers", String(demo.dossiers), "--today", demo.today, "--seed", String(demo.seed ?? 1)];
  if (testEngine === "postgres") {
    const database = await createTestDatabase();
    await runDemoCommand(args, { DATABASE_URL: database.target });
    return database;
  }
  return cachedDemo(args, async () => {
    // PGlite is one process's directory: closed for the command, which opens it itself
    const database = await createTestDatabase();
    await database.close();
    try {
      await runDemoCommand([...args, "--data", database.target], {});
    } catch (error) {
      rmSync(database.target, { recursive: true, force: true });
      throw error;
    }
    return database.target;
  });
}

function runDemoCommand(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolveRun, reject) => {
    // DATABASE_URL wins over --data in the command: a PGlite run must not inherit one
    const { DATABASE_URL: _url, MOTCUA_DATA: _data, ...inherited } = process.env;
    const child = spawn(process.execPath, [path.join(root, "bin/motcua.js"), ...args], {
      cwd: root,
      env: { ...inherited, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolveRun() : reject(new Error(`motcua ${args.join(" ")} exited ${code}:\n${stderr}`)),
    );
  });
}

/**
 * `data`: "test-units" (a few test units, the default), "reference" (the shipped units of Huế and Đà Nẵng
 * and the starter procedure catalogue), "demo" (`motcua demo` with `demo`'s options: reference data, the demo
 * accounts of docs/demo.md and two years of dossiers, ratings and PAKN). `now`: the server's clock.
 */
export async function startServer(
  options: { data?: "test-units" | "reference" | "demo"; demo?: DemoOptions; now?: () => Date } = {},
): Promise<Server> {
  const webDist = await ensureWebBuilt();
  const database =
    options.data === "demo" ? await demoDatabase(options.demo ?? DEFAULT_DEMO) : await createTestDatabase();
  if (options.data === "reference") await seedReferenceData(database.db);
  else if (options.data !== "demo") await seedTestUnits(database);
  const { app, ctx } = await buildApp({ database, webDist, now: options.now });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("server has no TCP address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    ctx,
    database,
    async addStaff(username, fullName, unitCode, roles) {
      await addStaffUser(database.db, ctx, { username, fullName, unitCode, roles, password: PASSWORD });
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

export const DEFAULT_DEMO: DemoOptions = { dossiers: 2000, today: "2026-03-18T10:00:00+07:00" };
/** The demo's province, Thành phố Huế, and one of its wards, Phường Phú Xuân (docs/demo.md). */
export const DEMO_PROVINCE = "46";
export const DEMO_WARD = "19753";
/** The password of every demo account (docs/demo.md). */
export const DEMO_PASSWORD = "motcua-demo-2026";

export interface Browser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Debian's Chromium with a fresh profile directory, removed on close. */
export async function launchBrowser(options: { viewport?: { width: number; height: number } } = {}): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), "motcua-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: options.viewport ?? { width: 1366, height: 900 },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    async newPage() {
      const page = await context.newPage();
      page.on("pageerror", (error) => process.stderr.write(`[browser] ${error.message}\n`));
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The server and the browser of a file's tests, started before them and closed after them. */
export interface Suite {
  readonly server: Server;
  readonly browser: Browser;
  /** The instant the server's clock (and every page's, through `openAs`) stands at, when fixed. */
  readonly today: Date | undefined;
  /** The accounts' password: the demo's on the demo data, else the one `addStaff` gives. */
  readonly password: string;
}

/** A staff account `addStaff` creates: username, full name, unit, roles. */
export type StaffAccount = readonly [username: string, fullName: string, unitCode: string, roles: StaffRole[]];

/** Phường Phú Xuân's front desk, officer and leader: the accounts of the one-stop journeys on reference data. */
export const PHU_XUAN_STAFF: readonly StaffAccount[] = [
  ["motcua.phuxuan", "Nguyễn Thị Hoa", "19753", ["front_desk"]],
  ["chuyenvien.phuxuan", "Lê Thị Mai", "19753", ["officer"]],
  ["lanhdao.phuxuan", "Phan Văn Đức", "19753", ["leader"]],
];

export interface SuiteOptions {
  data?: "test-units" | "reference" | "demo";
  demo?: DemoOptions;
  /** The server's clock and every page's stand still at this instant. */
  today?: string | Date;
  /** The server's clock, when a journey moves it (fixedClock); pages keep the real time. */
  now?: () => Date;
  /** Staff accounts created once the server is up (password PASSWORD). */
  staff?: readonly StaffAccount[];
  /** Anything else the file's tests need stored, after the staff and before the browser starts. */
  setup?: (server: Server) => Promise<void>;
  /**
   * Runs last in the suite's `before`, the browser up: pages to open, API sessions. A file's top-level `before`
   * hooks run concurrently on Node 20, so a file whose tests sit outside a describe needs this, not a `before`.
   */
  ready?: (suite: Suite) => Promise<void>;
}

/**
 * Starts a server with `options` (its staff, then `setup`) and a browser in `before`, then runs `ready`; closes both
 * in `after` (of the enclosing describe, or of the file).
 */
export function e2eSuite(options: SuiteOptions = {}): Suite {
  const today = options.today === undefined ? undefined : new Date(options.today);
  let server: Server | undefined;
  let browser: Browser | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the suite's ${what} is used before its before() hook ran`);
    return value;
  };
  const suite: Suite = {
    get server() {
      return started(server, "server");
    },
    get browser() {
      return started(browser, "browser");
    },
    today,
    password: options.data === "demo" ? DEMO_PASSWORD : PASSWORD,
  };
  before(async () => {
    const now = options.now ?? (today && (() => new Date(today)));
    server = await startServer({ data: options.data, demo: options.demo, now });
    for (const [username, fullName, unitCode, roles] of options.staff ?? []) {
      await server.addStaff(username, fullName, unitCode, roles);
    }
    await options.setup?.(server);
    browser = await launchBrowser();
    await options.ready?.(suite);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return suite;
}

/** The demo province (`motcua demo` with DEFAULT_DEMO), its clock and the pages' on DEFAULT_DEMO.today. */
export function demoSuite(options: Pick<SuiteOptions, "ready"> = {}): Suite {
  return e2eSuite({ data: "demo", demo: DEFAULT_DEMO, today: DEFAULT_DEMO.today, ...options });
}

/** A new page signed in as `username`, its clock at the suite's `today`, opened at `path` (on the server) if given. */
export async function openAs(
  suite: Suite,
  username: string,
  path?: string,
  options: { viewport?: { width: number; height: number }; password?: string } = {},
): Promise<Page> {
  const page = await suite.browser.newPage();
  if (options.viewport) await page.setViewportSize(options.viewport);
  if (suite.today) await page.clock.setFixedTime(suite.today);
  await signIn(page, suite.server.url, username, options.password ?? suite.password);
  if (path !== undefined) await page.goto(`${suite.server.url}${path}`);
  return page;
}

/** A dossier as the API answers for it (the fields the journeys use). */
export interface DossierView {
  code: string;
  revision: number;
  state: string;
  lookupSecret?: string;
}

/** The smallest file the server recognises as a PDF by its bytes. */
export const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** An account's API session (its own cookies) for making the states a journey starts from; asserts each status. */
export class ApiSession {
  private constructor(readonly api: APIRequestContext) {}
  static async open(server: Server, username: string, password = PASSWORD): Promise<ApiSession> {
    const api = await request.newContext({ baseURL: server.url });
    const login = await api.post("/api/auth/login", { data: { username, password } });
    assert.equal(login.status(), 200, `${username}: ${await login.text()}`);
    return new ApiSession(api);
  }
  async call<T>(method: "GET" | "POST" | "PUT", path: string, data?: unknown, status = [200, 201]): Promise<T> {
    const response = await this.api.fetch(path, { method, ...(data === undefined ? {} : { data }) });
    assert.ok(status.includes(response.status()), `${method} ${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  }
  /** A lifecycle action on the dossier at its current revision. */
  act(code: string, action: string, revision: number, body: Record<string, unknown> = {}): Promise<DossierView> {
    return this.call<DossierView>("POST", `/api/dossiers/${encodeURIComponent(code)}/actions/${action}`, {
      revision,
      ...body,
    });
  }
  /** Stores a small PDF for the unit; returns its id. */
  async file(unitCode: string, name: string): Promise<string> {
    const stored = await this.call<{ id: string }>("POST", "/api/files", {
      unitCode,
      name,
      dataBase64: PDF.toString("base64"),
    });
    return stored.id;
  }
  /**
   * Counter intake (the browser journey of intake is intake.e2e.test.ts). Defaults: the demo's ward Phú Xuân
   * and its certificate of marital status (1.004873: fully online, 3 working days, a leader-approval step).
   */
  receive(applicant: string, dossier: { unitCode?: string; procedureCode?: string; components?: string[] } = {}) {
    return this.call<DossierView>("POST", "/api/dossiers", {
      unitCode: dossier.unitCode ?? "19753",
      procedureCode: dossier.procedureCode ?? "1.004873",
      channel: "direct",
      applicant: { name: applicant, phone: "0905123456" },
      components: dossier.components ?? ["Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu"],
    });
  }
  close(): Promise<void> {
    return this.api.dispose();
  }
}

/** The staff page of a dossier, once its heading is drawn. */
export async function openDossier(page: Page, server: Server, code: string): Promise<void> {
  await page.goto(`${server.url}/can-bo/ho-so/${encodeURIComponent(code)}`);
  await page.getByRole("heading", { name: `Hồ sơ ${code}` }).waitFor();
}

/** Waits until the dossier page shows the state's Vietnamese name. */
export async function expectState(page: Page, name: string): Promise<void> {
  await page
    .getByTestId("dossier-state")
    .filter({ hasText: new RegExp(`^${name}$`, "i") })
    .waitFor();
}

/** Saves docs/screenshots/<name>.png (the README shows them) when MOTCUA_SCREENSHOTS=1. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  if (!WRITE_SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** Signs in through the login page, as a person would. */
export async function signIn(page: Page, baseUrl: string, username: string, password = PASSWORD): Promise<void> {
  await page.context().clearCookies(); // the profile is shared by the tests of a file: start signed out
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/can-bo"));
}

/**
 * Chooses an option of an antd Select by typing and clicking the visible item (antd's role=option nodes
 * are a hidden accessibility mirror, not clickable).
 */
export async function choose(
  page: Page,
  combobox: Locator,
  typed: string,
  option: string | RegExp = typed,
): Promise<void> {
  await combobox.click();
  if (typed) await combobox.fill(typed);
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option")
    .filter({ hasText: option })
    .first()
    .click();
}
