// Login timing by account name (issue 14 item 10): a wrong password for a known account and any password for an
// unknown one should cost the same (both hash once), so the answer's timing does not tell which names exist.
// Prints the median of each and their ratio, measured in the same run (no absolute target).
//   node --import tsx bench/login-timing.ts [--rounds 40]
import { parseArgs } from "node:util";
import { startTestApp } from "../src/http/testing.ts";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "40" } } });
const rounds = Number(values.rounds);
const t = await startTestApp();
await t.addStaff("bench.known", "P1.01", ["front_desk"]);

async function timeLogin(username: string): Promise<number> {
  const started = performance.now();
  const response = await t.request({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: "sai-mat-khau-bench" },
  });
  if (response.statusCode !== 401) throw new Error(`login ${username}: ${response.statusCode}`);
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const known: number[] = [];
const unknown: number[] = [];
for (let i = 0; i < rounds; i++) {
  // the limits would answer 429 without hashing: each round starts afresh, alternating the order
  for (const key of ["127.0.0.1|bench.known", `127.0.0.1|khong-co-${i}`]) t.ctx.limits.login.reset(key);
  t.ctx.limits.loginAddress.reset("127.0.0.1");
  t.ctx.limits.loginAccount.reset("bench.known");
  if (i % 2) {
    known.push(await timeLogin("bench.known"));
    unknown.push(await timeLogin(`khong-co-${i}`));
  } else {
    unknown.push(await timeLogin(`khong-co-${i}`));
    known.push(await timeLogin("bench.known"));
  }
}
await t.close();
const [k, u] = [median(known), median(unknown)];
console.log(`login, wrong password, known account:   median ${k.toFixed(1)} ms (${rounds} rounds)`);
console.log(`login, unknown account:                 median ${u.toFixed(1)} ms`);
console.log(`ratio unknown / known: ${(u / k).toFixed(2)} (1.00 = indistinguishable; before issue 14 it was ~0.10)`);
