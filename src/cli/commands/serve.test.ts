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
