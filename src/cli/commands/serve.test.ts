// serve's address checks: the URL in QR codes (a warning when listening everywhere without --public-url) and
// the reverse proxies whose X-Forwarded-For is believed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { UsageError } from "../errors.ts";
import { publicUrlFor, trustedProxies } from "./serve.ts";

test("--host 0.0.0.0 without --public-url warns that QR codes would point at 0.0.0.0", () => {
  const wild = publicUrlFor("0.0.0.0", 3000, undefined, undefined);
  assert.equal(wild.publicUrl, "http://0.0.0.0:3000");
  assert.match(wild.warning!, /--public-url/);
  assert.match(publicUrlFor("::", 8080, undefined, undefined).warning!, /mã QR/);
  assert.equal(publicUrlFor("127.0.0.1", 3000, undefined, undefined).warning, undefined);
  const given = publicUrlFor("0.0.0.0", 3000, undefined, "https://motcua.hue.gov.vn/");
  assert.deepEqual(given, { publicUrl: "https://motcua.hue.gov.vn" });
  assert.throws(() => publicUrlFor("0.0.0.0", 3000, "motcua.hue.gov.vn", undefined), UsageError);
});

test("--trust-proxy takes addresses and CIDR blocks, nothing else", () => {
  assert.equal(trustedProxies(undefined), undefined);
  assert.equal(trustedProxies("127.0.0.1/32, 10.0.0.0/8,::1"), "127.0.0.1/32, 10.0.0.0/8,::1");
  for (const bad of ["true", "10.0.0.0/33", "10.0.0.0/8/1", "proxy.local", "*"]) {
    assert.throws(() => trustedProxies(bad), UsageError, bad);
  }
});

test("deploy/motcua.service starts serve with options serve accepts, from the repository's bin/motcua.js", async () => {
  const { readFileSync, existsSync } = await import("node:fs");
  const root = new URL("../../../", import.meta.url);
  const unit = readFileSync(new URL("deploy/motcua.service", root), "utf8");
  const exec = /^ExecStart=(\S+) \/opt\/motcua\/(\S+) serve (.*)$/m.exec(unit);
  assert.ok(exec, "an ExecStart running serve from /opt/motcua");
  assert.ok(existsSync(new URL(exec[2]!, root)), `${exec[2]} is in the repository`);
  const args = exec[3]!.split(" ");
  const option = (name: string) => args[args.indexOf(name) + 1];
  assert.equal(
    publicUrlFor(option("--host")!, Number(option("--port")), undefined, "https://motcua.hue.gov.vn").warning,
    undefined,
  );
  assert.equal(trustedProxies(option("--trust-proxy")), "127.0.0.1/32");
  for (const [i, arg] of args.entries()) if (i % 2 === 0) assert.match(arg, /^--(host|port|trust-proxy)$/);
  assert.match(unit, /^User=motcua$/m, "not as root");
  assert.match(unit, /^Restart=on-failure$/m);
  // the file system is read-only but for what serve writes: web/dist, built on first start (web/build.ts)
  assert.match(unit, /^ProtectSystem=strict$/m);
  assert.match(unit, /^ReadWritePaths=\/opt\/motcua\/web$/m);
});
