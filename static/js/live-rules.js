// The live kit's rules, the ones the server also applies: `phase` (timing/timer.py phase: a
// 0-second warning means "never amber"), `remainingMs`, `project` and `projectSlots`
// (timing/drift.py), `formatClock`, `fill` (%(name)s strings, the one fill of the pages) and the
// clock offset's `clockBase`, and who speaks next (`nextSpeakers`, `describeSpeaker`:
// sessions/live/next_speakers.py). Pure, and tested in Node against the same cases as the Python
// (tests/data/timing_cases.json, tests/js/live_kit.test.mjs). static/js/live.js builds the live
// pages' connection on them; every page that loads live.js loads this first.
(function (global) {
  "use strict";

  // "4:59", "0:07", overtime as "+0:42".
  function formatClock(ms) {
    var over = ms < 0;
    var total = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
    var m = Math.floor(total / 60), s = total % 60;
    return (over ? "+" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }

  // "overrun" from the limit on, "warning" in the last warn_s seconds (0: never amber), else "normal".
  function phase(remainingMs, warnS) {
    var warn = typeof warnS === "number" && isFinite(warnS) ? Math.max(0, warnS) : 0;
    if (remainingMs <= 0) { return "overrun"; }
    if (remainingMs <= warn * 1000) { return "warning"; }
    return "normal";
  }

  // The timer's remaining ms at server instant `serverNow`, from a STATE (elapsed_ms as of its
  // server_time; while running, time goes on from there): timing/timer.py remaining_ms.
  function remainingMs(state, serverNow) {
    var t = state && state.timer;
    if (!t) { return 0; }
    var elapsed = t.elapsed_ms;
    if (t.status === "running") { elapsed += Math.max(0, serverNow - state.server_time); }
    return t.limit_s * 1000 - elapsed;
  }

  // A translated string with %(name)s placeholders filled in (a missing value gives "").
  function fill(text, values) {
    values = values || {};
    return String(text === undefined || text === null ? "" : text).replace(/%\((\w+)\)s/g, function (_m, name) {
      var value = values[name];
      return value === undefined || value === null ? "" : String(value);
    });
  }

  // The rule of timing/drift.py project(), instants in Unix ms: each item (in agenda order, with
  // planned_start/planned_end and actual_start/actual_end or null) gets its projected start and end.
  // Ended: its actual times; running: from its actual start for its planned length, or until now if
  // it runs past that; not started: its planned start, or the previous item's projected end if
  // later. delay_s is truncated toward zero, as in Python.
  function project(items, now) {
    var previousEnd = null;
    return items.map(function (item) {
      var duration = item.planned_end - item.planned_start, start, end;
      if (item.actual_end !== null && item.actual_end !== undefined) {
        start = item.actual_start; end = item.actual_end;
      } else if (item.actual_start !== null && item.actual_start !== undefined) {
        start = item.actual_start; end = Math.max(start + duration, now);
      } else {
        start = item.planned_start;
        if (previousEnd !== null && previousEnd > start) { start = previousEnd; }
        end = start + duration;
      }
      previousEnd = end;
      return { id: item.id, projected_start: start, projected_end: end,
               delay_s: Math.trunc((start - item.planned_start) / 1000) || 0 };   // never -0
    });
  }

  // Where the session's remaining slots take it (timing/drift.py project_slots), in Unix ms:
  // `current` is the current slot's timer {status, limit_s, remaining_ms} or null; the current
  // speaker takes their time left (a whole limit if not started), then each later slot its limit,
  // from now or the scheduled start, whichever is later. over_ms < 0 is time to spare.
  function projectSlots(nowMs, startsAt, endsAt, current, laterLimitsS) {
    var rest = 0;
    if (current) {
      var left = current.status === "idle" ? current.limit_s * 1000 : current.remaining_ms;
      rest = Math.max(0, left);
      laterLimitsS.forEach(function (limit) { rest += limit * 1000; });
    }
    var projectedEnd = Math.max(nowMs, startsAt) + rest;
    return { projected_end: projectedEnd, over_ms: projectedEnd - endsAt };
  }

  // This session has started at `started` (Unix ms): an earlier item still open has ended then
  // (sessions run one after another; sessions/live/pages.py planned_items says the same).
  function markStarted(day, session, started) {
    var run = day.filter(function (e) { return !e.absorbs; });
    run.forEach(function (entry, i) {
      if (entry.id !== session || entry.actual_start) { return; }
      entry.actual_start = started;
      run.slice(0, i).forEach(function (earlier) {
        if (earlier.actual_start !== null && earlier.actual_end === null) {
          earlier.actual_end = Math.max(started, earlier.actual_start);
        }
      });
    });
    return day;
  }

  function median(values) {
    var sorted = values.slice().sort(function (a, b) { return a - b; });
    var mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  // From clock round trips {sent, received, server_time} (sent/received on the monotonic clock),
  // the server time at monotonic instant 0: the median of the fastest half (least network noise).
  function clockBase(samples) {
    if (!samples.length) { return null; }
    var sorted = samples.slice().sort(function (a, b) { return (a.received - a.sent) - (b.received - b.sent); });
    var best = sorted.slice(0, Math.max(1, Math.ceil(sorted.length / 2)));
    return median(best.map(function (s) { return s.server_time - (s.sent + s.received) / 2; }));
  }

  // Who speaks now and the next three: the rule of sessions/live/next_speakers.py, which the server
  // publishes as STATE `speakers` (tests/data/next_speakers_cases.json runs both). `slots` are
  // [{id, kind}] in order, `current` the current slot id, `queue` STATE's queue or null.
  var NEXT = 3, PRIORITIES = { point_of_order: 1, right_of_reply: 1 };
  function slotEntry(slot) { return { kind: slot.kind === "discussion" ? "discussion" : "slot", slot: slot.id }; }
  function requestEntry(e) {
    return { kind: "request", entry: e.id, name: e.name || "", delegation: e.delegation || "",
             language: e.language === undefined ? null : e.language, priority: e.priority || "ordinary" };
  }
  function nextSpeakers(slots, current, queue) {
    queue = queue || {};
    var waiting = queue.entries || [];
    var index = -1;
    slots.forEach(function (slot, i) { if (slot.id === current) { index = i; } });
    var here = index >= 0 ? slots[index] : null;
    var now = queue.speaking ? requestEntry(queue.speaking) : (here ? slotEntry(here) : null);
    var ordinary = waiting.filter(function (e) { return !PRIORITIES[e.priority]; }).map(requestEntry);
    var upcoming = waiting.filter(function (e) { return PRIORITIES[e.priority]; }).map(requestEntry);
    var inDiscussion = !!here && here.kind === "discussion";
    if (inDiscussion) { upcoming = upcoming.concat(ordinary); }
    var later = slots.slice(index >= 0 ? index + 1 : 0);
    for (var i = 0; i < later.length && upcoming.length < NEXT; i++) {
      upcoming.push(slotEntry(later[i]));
      if (later[i].kind === "discussion" && !inDiscussion) { upcoming = upcoming.concat(ordinary); ordinary = []; }
    }
    return { current: now, next: upcoming.slice(0, NEXT) };
  }

  // What a page shows for one entry of `speakers`: {role, name, language}. `slotsById` are the
  // page's slots in its reader's language ({role, speaker, kind, tbd, language}); `labels` its
  // texts (tbd, request, point_of_order, right_of_reply, open_discussion). An assigned person
  // replaces "to be determined"; an open discussion is named as such, with no speaker. `tbd`
  // says a planned slot has nobody yet (a one-line "Next:" then names the role).
  function describeSpeaker(entry, slotsById, labels) {
    if (!entry) { return null; }
    if (entry.kind === "request") {
      return { role: labels[entry.priority] || labels.request || "", language: entry.language || null,
               name: entry.name + (entry.delegation ? " (" + entry.delegation + ")" : "") };
    }
    var slot = slotsById[entry.slot] || {};
    if (entry.kind === "discussion") {
      return { role: slot.role || labels.open_discussion || "", name: "", language: null };
    }
    var tbd = !slot.speaker && slot.tbd !== false;
    return { role: slot.role || "", name: slot.speaker || (tbd ? labels.tbd || "" : ""),
             language: slot.language || null, tbd: tbd };
  }

  var kit = { nextSpeakers: nextSpeakers, describeSpeaker: describeSpeaker, formatClock: formatClock, phase: phase, remainingMs: remainingMs, fill: fill, project: project,
              projectSlots: projectSlots, markStarted: markStarted, clockBase: clockBase };

  if (typeof module !== "undefined" && module.exports) { module.exports = kit; }
  var Minbar = global.Minbar = global.Minbar || {};
  Object.keys(kit).forEach(function (name) { Minbar[name] = kit[name]; });
})(typeof window !== "undefined" ? window : globalThis);
