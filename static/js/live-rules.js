// The live kit's rules, the ones the server also applies: `phase` (timing/timer.py phase: a
// 0-second warning means "never amber"), `remainingMs`, `project` and `projectSlots`
// (timing/drift.py), `formatClock`, `fill` (%(name)s strings, the one fill of the pages) and the
// clock offset's `clockBase`, clock times in the locale's pattern (`formatTime`), what a countdown
// announces (`phaseNotice`), the console's shortcuts (`shortcutFor`, `shortcutKeys`), and who speaks next (`nextSpeakers`, `describeSpeaker`:
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

  // A clock time in the locale's own pattern: babel's short time format, which the server renders
  // with and sends to the pages (conference/live_kit.py `time_format`: {pattern, am, pm}), so the
  // Arabic "11:15 ص" keeps its marker where the locale puts it. `hour` 0-23 and `minute` are the
  // time in the zone wanted (live.js Minbar.clockTime finds them). Fields of short time patterns:
  // H HH h hh K KK k kk m mm a, quoted literals; digits are Latin, as babel writes them.
  function pad(value, width) {
    var text = String(value);
    while (text.length < width) { text = "0" + text; }
    return text;
  }
  function timeField(letter, width, hour, minute, format) {
    if (letter === "H") { return pad(hour, width); }
    if (letter === "h") { return pad(hour % 12 || 12, width); }
    if (letter === "K") { return pad(hour % 12, width); }
    if (letter === "k") { return pad(hour || 24, width); }
    if (letter === "m") { return pad(minute, width); }
    if (letter === "a" || letter === "b" || letter === "B") { return hour < 12 ? format.am : format.pm; }
    return "";
  }
  function formatTime(format, hour, minute) {
    var pattern = (format && format.pattern) || "HH:mm", out = "", i = 0;
    while (i < pattern.length) {
      var ch = pattern.charAt(i);
      if (ch === "'") {
        var end = pattern.indexOf("'", i + 1);
        if (end === i + 1) { out += "'"; i += 2; continue; }        // '' is a quote
        if (end < 0) { end = pattern.length; }
        out += pattern.slice(i + 1, end);
        i = end + 1;
        continue;
      }
      var j = i;
      while (j < pattern.length && pattern.charAt(j) === ch) { j++; }
      out += /[A-Za-z]/.test(ch) ? timeField(ch, j - i, hour, minute, format) : pattern.slice(i, j);
      i = j;
    }
    return out;
  }

  // What a countdown announces to screen readers as it moves (never its seconds): "warning" and
  // "overrun" once per slot, however the phase is reached (the limit passing, "one minute less",
  // any adjustment, while running, paused or idle); nothing for a page opened, or a slot entered,
  // already in that phase; a reset (the timer back to idle) re-arms both. An overrun said also
  // silences a later warning ("one minute more" out of it). `memory` is null at first; each call
  // returns {memory, say: null | "warning" | "overrun"}.
  function phaseNotice(memory, slot, p, status) {
    var said = {}, say = null;
    if (!memory || memory.slot !== slot) {
      if (p !== "normal") { said[p] = true; }
      if (p === "overrun") { said.warning = true; }
    } else {
      if (!(status === "idle" && memory.status !== "idle")) { said = Object.assign({}, memory.said); }
      if (p !== "normal" && !said[p]) {
        say = p;
        said[p] = true;
        if (p === "overrun") { said.warning = true; }
      }
    }
    return { memory: { slot: slot, status: status, said: said }, say: say };
  }

  // The console's keyboard shortcuts (WCAG 2.1.4: they can be switched off, and are off until the
  // chair chooses): mode "off", "keys" (single keys) or "alt-shift" (the same keys with Alt+Shift,
  // matched by physical key, since Alt+Shift changes what a key types). `event` is a keydown's
  // {key, code, altKey, shiftKey, ctrlKey, metaKey}; `rtl` mirrors the arrows (the Next button sits
  // on the left of a right-to-left page). Returns the command: toggle, next, prev, plus, minus,
  // reset, or null.
  var SHORTCUT_MODES = ["off", "keys", "alt-shift"];
  function shortcutFor(mode, event, rtl) {
    var key = event.key, code = event.code;
    var forward = rtl ? "ArrowLeft" : "ArrowRight", back = rtl ? "ArrowRight" : "ArrowLeft";
    if (mode === "keys") {
      if (event.ctrlKey || event.altKey || event.metaKey) { return null; }
      if (key === " " || code === "Space") { return "toggle"; }
      if (key === forward || key === "PageDown") { return "next"; }
      if (key === back || key === "PageUp") { return "prev"; }
      if (key === "+" || key === "=" || code === "NumpadAdd") { return "plus"; }
      if (key === "-" || key === "_" || code === "NumpadSubtract") { return "minus"; }
      if (key === "r" || key === "R" || code === "KeyR") { return "reset"; }
      return null;
    }
    if (mode === "alt-shift") {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) { return null; }
      if (code === "Space") { return "toggle"; }
      if (code === forward || code === "PageDown") { return "next"; }
      if (code === back || code === "PageUp") { return "prev"; }
      if (code === "Equal" || code === "NumpadAdd") { return "plus"; }
      if (code === "Minus" || code === "NumpadSubtract") { return "minus"; }
      if (code === "KeyR") { return "reset"; }
    }
    return null;
  }

  // Each command's keys in `mode`, as aria-keyshortcuts writes them ("Alt+Shift+Space"); none
  // when shortcuts are off.
  function shortcutKeys(mode, rtl) {
    if (mode !== "keys" && mode !== "alt-shift") { return {}; }
    var keys = { toggle: ["Space"], next: [rtl ? "ArrowLeft" : "ArrowRight", "PageDown"],
                 prev: [rtl ? "ArrowRight" : "ArrowLeft", "PageUp"], plus: ["Plus"], minus: ["-"], reset: ["R"] };
    var prefix = mode !== "alt-shift" ? "" : "Alt+Shift+";
    var out = {};
    Object.keys(keys).forEach(function (name) {
      out[name] = keys[name].map(function (k) { return prefix + k; }).join(" ");
    });
    return out;
  }

  var kit = { nextSpeakers: nextSpeakers, describeSpeaker: describeSpeaker, formatClock: formatClock, phase: phase, remainingMs: remainingMs, fill: fill, project: project,
              projectSlots: projectSlots, markStarted: markStarted, clockBase: clockBase, formatTime: formatTime,
              phaseNotice: phaseNotice, shortcutFor: shortcutFor, shortcutKeys: shortcutKeys,
              SHORTCUT_MODES: SHORTCUT_MODES };

  if (typeof module !== "undefined" && module.exports) { module.exports = kit; }
  var Minbar = global.Minbar = global.Minbar || {};
  Object.keys(kit).forEach(function (name) { Minbar[name] = kit[name]; });
})(typeof window !== "undefined" ? window : globalThis);
