// End-to-end harness: a real motcua server (buildApp on a fresh test database, listening on a free port,
// serving the built web app) and Debian's Chromium driven by playwright-core. Never downloads a browser.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { seedReferenceData } from "../../src/db/repos/catalog.ts";
import { createUser } from "../../src/db/repos/people.ts";
import { createTestDatabase, type TestDatabase } from "../../src/db/testing.ts";
import { buildApp } from "../../src/http/app.ts";
import type { AppContext } from "../../src/http/context.ts";
import { seedTestUnits } from "../../src/http/testing.ts";
import type { StaffRole } from "../../src/people/policy.ts";
import { ensureWebBuilt } from "../../web/build.ts";

export const CHROMIUM = process.env.MOTCUA_CHROMIUM ?? "/usr/bin/chromium";
export const PASSWORD = "matkhau-e2e-2026";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCREENSHOTS = path.join(root, "docs/screenshots");

export interface Server {
  url: string;
  ctx: AppContext;
  database: TestDatabase;
  addStaff(username: string, fullName: string, unitCode: string, roles: StaffRole[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * `data`: "test-units" (a few test units, the default), "reference" (the shipped units of Huế and Đà Nẵng
 * and the starter procedure catalogue).
 */
export async function startServer(
  options: { data?: "test-units" | "reference"; now?: () => Date } = {},
): Promise<Server> {
  const webDist = await ensureWebBuilt();
  const database = await createTestDatabase();
  if (options.data === "reference") await seedReferenceData(database.db);
  else await seedTestUnits(database);
  const { app, ctx } = await buildApp({ database, webDist, now: options.now });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("server has no TCP address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    ctx,
    database,
    async addStaff(username, fullName, unitCode, roles) {
      await ctx.units.refresh();
      await createUser(
        database.db,
        {
          username,
          fullName,
          password: PASSWORD,
          kind: "staff",
          unitCode,
          grants: roles.map((role) => ({ role, unitCode })),
        },
        (code) => ctx.units.provinceOf(code),
      );
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

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

/** Saves docs/screenshots/<name>.png (the README shows them). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
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
