// The interpreter booth view: floor language and this booth's mode, the current speaker with time
// left, the next speakers, the speech text, "slow down", the booth switch and the turn timer.
//
// Rendered from the session's STATE (channels, slot, timer, and the queue when present) and the
// clock offset; the server sends nothing per second. Speech texts are fetched over HTTP with the
// page's link when the slot changes (GET .../slots/<slot>/speech-text).
(function () {
  "use strict";

  var cfg = Minbar.config();
  var labels = cfg.labels || {};
  var h = Minbar.channels.helpers(cfg.channels);
  var L = h.L;
  var session = Minbar.startLive(cfg);

  var $ = function (id) { return document.getElementById(id); };
  // The turn clock's amber threshold is configuration (MINBAR_BOOTH_TURN_WARN_S), rendered on it.
  var turnWarnS = Number($("turn-clock").getAttribute("data-warn-s")) || 0;
  var index = {};
  cfg.slots.forEach(function (slot, i) { index[slot.id] = i; });
  var showing = "current";        // which slot's text: the current one or the next one
  var textCache = {};             // "slot@revision" or "slot" -> {text, revision, uploaded_by} | null

  function say(node, ack) {
    node.textContent = ack.ok ? "" : ((cfg.errors || {})[ack.error.code] || ack.error.message);
    return ack;
  }

  function myBooth(state) {
    return (state.channels.booths || []).filter(function (b) { return b.language === cfg.booth; })[0];
  }

  function setSlotLine(node, slot) {
    node.querySelector('[data-field="role"]').textContent = slot ? slot.role : "";
    node.querySelector('[data-field="speaker"]').textContent = slot ? (slot.speaker || (slot.tbd ? labels.tbd || "" : "")) : "";
    var language = node.querySelector('[data-field="language"]');
    // The language's name is in the reader's language: it keeps the page's own `lang`.
    language.textContent = slot && slot.language ? h.name(slot.language) : "";
  }

  // The same next speakers as the stage, the console and the live view (STATE `speakers`,
  // sessions/live/next_speakers.py): a point of order first, the open discussion's queue during it,
  // the planned slots after; a slot with an uploaded speech text is marked.
  function renderNext(state) {
    var list = $("next-list");
    Minbar.renderSpeakers(list, Minbar.speakersOf(state, cfg).next, cfg, h.name, L.nobody_next || labels.nobody_next,
                          { nameLang: false });
    list.querySelectorAll("[data-slot]").forEach(function (item) {
      if (!(cfg.texts && cfg.texts[item.getAttribute("data-slot")])) { return; }
      var mark = document.createElement("span");
      mark.className = "has-text";
      mark.textContent = "✎";
      mark.setAttribute("aria-hidden", "true");
      item.appendChild(mark);
    });
  }

  var lastSlot = null;

  function render(state) {
    var c = state.channels;
    if (state.slot !== lastSlot) { textCache = {}; lastSlot = state.slot; }   // texts may have been updated
    var floor = $("booth-floor");
    floor.textContent = h.name(c.floor);
    $("booth-floor-source").textContent = h.sourceText(c.floor_source);
    document.querySelectorAll("[data-floor]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-floor") === c.floor));
    });
    var mine = myBooth(state);
    if (mine) {
      var mode = $("booth-mode");
      mode.textContent = h.modeText(mine, c.floor);
      mode.className = "channel-mode mode-" + mine.mode + (mine.on ? "" : " is-off");
      mode.setAttribute("data-mode", mine.mode);
      mode.setAttribute("data-via", mine.via || "");
      var toggle = $("booth-toggle");
      toggle.setAttribute("aria-pressed", String(mine.on));
      toggle.textContent = mine.on ? L.switch_off : L.switch_on;
      var onair = $("booth-onair");
      onair.textContent = mine.on ? L.booth_on : L.booth_off;
      onair.setAttribute("data-on", String(mine.on));
    }
    h.renderWarnings($("booth-warnings"), c);
    setSlotLine($("current-slot"), cfg.slots[index[state.slot]]);
    var speaking = state.queue && state.queue.speaking;
    var intervention = $("booth-intervention");
    intervention.hidden = !speaking;
    intervention.textContent = "";
    if (speaking) {
      // "Intervention from the floor: Amal Haddad (Jordan) · Arabic", the name isolated.
      Minbar.fillInto(intervention, Minbar.labelled(L.intervention, "%(name)s"), {
        name: speaking.name + (speaking.delegation ? " (" + speaking.delegation + ")" : "") });
      if (speaking.language) { intervention.appendChild(document.createTextNode(" · " + h.name(speaking.language))); }
    }
    renderNext(state);
    showText();
    tick();
  }

  // -- speech texts ---------------------------------------------------------------------------

  function textSlot() {
    var state = session.state;
    if (!state) { return null; }
    var i = index[state.slot];
    var slot = showing === "next" ? cfg.slots[(i === undefined ? -1 : i) + 1] : cfg.slots[i];
    return slot || null;
  }

  function fetchText(slotId) {
    var url = cfg.speech_text_url.replace("__slot__", encodeURIComponent(slotId));
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 204) { return null; }   // no text for this slot yet
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      });
  }

  function showText() {
    var slot = textSlot();
    $("text-current").setAttribute("aria-pressed", String(showing === "current"));
    $("text-next").setAttribute("aria-pressed", String(showing === "next"));
    var body = $("speech-text-body"), meta = $("speech-text-meta");
    if (!slot) { body.textContent = L.no_text; meta.textContent = ""; return; }
    var wanted = slot.id;
    body.setAttribute("data-slot", wanted);
    function paint(found) {
      if (body.getAttribute("data-slot") !== wanted) { return; }   // the slot moved on meanwhile
      Minbar.fillInto(meta, L.text_of + (found ? " · " + L.text_revision : ""),
                      { slot: slot.role, revision: found && found.revision, name: found && found.uploaded_by });
      body.textContent = found ? found.text : L.no_text;
    }
    if (Object.prototype.hasOwnProperty.call(textCache, wanted)) { paint(textCache[wanted]); return; }
    fetchText(wanted).then(function (found) { textCache[wanted] = found; paint(found); },
                           function () { paint(null); });
  }

  $("text-current").addEventListener("click", function () { showing = "current"; showText(); });
  $("text-next").addEventListener("click", function () { showing = "next"; showText(); });

  // -- clocks ---------------------------------------------------------------------------------

  function tick() {
    var state = session.state;
    if (!state) { return; }
    var countdown = $("countdown");
    Minbar.renderCountdown(countdown, session);

    var turn = (state.channels.turns || {})[cfg.booth];
    var clock = $("turn-clock"), status = $("turn-status");
    if (!turn) {
      clock.textContent = "–";
      status.textContent = L.turn_none;
      status.removeAttribute("data-words");
      clock.classList.remove("phase-overrun", "phase-warning");
    } else {
      var left = turn.started_at + turn.turn_s * 1000 - session.serverNow();
      Minbar.setPhase(clock, Minbar.phase(left, turnWarnS));
      clock.textContent = Minbar.formatClock(left);
      var line = left > 0 ? h.fill(L.turn_left, { time: Minbar.formatClock(left) })
                          : h.fill(L.turn_over, { time: Minbar.formatClock(left).replace("+", "") });
      // The interpreter's name isolated in the sentence; redrawn only when the words change.
      var words = turn.interpreter ? line + " · " + Minbar.fill(L.turn_by, { name: turn.interpreter }) : line;
      if (status.getAttribute("data-words") !== words) {
        status.setAttribute("data-words", words);
        if (turn.interpreter) { Minbar.fillInto(status, line + " · " + L.turn_by, { name: turn.interpreter }); }
        else { status.textContent = line; }
      }
    }

    var banner = $("booth-slowdown");
    var text = h.slowdownText(state.channels, session, cfg.slowdown_s);
    banner.hidden = !text;
    Minbar.setText(banner, text);
  }

  // -- actions --------------------------------------------------------------------------------

  $("booth-toggle").addEventListener("click", function () {
    var on = this.getAttribute("aria-pressed") !== "true";
    session.send("channel", { action: "booth", booth: cfg.booth, on: on }).then(function (ack) { say($("booth-feedback"), ack); });
  });

  document.querySelectorAll("[data-floor]").forEach(function (button) {
    button.addEventListener("click", function () {
      session.send("channel", { action: "floor", language: button.getAttribute("data-floor") })
        .then(function (ack) { say($("booth-feedback"), ack); });
    });
  });

  $("btn-slowdown").addEventListener("click", function () {
    session.send("channel", { action: "slowdown", booth: cfg.booth }).then(function (ack) {
      say($("slowdown-feedback"), ack);
      if (ack.ok) { $("slowdown-feedback").textContent = L.slowdown_sent; }
    });
  });

  $("handover-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var payload = { action: "handover", booth: cfg.booth };
    var name = $("handover-name").value.trim();
    var minutes = parseInt($("handover-minutes").value, 10);
    if (name) { payload.interpreter = name; }
    if (!isNaN(minutes)) { payload.minutes = minutes; }
    session.send("channel", payload).then(function (ack) {
      say($("turn-feedback"), ack);
      if (ack.ok) { $("turn-feedback").textContent = L.handed_over; $("handover-name").value = ""; }
    });
  });

  session.onState(render);
  setInterval(tick, 250);
})();
