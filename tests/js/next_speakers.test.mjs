// Who speaks next: the browser kit's nextSpeakers (static/js/live-rules.js) against the cases the
// Python core runs (tests/data/next_speakers_cases.json; tests/unit/sessions/test_next_speakers.py).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const kit = require("../../static/js/live-rules.js");
const data = JSON.parse(readFileSync(new URL("../data/next_speakers_cases.json", import.meta.url), "utf8"));

for (const c of data.cases) {
  test(`nextSpeakers: ${c.name}`, () => {
    assert.deepEqual(kit.nextSpeakers(data.slots, c.slot, c.queue), c.expected);
  });
}

test("describeSpeaker: an assigned person, never 'to be determined'; the open discussion named", () => {
  const labels = { tbd: "to be determined", request: "Floor request", point_of_order: "Point of order",
                   open_discussion: "Open discussion" };
  const slots = { a: { role: "Representative of State A", speaker: "Ambassador Laila Odeh", tbd: false },
                  b: { role: "Representative of State B", speaker: null, tbd: true },
                  d: { role: "Open discussion", speaker: null, tbd: false, kind: "discussion" } };
  assert.deepEqual(kit.describeSpeaker({ kind: "slot", slot: "a" }, slots, labels),
                   { role: "Representative of State A", name: "Ambassador Laila Odeh", language: null, tbd: false });
  assert.equal(kit.describeSpeaker({ kind: "slot", slot: "b" }, slots, labels).name, "to be determined");
  assert.deepEqual(kit.describeSpeaker({ kind: "discussion", slot: "d" }, slots, labels),
                   { role: "Open discussion", name: "", language: null });
  assert.deepEqual(kit.describeSpeaker({ kind: "request", entry: "q5", name: "Mr Omar Said", delegation: "Egypt",
                                         language: "ar", priority: "point_of_order" }, slots, labels),
                   { role: "Point of order", name: "Mr Omar Said (Egypt)", language: "ar" });
});
