// The participant live view: who speaks, time left, who is next, and the rest of the day.
//
// The day's projected times are first computed on the server (timing/drift.py `project`); this
// page keeps them current as time passes with the same rule, fed by this session's STATE
// (`started`), so a page left open all day stays right without asking the server again.
(function () {
  "use strict";

  var cfg = Minbar.config();
  var labels = cfg.labels;
  var session = Minbar.startLive(cfg);

  var $ = function (id) { return document.getElementById(id); };
  var countdown = $("countdown");
  var index = {};
  cfg.slots.forEach(function (slot, i) { index[slot.id] = i; });
  var timeFormat = new Intl.DateTimeFormat(cfg.lang + "-u-nu-latn", { hour: "2-digit", minute: "2-digit", timeZone: cfg.zone });

  function fill(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_m, name) { return values[name]; });
  }

  function setSlotLine(node, slot, fallback) {
    node.querySelector('[data-field="role"]').textContent = slot ? slot.role : (fallback || "");
    node.querySelector('[data-field="speaker"]').textContent = slot ? (slot.speaker || labels.tbd) : "";
    var language = node.querySelector('[data-field="language"]');
    language.textContent = slot ? slot.language_name : "";
    if (slot && slot.language) { language.setAttribute("lang", slot.language); } else { language.removeAttribute("lang"); }
  }

  function renderState(state) {
    var i = index[state.slot];
    setSlotLine($("current-slot"), cfg.slots[i]);
    setSlotLine($("next-slot"), cfg.slots[i + 1], labels.no_next);
    // In an open discussion the queue says who has the floor (when the queue feature is present).
    var floor = $("floor-holder"), speaking = state.queue && state.queue.speaking;
    floor.hidden = !speaking;
    floor.textContent = speaking ? labels.floor + ": " + speaking.name + (speaking.delegation ? " (" + speaking.delegation + ")" : "") : "";
    var started = state.started && state.started.started_at;
    var badge = $("session-status");
    badge.textContent = started ? labels.live : labels.not_started;
    badge.className = "badge " + (started ? "badge-now" : "badge-later");
    countdown.setAttribute("data-status", state.timer.status);
    if (started) { markStarted(started); }
    tick();
    renderDay();
  }

  // This session has started: an earlier item still open has ended then (sessions run one after
  // another), as sessions/live_pages.py planned_items() says.
  function markStarted(started) {
    var run = cfg.day.filter(function (e) { return !e.absorbs; });
    run.forEach(function (entry, i) {
      if (entry.id !== cfg.session || entry.actual_start) { return; }
      entry.actual_start = started;
      run.slice(0, i).forEach(function (earlier) {
        if (earlier.actual_start !== null && earlier.actual_end === null) {
          earlier.actual_end = Math.max(started, earlier.actual_start);
        }
      });
    });
  }

  function tick() {
    var state = session.state;
    if (!state) { return; }
    var remaining = session.timerRemaining();
    countdown.textContent = Minbar.formatClock(remaining);
    countdown.setAttribute("data-remaining-ms", String(Math.round(remaining)));
    var phase = remaining <= 0 ? "overrun" : remaining <= state.timer.warn_s * 1000 ? "warning" : "normal";
    ["normal", "warning", "overrun"].forEach(function (p) { countdown.classList.toggle("phase-" + p, p === phase); });
  }

  // The rule of timing/drift.py project(), over the items that run from a console (breaks and
  // registration absorb delay and keep their planned times).
  function project(items, now) {
    var previousEnd = null, out = {};
    items.forEach(function (item) {
      var duration = item.planned_end - item.planned_start, start, end;
      if (item.actual_end !== null) { start = item.actual_start; end = item.actual_end; }
      else if (item.actual_start !== null) { start = item.actual_start; end = Math.max(start + duration, now); }
      else {
        start = item.planned_start;
        if (previousEnd !== null && previousEnd > start) { start = previousEnd; }
        end = start + duration;
      }
      out[item.id] = { start: start, end: end, delay: start - item.planned_start };
      previousEnd = end;
    });
    return out;
  }

  function renderDay() {
    var projected = project(cfg.day.filter(function (e) { return !e.absorbs; }), session.serverNow());
    document.querySelectorAll("#day-list [data-item]").forEach(function (li) {
      var p = projected[li.getAttribute("data-item")], node = li.querySelector("[data-projected]");
      if (!p || !node) { return; }
      node.hidden = Math.abs(p.delay) < 60000;
      node.textContent = fill(labels.expected, { time: timeFormat.format(new Date(p.start)) });
    });
  }

  var indicator = $("live-connection");
  session.onStatus(function (status) {
    indicator.setAttribute("data-status", status);
    indicator.querySelector(".live-connection-text").textContent = labels[status] || status;
  });
  session.onState(renderState);
  setInterval(tick, 250);
  setInterval(renderDay, 30000);
})();
