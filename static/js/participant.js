// The participant live view: who speaks, time left, who is next, and the rest of the day.
//
// The day's projected times are first computed on the server (timing/drift.py `project`); this
// page keeps them current as time passes with the same rule, fed by this session's STATE
// (`started`), so a page left open all day stays right without asking the server again.
(function () {
  "use strict";

  var page = Minbar.livePage();
  var cfg = page.cfg, labels = page.labels, session = page.session, $ = page.$;
  var countdown = $("countdown");
  var index = {};
  cfg.slots.forEach(function (slot, i) { index[slot.id] = i; });

  var fill = Minbar.fill;

  var slots = {};
  cfg.slots.forEach(function (slot) { slots[slot.id] = slot; });
  var languageNames = {};
  cfg.slots.forEach(function (slot) { if (slot.language) { languageNames[slot.language] = slot.language_name; } });

  // `shown`: Minbar.describeSpeaker's {role, name, language} (an assigned person, never "to be
  // determined"; the open discussion named as such).
  function setLine(node, shown, fallback) {
    node.querySelector('[data-field="role"]').textContent = shown ? shown.role : (fallback || "");
    node.querySelector('[data-field="speaker"]').textContent = shown ? shown.name : "";
    var language = node.querySelector('[data-field="language"]');
    language.textContent = shown && shown.language ? (languageNames[shown.language] || shown.language) : "";
    if (shown && shown.language) { language.setAttribute("lang", shown.language); } else { language.removeAttribute("lang"); }
  }

  function renderState(state) {
    var slot = cfg.slots[index[state.slot]];
    setLine($("current-slot"), slot ? Minbar.describeSpeaker({ kind: slot.kind === "discussion" ? "discussion" : "slot", slot: slot.id }, slots, labels) : null);
    // The same "next" as the stage, the booth and the console (STATE `speakers`).
    setLine($("next-slot"), Minbar.describeSpeaker(Minbar.speakersOf(state, cfg).next[0], slots, labels), labels.nobody_next);
    // In an open discussion the queue says who has the floor (when the queue feature is present).
    var floor = $("floor-holder"), speaking = state.queue && state.queue.speaking;
    floor.hidden = !speaking;
    floor.textContent = speaking ? Minbar.labelled(labels.floor, speaking.name) + (speaking.delegation ? " (" + speaking.delegation + ")" : "") : "";
    var started = state.started && state.started.started_at;
    var badge = $("session-status");
    badge.textContent = started ? labels.live : labels.not_started;
    badge.className = "badge " + (started ? "badge-now" : "badge-later");
    countdown.setAttribute("data-status", state.timer.status);
    if (started) { Minbar.markStarted(cfg.day, cfg.session, started); }
    tick();
    renderDay();
  }

  function tick() {
    var state = session.state;
    if (!state) { return; }
    Minbar.renderCountdown(countdown, session);
  }

  function renderDay() {
    // timing/drift.py project(), over the items that run from a console (breaks and registration
    // absorb delay and keep their planned times).
    var projected = {};
    Minbar.project(cfg.day.filter(function (e) { return !e.absorbs; }), session.serverNow()).forEach(function (p) {
      projected[p.id] = { start: p.projected_start, delay: p.delay_s * 1000 };
    });
    document.querySelectorAll("#day-list [data-item]").forEach(function (li) {
      var p = projected[li.getAttribute("data-item")], node = li.querySelector("[data-projected]");
      if (!p || !node) { return; }
      node.hidden = Math.abs(p.delay) < 60000;
      node.textContent = fill(labels.expected, { time: Minbar.clockTime(p.start, cfg.zone) });
    });
  }

  session.onState(renderState);
  setInterval(tick, 250);
  setInterval(renderDay, 30000);
})();
