// What the server log may show of a URL: no lookup secret, phone or password.
import assert from "node:assert/strict";
import { test } from "node:test";
import { logSerializers, redactUrl } from "./security-headers.ts";

test("lookup secrets, phones and passwords are replaced by *** in logged URLs; the rest stays", () => {
  assert.equal(
    redactUrl("/api/public/lookup?code=P1.01-260309-0001&secret=AB12CD&phone=0905123456"),
    "/api/public/lookup?code=P1.01-260309-0001&secret=***&phone=***",
  );
  assert.equal(redactUrl("/tra-cuu?Secret=x&page=2&password=y"), "/tra-cuu?Secret=***&page=2&password=***");
  assert.equal(redactUrl("/api/health"), "/api/health");
  assert.equal(redactUrl("/x?%73ecret=abc"), "/x?%73ecret=***");
  const logged = logSerializers.req({ method: "GET", url: "/api/public/lookup?code=A&phone=0905123456", ip: "::1" });
  assert.doesNotMatch(JSON.stringify(logged), /0905123456/);
});
