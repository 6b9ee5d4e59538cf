// /api/reform/…: a commune's reform officer keeps its plans, tasks and records; leaders read them; nobody
// sees or edits another unit's outside their subtree; completion and the 01b figures move as tasks are done.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "../testing.ts";

let t: TestApp;
const c: Record<string, string> = {};
const NOW = new Date("2024-06-20T03:00:00Z");

before(async () => {
  t = await startTestApp({ now: () => NOW });
  const staff: [string, string, ("leader" | "reform_officer" | "front_desk")[]][] = [
    ["cchc.xa", "P1.01", ["reform_officer"]],
    ["cchc.phuong", "P1.02", ["reform_officer"]],
    ["lanhdao.xa", "P1.01", ["leader"]],
    ["motcua.xa", "P1.01", ["front_desk"]],
    ["cchc.tinh", "P1", ["reform_officer"]],
    ["cchc.p2", "P2.01", ["reform_officer"]],
  ];
  for (const [name, unit, roles] of staff) {
    await t.addStaff(name, unit, roles);
    c[name] = await t.login(name);
  }
});
after(async () => t.close());

const call = (who: string, method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: unknown) =>
  t.request({ method, url, cookie: c[who], ...(payload === undefined ? {} : { payload: payload as object }) });

const PLAN = {
  unit: "P1.01",
  kind: "annual",
  number: "01/QĐ-UBND",
  title: "Kế hoạch cải cách hành chính năm 2024",
  issuedOn: "2024-01-02",
  issuer: "UBND xã An Hòa",
  year: 2024,
};
const TASK = {
  area: "direction",
  content: "Ban hành Kế hoạch tuyên truyền CCHC năm 2024",
  outputKind: "plan",
  lead: "Công chức Văn hóa - Xã hội",
  supporting: ["Văn phòng - Thống kê"],
  deadline: "2024-01-31",
  source: "above",
};
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").toString("base64");

async function upload(who: string, unitCode: string) {
  const response = await call(who, "POST", "/api/files", { unitCode, name: "kh-tuyen-truyen.pdf", dataBase64: PDF });
  assert.equal(response.statusCode, 201, response.body);
  return response.json().id as string;
}

test("a plan with tasks: done only with its output, completion and 01b figures move, history kept", async () => {
  const created = await call("cchc.xa", "POST", "/api/reform/plans", PLAN);
  assert.equal(created.statusCode, 201, created.body);
  const plan = created.json();
  assert.deepEqual([plan.periodFrom, plan.periodTo, plan.version], ["2024-01-01", "2024-12-31", 1]);
  const task = (await call("cchc.xa", "POST", `/api/reform/plans/${plan.id}/tasks`, TASK)).json();
  await call("cchc.xa", "POST", `/api/reform/plans/${plan.id}/tasks`, {
    ...TASK,
    content: "Tự kiểm tra",
    deadline: "2024-12-15",
  });
  assert.equal(task.ordinal, 1);

  const noOutput = await call("cchc.xa", "PUT", `/api/reform/tasks/${task.id}`, {
    ...TASK,
    progress: 100,
    completedOn: "2024-01-20",
  });
  assert.equal(noOutput.statusCode, 422);
  assert.equal(noOutput.json().code, "task-done-without-output");

  const fileId = await upload("cchc.xa", "P1.01");
  const done = await call("cchc.xa", "PUT", `/api/reform/tasks/${task.id}`, {
    ...TASK,
    progress: 100,
    completedOn: "2024-01-20",
    output: { number: "05/KH-UBND", date: "2024-01-20", fileId },
    evidence: [{ fileId, pages: "1-3" }],
    version: 1,
  });
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.json().version, 2);
  const stale = await call("cchc.xa", "PUT", `/api/reform/tasks/${task.id}`, { ...TASK, version: 1 });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().code, "version-conflict");

  const detail = (await call("lanhdao.xa", "GET", `/api/reform/plans/${plan.id}?asOf=2024-06-14`)).json();
  assert.deepEqual([detail.completion.planned, detail.completion.done, detail.completion.percent], [2, 1, 50]);
  assert.equal(detail.tasks[0].evidence[0].pages, "1-3");
  const list = (await call("lanhdao.xa", "GET", "/api/reform/plans?unit=P1.01&year=2024")).json();
  assert.deepEqual(
    list.items.map((p: { number: string }) => p.number),
    ["01/QĐ-UBND"],
  );
  assert.equal(list.asOf, "2024-06-20");

  const figures = await call("cchc.tinh", "GET", "/api/reform/figures?unit=P1&from=2023-12-15&to=2024-06-14");
  assert.equal(figures.statusCode, 200, figures.body);
  assert.deepEqual(figures.json().figures, { "1.1.1": 2, "1.1.2": 1, "1.3.1": 2, "1.3.2": 1, "1.3.3": 0, "5.4.1": 0 });

  const appendices = await call("lanhdao.xa", "GET", "/api/reform/appendices?unit=P1.01&from=2024-01-01&to=2024-06-14");
  assert.equal(appendices.statusCode, 200, appendices.body);
  assert.deepEqual(
    appendices
      .json()
      .appendix1.map((r: { number: string; planned: number; done: number }) => [r.number, r.planned, r.done]),
    [["01/QĐ-UBND", 2, 1]],
  );
  assert.equal(
    (await call("cchc.p2", "GET", "/api/reform/appendices?unit=P1.01&from=2024-01-01&to=2024-06-14")).statusCode,
    403,
  );

  const gaps = (await call("lanhdao.xa", "GET", "/api/reform/gaps?unit=P1.01&from=2024-01-01&to=2024-12-31")).json();
  assert.deepEqual(
    gaps.items.map((g: { code: string }) => g.code),
    ["plan-without-file"],
    "the task done carries its output file; the plan has none",
  );

  const history = (await call("lanhdao.xa", "GET", `/api/reform/history/task/${task.id}`)).json();
  assert.deepEqual(
    history.items.map((h: { action: string }) => h.action),
    ["reform.task.create", "reform.task.update"],
  );
  assert.equal(history.items[1].username, "cchc.xa");
});

test("scope: only the unit's (or an ancestor's) reform officer keeps its records; other provinces see nothing", async () => {
  const plan = (
    await call("cchc.xa", "POST", "/api/reform/plans", { ...PLAN, number: "02/KH-UBND", kind: "propaganda" })
  ).json();
  assert.equal((await call("cchc.phuong", "POST", "/api/reform/plans", { ...PLAN, number: "03/KH" })).statusCode, 403);
  assert.equal((await call("lanhdao.xa", "POST", "/api/reform/plans", { ...PLAN, number: "04/KH" })).statusCode, 403);
  assert.equal((await call("motcua.xa", "GET", "/api/reform/plans?unit=P1.01")).statusCode, 403);
  assert.equal((await call("cchc.p2", "GET", `/api/reform/plans/${plan.id}`)).statusCode, 403);
  assert.equal((await call("cchc.p2", "GET", "/api/reform/plans?unit=P1.01")).statusCode, 403);
  assert.equal((await call("cchc.p2", "GET", "/api/reform/plans")).json().items.length, 0);
  assert.equal((await call("cchc.p2", "PUT", `/api/reform/plans/${plan.id}`, PLAN)).statusCode, 403);
  assert.equal((await call("cchc.phuong", "DELETE", `/api/reform/plans/${plan.id}`)).statusCode, 403);
  assert.equal((await call("cchc.p2", "GET", `/api/reform/history/plan/${plan.id}`)).statusCode, 403);
  assert.equal(
    (await call("cchc.p2", "GET", "/api/reform/figures?unit=P1.01&from=2024-01-01&to=2024-06-30")).statusCode,
    403,
  );
  // the province's reform officer keeps the communes' records too
  const task = await call("cchc.tinh", "POST", `/api/reform/plans/${plan.id}/tasks`, TASK);
  assert.equal(task.statusCode, 201, task.body);
  assert.equal((await call("cchc.phuong", "DELETE", `/api/reform/tasks/${task.json().id}`)).statusCode, 403);
  assert.equal((await call("cchc.xa", "DELETE", `/api/reform/tasks/${task.json().id}`)).statusCode, 204);
  assert.equal((await call("cchc.xa", "DELETE", `/api/reform/plans/${plan.id}`)).statusCode, 204);
  assert.equal((await call("cchc.xa", "GET", `/api/reform/plans/${plan.id}`)).statusCode, 404);
  const duplicate = await call("cchc.xa", "POST", "/api/reform/plans", PLAN);
  assert.equal(duplicate.json().code, "duplicate-plan");
});

test("registers: records with evidence, rules with stable codes, scope, and their 01b figures", async () => {
  const fileId = await upload("cchc.xa", "P1.01");
  const inspection = {
    kind: "inspection",
    unit: "P1.01",
    on: "2024-04-10",
    data: { subject: "Tự kiểm tra CCHC quý I", inspected: 6, issuesFound: 2, issuesResolved: 1 },
    evidence: [{ fileId, pages: "2" }],
  };
  const created = await call("cchc.xa", "POST", "/api/reform/records", inspection);
  assert.equal(created.statusCode, 201, created.body);
  const bad = await call("cchc.xa", "POST", "/api/reform/records", {
    ...inspection,
    data: { ...inspection.data, issuesResolved: 3 },
  });
  assert.deepEqual([bad.statusCode, bad.json().code], [422, "resolved-exceeds-found"]);
  const shape = await call("cchc.xa", "POST", "/api/reform/records", { ...inspection, kind: "picnic" });
  assert.deepEqual([shape.statusCode, shape.json().code], [400, "validation-failed"]);
  const missingFile = await call("cchc.xa", "POST", "/api/reform/records", {
    ...inspection,
    on: "2024-04-11",
    evidence: [{ fileId: "x" }],
  });
  assert.deepEqual([missingFile.statusCode, missingFile.json().code], [422, "unknown-file"]);
  const facts = [
    { fact: "video_conferencing", value: 2 },
    { fact: "spending_rules", value: 1 },
  ];
  for (const data of facts) {
    const r = await call("cchc.xa", "POST", "/api/reform/records", {
      kind: "fact",
      unit: "P1.01",
      on: "2024-01-05",
      data,
    });
    assert.equal(r.statusCode, 201, r.body);
  }
  assert.equal((await call("cchc.phuong", "POST", "/api/reform/records", inspection)).statusCode, 403);
  const id = created.json().id;
  assert.equal((await call("cchc.phuong", "PUT", `/api/reform/records/${id}`, inspection)).statusCode, 403);
  assert.equal((await call("cchc.p2", "GET", `/api/reform/records/${id}`)).statusCode, 403);
  const edited = await call("cchc.xa", "PUT", `/api/reform/records/${id}`, {
    ...inspection,
    data: { ...inspection.data, issuesResolved: 2 },
  });
  assert.equal(edited.statusCode, 200, edited.body);
  const moved = await call("cchc.xa", "PUT", `/api/reform/records/${id}`, { ...inspection, unit: "P1.02" });
  assert.equal(moved.statusCode, 422);

  const listed = (await call("lanhdao.xa", "GET", "/api/reform/records?unit=P1.01&kind=inspection")).json();
  assert.equal(listed.items.length, 1);
  const figures = (
    await call("lanhdao.xa", "GET", "/api/reform/figures?unit=P1.01&from=2024-04-01&to=2024-06-30")
  ).json();
  assert.equal(figures.figures["1.2.1"], 6);
  assert.equal(figures.figures["1.2.3"], 2);
  assert.equal(figures.figures["7.1"], 2);
  assert.equal(figures.figures["6.1"], 1);
  assert.equal((await call("cchc.xa", "DELETE", `/api/reform/records/${id}`)).statusCode, 204);
  const after = (
    await call("lanhdao.xa", "GET", "/api/reform/figures?unit=P1.01&from=2024-04-01&to=2024-06-30")
  ).json();
  assert.equal(after.figures["1.2.1"], undefined);
});

test("the overdue queue lists tasks past their deadline, longest overdue first", async () => {
  const plan = (
    await call("cchc.phuong", "POST", "/api/reform/plans", { ...PLAN, unit: "P1.02", number: "07/KH-UBND" })
  ).json();
  for (const deadline of ["2024-05-01", "2024-03-01", "2024-09-01"])
    await call("cchc.phuong", "POST", `/api/reform/plans/${plan.id}/tasks`, { ...TASK, deadline });
  const queue = (await call("cchc.phuong", "GET", "/api/reform/tasks/overdue?unit=P1.02")).json();
  assert.deepEqual(
    queue.items.map((i: { dueOn: string }) => i.dueOn),
    ["2024-03-01", "2024-05-01"],
  );
  assert.equal(queue.items[0].plan.number, "07/KH-UBND");
});

test("import and export over HTTP: within the officer's units only, all or nothing, .xlsx round trip unchanged", async () => {
  const doc = {
    format: "motcua-reform-records",
    plans: [{ ...PLAN, number: "11/KH-UBND", kind: "propaganda", tasks: [TASK, { ...TASK, content: "Pa nô" }] }],
    records: [{ kind: "dialogue", unit: "P1.01", on: "2024-03-15", data: { title: "Đối thoại với Nhân dân" } }],
  };
  const imported = await call("cchc.xa", "POST", "/api/reform/import", { document: doc });
  assert.equal(imported.statusCode, 200, imported.body);
  assert.deepEqual(
    [imported.json().plans.created, imported.json().tasks.created, imported.json().records.created],
    [1, 2, 1],
  );
  const outside = await call("cchc.phuong", "POST", "/api/reform/import", { document: doc });
  assert.deepEqual([outside.statusCode, outside.json().code], [422, "import-rejected"]);
  assert.match(outside.json().invalidParams[0].reason, /^out-of-scope/);
  assert.equal((await call("lanhdao.xa", "POST", "/api/reform/import", { document: doc })).statusCode, 403);

  const xlsx = await call("cchc.xa", "GET", "/api/reform/export?unit=P1.01&from=2024-01-01&to=2024-12-31&format=xlsx");
  assert.equal(xlsx.statusCode, 200);
  assert.match(String(xlsx.headers["content-type"]), /spreadsheetml/);
  const again = await call("cchc.xa", "POST", "/api/reform/import", { xlsxBase64: xlsx.rawPayload.toString("base64") });
  assert.equal(again.statusCode, 200, again.body);
  assert.equal(again.json().plans.created + again.json().plans.updated, 0, "everything exported comes back unchanged");
  assert.equal(again.json().records.unchanged >= 1, true);
  const json = (await call("cchc.xa", "GET", "/api/reform/export?unit=P1.01&from=2024-01-01&to=2024-12-31")).json();
  assert.ok(json.plans.some((p: { number: string }) => p.number === "11/KH-UBND"));
  assert.equal((await call("cchc.p2", "GET", "/api/reform/export?unit=P1.01")).statusCode, 403);
  const template = await call("cchc.p2", "GET", "/api/reform/export?format=xlsx");
  assert.equal(template.statusCode, 200);
});
