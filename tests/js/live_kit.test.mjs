// The browser's live kit rules (static/js/live-rules.js) against the cases the Python core is tested with
// (tests/data/timing_cases.json; tests/unit/timing/test_shared_cases.py): run by `node --test tests/js`
// (tests/unit/test_js_kit.py runs it under pytest, so `make test` covers it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const kit = require("../../static/js/live-rules.js");
const cases = JSON.parse(readFileSync(new URL("../data/timing_cases.json", import.meta.url), "utf8"));

for (const c of cases.timer) {
  test(`timer: ${c.name}`, () => {
    const serverTime = 1614150000000;
    const state = { server_time: serverTime,
                    timer: { status: c.status, limit_s: c.limit_s, elapsed_ms: c.elapsed_ms, warn_s: c.warn_s } };
    const remaining = kit.remainingMs(state, serverTime + c.run_ms);
    assert.equal(remaining, c.remaining_ms);
    assert.equal(kit.phase(remaining, c.warn_s), c.phase);
  });
}

for (const c of cases.format_clock) {
  test(`formatClock(${c.ms})`, () => assert.equal(kit.formatClock(c.ms), c.text));
}

for (const c of cases.project) {
  test(`project: ${c.name}`, () => {
    assert.deepEqual(kit.project(c.items, c.now), c.expected);
  });
}

for (const c of cases.project_slots) {
  test(`projectSlots: ${c.name}`, () => {
    assert.deepEqual(kit.projectSlots(c.now, c.starts_at, c.ends_at, c.current, c.later_limits_s), c.expected);
  });
}

test("a warning of 0 seconds is never amber, not 60 s", () => {
  assert.equal(kit.phase(30000, 0), "normal");
  assert.equal(kit.phase(30000, 60), "warning");
});

test("fill leaves no placeholder and escapes nothing itself", () => {
  assert.equal(kit.fill("%(time)s over", { time: "+1:00" }), "+1:00 over");
  assert.equal(kit.fill("%(a)s-%(b)s", { a: 1 }), "1-");
});

test("the clock base is the median of the fastest round trips", () => {
  const samples = [
    { sent: 0, received: 10, server_time: 1005 },      // rtt 10, base 1000
    { sent: 100, received: 110, server_time: 1107 },   // rtt 10, base 1002
    { sent: 200, received: 400, server_time: 9000 },   // rtt 200: ignored
    { sent: 500, received: 520, server_time: 1511 },   // rtt 20, base 1001
  ];
  assert.equal(kit.clockBase(samples), 1001);
  assert.equal(kit.clockBase([]), null);
});

test("markStarted ends an earlier item still open", () => {
  const day = [
    { id: "a", absorbs: false, actual_start: 1000, actual_end: null },
    { id: "brk", absorbs: true, actual_start: null, actual_end: null },
    { id: "b", absorbs: false, actual_start: null, actual_end: null },
  ];
  kit.markStarted(day, "b", 5000);
  assert.equal(day[0].actual_end, 5000);
  assert.equal(day[2].actual_start, 5000);
});
