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

// Clock times in each language's own pattern: the same cases as babel's (tests/unit/test_time_format_cases.py).
const timeCases = JSON.parse(readFileSync(new URL("../data/time_format_cases.json", import.meta.url), "utf8")).cases;
for (const c of timeCases) {
  test(`formatTime ${c.lang} ${c.hour}:${c.minute}`, () => {
    assert.equal(kit.formatTime(c.format, c.hour, c.minute), c.text);
  });
}

test("formatTime keeps quoted literals", () => {
  assert.equal(kit.formatTime({ pattern: "HH 'h' mm", am: "AM", pm: "PM" }, 9, 5), "09 h 05");
  assert.equal(kit.formatTime({ pattern: "H''mm", am: "", pm: "" }, 9, 5), "9'05");
});

// The overrun (and the amber warning) said once, however it is reached.
function run(steps) {
  let memory = null;
  const said = [];
  for (const [slot, p, status] of steps) {
    const out = kit.phaseNotice(memory, slot, p, status);
    memory = out.memory;
    if (out.say) { said.push(out.say); }
  }
  return said;
}

test("a natural overrun is said once, not every tick", () => {
  assert.deepEqual(run([["a", "normal", "running"], ["a", "warning", "running"], ["a", "warning", "running"],
                        ["a", "overrun", "running"], ["a", "overrun", "running"], ["a", "overrun", "running"]]),
                   ["warning", "overrun"]);
});

test("an overrun reached by one minute less is said, once", () => {
  assert.deepEqual(run([["a", "normal", "running"], ["a", "overrun", "running"], ["a", "overrun", "running"]]),
                   ["overrun"]);
});

test("an overrun reached by an adjustment while paused or idle is said too", () => {
  assert.deepEqual(run([["a", "normal", "paused"], ["a", "overrun", "paused"], ["a", "overrun", "running"]]), ["overrun"]);
  assert.deepEqual(run([["a", "normal", "idle"], ["a", "overrun", "idle"], ["a", "overrun", "idle"]]), ["overrun"]);
});

test("leaving the overrun with one minute more and reaching it again says nothing more", () => {
  assert.deepEqual(run([["a", "normal", "running"], ["a", "overrun", "running"], ["a", "warning", "running"],
                        ["a", "normal", "running"], ["a", "overrun", "running"], ["a", "warning", "running"],
                        ["a", "overrun", "running"]]),
                   ["overrun"]);
});

test("a page opened in overrun, or a slot entered in it, says nothing", () => {
  assert.deepEqual(run([["a", "overrun", "running"], ["a", "overrun", "running"]]), []);
  assert.deepEqual(run([["a", "normal", "running"], ["b", "overrun", "idle"], ["b", "overrun", "idle"]]), []);
});

test("a reset re-arms the announcements; the next slot has its own", () => {
  assert.deepEqual(run([["a", "normal", "running"], ["a", "overrun", "running"], ["a", "normal", "idle"],
                        ["a", "normal", "running"], ["a", "overrun", "running"],
                        ["b", "normal", "idle"], ["b", "normal", "running"], ["b", "overrun", "running"]]),
                   ["overrun", "overrun", "overrun"]);
});

// The console's shortcuts: off until chosen; single keys; or the same keys with Alt+Shift.
const key = (k, code, mods = {}) => ({ key: k, code, altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, ...mods });

test("shortcuts are off unless a mode is chosen", () => {
  for (const mode of ["off", undefined, null, "anything"]) {
    assert.equal(kit.shortcutFor(mode, key(" ", "Space"), false), null);
    assert.equal(kit.shortcutFor(mode, key("R", "KeyR", { altKey: true, shiftKey: true }), false), null);
  }
  assert.deepEqual(kit.shortcutKeys("off", false), {});
});

test("single keys: space, arrows mirrored in right-to-left, plus, minus, R; never with Ctrl, Alt or Meta", () => {
  assert.equal(kit.shortcutFor("keys", key(" ", "Space"), false), "toggle");
  assert.equal(kit.shortcutFor("keys", key("ArrowRight", "ArrowRight"), false), "next");
  assert.equal(kit.shortcutFor("keys", key("ArrowRight", "ArrowRight"), true), "prev");
  assert.equal(kit.shortcutFor("keys", key("PageDown", "PageDown"), true), "next");
  assert.equal(kit.shortcutFor("keys", key("+", "Equal", { shiftKey: true }), false), "plus");
  assert.equal(kit.shortcutFor("keys", key("-", "NumpadSubtract"), false), "minus");
  assert.equal(kit.shortcutFor("keys", key("ق", "KeyR"), false), "reset");       // an Arabic layout
  assert.equal(kit.shortcutFor("keys", key("r", "KeyR", { ctrlKey: true }), false), null);
  assert.equal(kit.shortcutFor("keys", key("r", "KeyR", { altKey: true, shiftKey: true }), false), null);
});

test("Alt+Shift: the same keys by physical key, and nothing without both modifiers", () => {
  const both = { altKey: true, shiftKey: true };
  assert.equal(kit.shortcutFor("alt-shift", key(" ", "Space", both), false), "toggle");
  assert.equal(kit.shortcutFor("alt-shift", key("Dead", "Equal", both), false), "plus");
  assert.equal(kit.shortcutFor("alt-shift", key("_", "Minus", both), false), "minus");
  assert.equal(kit.shortcutFor("alt-shift", key("ArrowLeft", "ArrowLeft", both), true), "next");
  assert.equal(kit.shortcutFor("alt-shift", key("R", "KeyR", both), false), "reset");
  assert.equal(kit.shortcutFor("alt-shift", key(" ", "Space"), false), null);
  assert.equal(kit.shortcutFor("alt-shift", key("r", "KeyR", { altKey: true }), false), null);
  assert.equal(kit.shortcutKeys("alt-shift", false).toggle, "Alt+Shift+Space");
  assert.equal(kit.shortcutKeys("keys", true).next, "ArrowLeft PageDown");
  assert.equal(kit.shortcutKeys("alt-shift", false).plus, "Alt+Shift+Plus");
});
