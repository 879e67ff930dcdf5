// The chair console: controls send commands; the display follows the session's STATE.
//
// Nothing here counts on its own: the countdown, the session clock and the projected overrun are
// computed from the last STATE and the offset to the server's clock (Minbar.LiveSession), redrawn
// four times a second with no server traffic.
//
// Keyboard shortcuts are off until the chair picks a set (single keys, or the same with Alt+Shift;
// docs/console.md, Minbar.shortcutFor): Space start / pause / resume; ArrowRight/Left next /
// previous (mirrored on a right-to-left page, where "next" is to the left); PageDown/PageUp next /
// previous in either direction (presentation clickers); + / - one minute more / less; R reset (a
// running timer asks for a second press; Undo follows). Never while typing in a field.
(function () {
  "use strict";

  var cfg = Minbar.config();
  var labels = cfg.labels, errors = cfg.errors;
  var rtl = cfg.dir === "rtl";
  var session = Minbar.startLive(cfg);

  var $ = function (id) { return document.getElementById(id); };
  var countdown = $("countdown"), feedback = $("console-feedback");
  var slotIndex = {};
  cfg.slots.forEach(function (slot, i) { slotIndex[slot.id] = i; });
  var fill = Minbar.fill, T = Minbar.text;

  // The working row's lists scroll inside what the screen leaves under the headers, however tall
  // those wrap (a long title, a large text size, a rehearsal banner): --console-top is where the
  // row starts (static/css/live.css).
  var layout = document.querySelector(".console-layout");
  function fitWorkingRow() {
    if (!layout) { return; }
    var top = layout.getBoundingClientRect().top + window.pageYOffset;
    document.documentElement.style.setProperty("--console-top", Math.round(top) + "px");
  }
  fitWorkingRow();
  window.addEventListener("resize", fitWorkingRow);

  function say(text, code) {
    feedback.textContent = text || "";
    feedback.setAttribute("data-code", code || "");
  }

  // What a `stale` refusal means, from the state the console showed and the one now current.
  function staleText(before, after) {
    if (before && after && before.slot !== after.slot) {
      return T(slotIndex[after.slot] > slotIndex[before.slot] ? "stale_next" : "stale_prev") || T("stale");
    }
    if (before && after && JSON.stringify(before.timer) !== JSON.stringify(after.timer)) { return T("stale_timer") || T("stale"); }
    return T("stale");
  }

  // Another console moved the slot or the timer a moment ago (sessions/live/handover.py): say who did
  // what, in the reader's language, and offer to send the same command again with `force`.
  var forceButton = $("btn-force"), forced = null;
  // Who did it is a name inside the sentence: isolated (<bdi>) in the feedback line.
  function sayJustChanged(error) {
    var key = "jc_" + String(error.action || "").replace(".", "_");
    var who = error.by || labels.another_console;
    say("");
    Minbar.fillInto(feedback, labels[key] || labels.jc_timer, { who: who });
  }
  function offerForce(event, payload) {
    forced = { event: event, payload: payload };
    forceButton.hidden = false;
  }
  function withdrawForce() {
    forced = null;
    forceButton.hidden = true;
  }
  forceButton.addEventListener("click", function () {
    var again = forced;
    withdrawForce();
    if (again) { send(again.event, Object.assign({}, again.payload, { force: true }), { force: true }); }
  });

  // The same console pressing the same control twice within a second, with nothing else pressed
  // in between, sends once: a double click or a bouncing clicker is one press, never two speakers
  // skipped. (Start, pause, start again is three presses.)
  var PRESS_MS = 1000, lastPress = { key: null, at: 0 };
  function repeated(event, payload) {
    var key = event + ":" + payload.action + ":" + (payload.slot || "") + ":" + (payload.seconds || "");
    var at = Date.now(), again = key === lastPress.key && at - lastPress.at < PRESS_MS;
    lastPress = { key: key, at: at };
    return (event === "slot" || event === "timer") && again;
  }

  // Every command carries `expect`: the STATE version the chair acted on (a message to the
  // speaker, typed over a while, does not: a queue request meanwhile would make it stale). A stale one is refused
  // with the current STATE, which the console then shows with a word on what happened.
  function send(event, payload, options) {
    if (!(options && options.force) && repeated(event, payload)) { return Promise.resolve({ ok: true, repeated: true }); }
    say("");
    withdrawForce();
    var before = session.state;
    var body = Object.assign({}, payload);
    if (before && !(options && options.noExpect)) { body.expect = before.version; }
    return session.send(event, body).then(function (ack) {
      if (!ack.ok) {
        var error = ack.error || {};
        if (error.code === "stale") {
          if (error.state) { session.accept(error.state); }
          say(staleText(before, error.state || session.state));
        } else if (error.code === "just_changed") {
          if (error.state) { session.accept(error.state); }
          sayJustChanged(error);
          offerForce(event, payload);
        } else {
          say(errors[error.code] || error.message || T(error.code), error.code);
        }
      }
      return ack;
    });
  }

  // -- undo ----------------------------------------------------------------------------------
  // After Reset, Next, Previous and Go to, "Undo" is offered for a few seconds while STATE `undo`
  // says the server can still take the command back (nothing changed since, within 60 s). It
  // sends `undo` with the version the chair sees, so it never undoes something else.

  var UNDO_MS = 10000, UNDOABLE = { "timer.reset": 1, "slot.next": 1, "slot.prev": 1, "slot.goto": 1 };
  var undoButton = $("btn-undo"), undoSeen = { version: null, at: 0 };
  function renderUndo() {
    var state = session.state, undo = state && state.undo;
    var offer = !!(undo && UNDOABLE[undo.action] && undo.version === state.version && session.connected());
    if (offer && undoSeen.version !== undo.version) { undoSeen = { version: undo.version, at: session.serverNow() }; }
    var now = session.serverNow();
    undoButton.hidden = !(offer && now < undo.until && now - undoSeen.at < UNDO_MS);
  }
  undoButton.addEventListener("click", function () {
    undoButton.hidden = true;
    send("undo", {}).then(function (ack) {
      if (ack.ok) {
        if (ack.state) { session.accept(ack.state); }
        say(T("undone"));
      } else if (ack.error && ack.error.code === "invalid_state") {
        say(T("nothing_to_undo"));
      }
    });
  });

  // Reset of a running timer asks for a second press within a few seconds.
  var resetArmed = null, resetButton = $("btn-reset"), resetLabel = resetButton.textContent;
  function disarmReset() {
    clearTimeout(resetArmed);
    resetArmed = null;
    resetButton.textContent = resetLabel;
    resetButton.classList.remove("armed");
  }
  function reset() {
    var t = session.state && session.state.timer;
    if (t && t.status === "running" && !resetArmed) {
      resetArmed = setTimeout(disarmReset, 4000);
      resetButton.textContent = T("reset_again") || resetLabel;
      resetButton.classList.add("armed");
      say(T("reset_confirm"));
      return;
    }
    disarmReset();
    send("timer", { action: "reset" });
  }

  // -- commands ----------------------------------------------------------------------------

  var commands = {
    toggle: function () {
      var t = session.state && session.state.timer;
      if (!t) { return; }
      var action = t.status === "running" ? "pause" : t.status === "paused" ? "resume" : "start";
      send("timer", { action: action });
    },
    next: function () { send("slot", { action: "next" }); },
    prev: function () { send("slot", { action: "prev" }); },
    plus: function () { send("timer", { action: "adjust", seconds: 60 }); },
    minus: function () { send("timer", { action: "adjust", seconds: -60 }); },
    reset: reset,
    conclude: function () { send("message", { action: "send", preset: "conclude", text: "" }, { noExpect: true }); },
    "clear-message": function () { send("message", { action: "clear" }, { noExpect: true }); }
  };

  document.querySelectorAll("[data-command]").forEach(function (button) {
    button.addEventListener("click", function () { commands[button.getAttribute("data-command")](); });
  });
  document.querySelectorAll("[data-goto]").forEach(function (button) {
    button.addEventListener("click", function () {
      send("slot", { action: "goto", slot: button.getAttribute("data-goto") });
    });
  });

  var text = $("message-text"), count = $("message-count");
  function updateCount() { count.textContent = text.value.length + "/280"; }
  text.addEventListener("input", updateCount);
  $("message-form").addEventListener("submit", function (event) {
    event.preventDefault();
    send("message", { action: "send", text: text.value, preset: null }, { noExpect: true }).then(function (ack) {
      if (ack.ok) { text.value = ""; updateCount(); }
    });
  });

  $("thresholds-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var value = Number($("warn-s").value);
    if (!Number.isInteger(value)) { say(errors.bad_request); return; }
    send("timer", { action: "thresholds", warn_s: value }).then(function (ack) { if (ack.ok) { say(labels.saved); } });
  });

  // -- keyboard shortcuts ------------------------------------------------------------------
  // Off until the chair chooses single keys or the same keys with Alt+Shift (WCAG 2.1.4), and
  // remembered in this browser. The rule (which key does what) is Minbar.shortcutFor
  // (static/js/live-rules.js); the buttons' aria-keyshortcuts and the list say the chosen set.

  var SHORTCUT_KEY = "minbar.console.shortcuts", BUTTONS = { toggle: "btn-toggle", next: "btn-next",
    prev: "btn-prev", plus: "btn-plus", minus: "btn-minus", reset: "btn-reset" };
  var shortcutMode = "off";
  try { shortcutMode = window.localStorage.getItem(SHORTCUT_KEY) || "off"; } catch (e) { /* private mode */ }
  if (Minbar.SHORTCUT_MODES.indexOf(shortcutMode) < 0) { shortcutMode = "off"; }

  function showShortcuts() {
    var keys = Minbar.shortcutKeys(shortcutMode, rtl);
    Object.keys(BUTTONS).forEach(function (name) {
      var button = $(BUTTONS[name]);
      if (keys[name]) { button.setAttribute("aria-keyshortcuts", keys[name]); } else { button.removeAttribute("aria-keyshortcuts"); }
    });
    document.querySelectorAll('input[name="shortcut-mode"]').forEach(function (radio) { radio.checked = radio.value === shortcutMode; });
    document.querySelectorAll("#shortcut-list .shortcut-prefix").forEach(function (prefix) { prefix.hidden = shortcutMode !== "alt-shift"; });
    var list = $("shortcut-list"), state = $("shortcut-state");
    list.classList.toggle("is-off", shortcutMode === "off");
    state.setAttribute("data-mode", shortcutMode);
    Minbar.setText(state, state.getAttribute("data-text-" + shortcutMode) || "");
  }
  document.querySelectorAll('input[name="shortcut-mode"]').forEach(function (radio) {
    radio.addEventListener("change", function () {
      if (!radio.checked) { return; }
      shortcutMode = radio.value;
      try { window.localStorage.setItem(SHORTCUT_KEY, shortcutMode); } catch (e) { /* not remembered */ }
      showShortcuts();
    });
  });
  showShortcuts();

  // A field that takes typing: shortcuts never steal its keys.
  function typing(target) {
    if (!target || !target.tagName) { return false; }
    var tag = target.tagName.toLowerCase();
    if (tag === "input") { return !/^(button|submit|reset|checkbox|radio)$/.test(target.type); }
    return tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  document.addEventListener("keydown", function (event) {
    if (event.repeat || event.defaultPrevented || typing(event.target)) { return; }
    var name = Minbar.shortcutFor(shortcutMode, event, rtl);
    if (!name) { return; }
    // Without modifiers, a focused button, checkbox or radio answers Space itself.
    var tag = event.target && event.target.tagName ? event.target.tagName.toLowerCase() : "";
    if (tag === "input" && event.target.type === "radio" && /^Arrow/.test(event.key)) { return; }   // the radio group's own
    if (name === "toggle" && shortcutMode === "keys" && (tag === "button" || tag === "input")) { return; }
    event.preventDefault();
    commands[name]();
  });

  // -- sound cue ---------------------------------------------------------------------------

  var sound = $("sound-cue"), audio = null;
  try { sound.checked = window.localStorage.getItem("minbar.console.sound") === "1"; } catch (e) { /* private mode */ }
  sound.addEventListener("change", function () {
    try { window.localStorage.setItem("minbar.console.sound", sound.checked ? "1" : "0"); } catch (e) { /* ignore */ }
    if (sound.checked) { ensureAudio(); }
  });
  function ensureAudio() {
    // Browsers allow audio only after a gesture: the checkbox click creates or wakes the context.
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) { return null; }
    audio = audio || new Context();
    if (audio.state === "suspended") { audio.resume(); }
    return audio;
  }
  function beep() {
    var ctx = ensureAudio();
    if (!ctx) { return; }
    [0, 0.35, 0.7].forEach(function (delay) {
      var osc = ctx.createOscillator(), gain = ctx.createGain();
      osc.type = "sine";
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, ctx.currentTime + delay);
      gain.gain.exponentialRampToValueAtTime(0.3, ctx.currentTime + delay + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + delay + 0.25);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + delay);
      osc.stop(ctx.currentTime + delay + 0.3);
    });
  }

  // -- rendering ---------------------------------------------------------------------------

  function setSlotLine(node, slot) {
    node.querySelector('[data-field="role"]').textContent = slot ? slot.role : "";
    node.querySelector('[data-field="speaker"]').textContent = slot ? (slot.speaker || (slot.tbd ? labels.tbd : "")) : "";
  }

  // Who speaks next, the same answer as the stage and the booth (STATE `speakers`).
  var languageNames = {};
  cfg.slots.forEach(function (slot) { if (slot.language) { languageNames[slot.language] = slot.language_name; } });
  function renderNextSpeakers(state) {
    Minbar.renderSpeakers($("next-speakers"), Minbar.speakersOf(state, cfg).next, cfg,
                          function (code) { return languageNames[code] || code; }, labels.nobody_next);
  }

  function renderState(state) {
    var t = state.timer;
    $("timer-status").textContent = labels[t.status];
    $("btn-toggle").textContent = labels[t.status === "running" ? "pause" : t.status === "paused" ? "resume" : "start"];
    countdown.setAttribute("data-status", t.status);
    var index = slotIndex[state.slot];
    $("btn-prev").disabled = !(index > 0);
    $("btn-next").disabled = !(index < cfg.slots.length - 1);
    setSlotLine($("current-slot"), cfg.slots[index]);
    renderNextSpeakers(state);
    document.querySelectorAll("#slot-list [data-slot]").forEach(function (li) {
      var id = li.getAttribute("data-slot"), current = id === state.slot;
      li.classList.toggle("current", current);
      if (current) { li.setAttribute("aria-current", "step"); } else { li.removeAttribute("aria-current"); }
      var actual = state.actuals && state.actuals[id];
      var go = li.querySelector("[data-goto]");
      if (go) { go.disabled = current; }
      li.querySelector("[data-actual]").textContent = actual ? fill(labels.actual, { time: Minbar.formatClock(actual) }) : "";
    });
    var warn = $("warn-s");
    if (document.activeElement !== warn) { warn.value = t.warn_s; }
    renderMessage(state);
    tick();
  }

  function renderMessage(state) {
    var box = $("current-message"), message = state.message;
    box.textContent = "";
    if (!message) { box.textContent = labels.no_message; return; }
    if (message.preset === "conclude") {
      var strong = document.createElement("strong");
      strong.textContent = labels.conclude;
      box.appendChild(strong);
      box.appendChild(document.createTextNode(" "));
    }
    box.appendChild(document.createTextNode(message.text));
    if (message.slot && message.slot !== state.slot) {
      var note = document.createElement("small");
      note.className = "message-note";
      note.textContent = " " + labels.earlier_slot;
      box.appendChild(note);
    }
  }

  var lastRemaining = null;
  function tick() {
    var state = session.state;
    if (!state) { return; }
    var t = state.timer, shown = Minbar.renderCountdown(countdown, session), remaining = shown.remaining;
    if (t.status === "running" && lastRemaining !== null && lastRemaining > 0 && remaining <= 0 && sound.checked) {
      beep();
    }
    lastRemaining = t.status === "running" ? remaining : null;
    if (resetArmed && t.status !== "running") { disarmReset(); }
    renderUndo();
    renderSessionClock(state, remaining);
  }

  // Time left until the item's scheduled end, and where the remaining slots would take it
  // (Minbar.projectSlots, the rule timing/drift.py project_slots also follows).
  function renderSessionClock(state, remaining) {
    var now = session.serverNow();
    $("item-left").textContent = Minbar.formatClock(cfg.item.ends_at - now);
    var index = slotIndex[state.slot];
    var current = index === undefined ? null
      : { status: state.timer.status, limit_s: state.timer.limit_s, remaining_ms: remaining };
    var later = index === undefined ? [] : cfg.slots.slice(index + 1).map(function (slot) { return slot.limit_s; });
    var over = Minbar.projectSlots(now, cfg.item.starts_at, cfg.item.ends_at, current, later).over_ms;
    var node = $("item-overrun");
    if (Math.abs(over) < 1000) { node.textContent = labels.on_time; }
    else if (over > 0) { node.textContent = fill(labels.over, { time: Minbar.formatClock(over) }); }
    else { node.textContent = fill(labels.spare, { time: Minbar.formatClock(-over) }); }
    node.className = "clock-value" + (over >= 1000 ? " clock-over" : "");
  }

  // -- connection: offline, the controls are disabled (and nothing is sent later) --------------

  var controls = $("console-controls");
  session.onStatus(function (status) {
    controls.disabled = status !== "connected";
    if (status !== "connected") { disarmReset(); }
    // "Not sent: the connection is lost…" was about the outage: it goes when the outage does.
    else if (feedback.getAttribute("data-code") === "offline") { say(""); }
    renderUndo();
  });
  session.onState(renderState);
  setInterval(tick, 250);
})();
