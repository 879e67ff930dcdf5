// The stage view: a countdown readable across a room, the chair's message, and two clocks.
//
// No drift: every screen computes the same remaining time from the same STATE (started_at and
// elapsed as of server_time) and its own offset to the server's clock; redrawing four times a
// second costs no server traffic. The flash at zero is CSS, switched off under
// prefers-reduced-motion.
(function () {
  "use strict";

  var cfg = Minbar.config();
  var labels = cfg.labels;
  var session = Minbar.startLive(cfg);

  var $ = function (id) { return document.getElementById(id); };
  var countdown = $("countdown"), stage = $("stage");
  var slots = {};
  cfg.slots.forEach(function (slot) { slots[slot.id] = slot; });

  // Latin digits, as the server's babel formatting gives, so every clock on the page agrees.
  var locale = cfg.lang + "-u-nu-latn";
  var readerZone = null;
  try { readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { /* old browser */ }
  var conferenceTime = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone: cfg.zone });
  var readerTime = readerZone && readerZone !== cfg.zone
    ? new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone: readerZone }) : null;
  if (readerTime) {
    $("reader-zone").textContent = readerZone;
    $("clock-reader-wrap").hidden = false;
  }

  function renderState(state) {
    var slot = slots[state.slot];
    var line = $("current-slot");
    line.querySelector('[data-field="role"]').textContent = slot ? slot.role : "";
    line.querySelector('[data-field="speaker"]').textContent = slot ? (slot.speaker || labels.tbd) : "";
    countdown.setAttribute("data-status", state.timer.status);
    renderMessage(state);
    tick();
  }

  // The chair's message, only while the slot it was sent in is current (sessions/messages.py).
  function renderMessage(state) {
    var box = $("stage-message"), message = state.message;
    box.textContent = "";
    if (!message || (message.slot && message.slot !== state.slot)) { box.hidden = true; return; }
    if (message.preset === "conclude") {
      var strong = document.createElement("strong");
      strong.className = "stage-preset";
      strong.textContent = labels.conclude;
      box.appendChild(strong);
    }
    if (message.text) {
      var span = document.createElement("span");
      span.className = "stage-text";
      span.textContent = message.text;
      box.appendChild(span);
    }
    box.hidden = false;
  }

  function tick() {
    var state = session.state;
    var now = new Date(session.serverNow());
    $("clock-conference").textContent = conferenceTime.format(now);
    if (readerTime) { $("clock-reader").textContent = readerTime.format(now); }
    if (!state) { return; }
    var t = state.timer, remaining = session.timerRemaining();
    countdown.textContent = Minbar.formatClock(remaining);
    countdown.setAttribute("data-remaining-ms", String(Math.round(remaining)));
    var phase = remaining <= 0 ? "overrun" : remaining <= t.warn_s * 1000 ? "warning" : "normal";
    ["normal", "warning", "overrun"].forEach(function (p) { countdown.classList.toggle("phase-" + p, p === phase); });
    // Flash only while the speaker is actually running over, not on a paused or idle timer at zero.
    countdown.classList.toggle("flash", phase === "overrun" && t.status === "running");
    renderSlowdown(state);
  }

  // An interpreter's "slow down" signal (sessions/channels_live.py), shown for 20 seconds.
  function renderSlowdown(state) {
    var signal = state.channels && state.channels.slowdown;
    $("stage-slowdown").hidden = !(signal && session.serverNow() - signal.at < 20000);
  }

  $("btn-fullscreen").addEventListener("click", function () {
    if (document.fullscreenElement) { document.exitFullscreen(); }
    else if (stage.requestFullscreen) { stage.requestFullscreen(); }
  });

  var indicator = $("live-connection");
  session.onStatus(function (status) {
    indicator.setAttribute("data-status", status);
    indicator.querySelector(".live-connection-text").textContent = labels[status] || status;
  });
  session.onState(renderState);
  tick();
  setInterval(tick, 250);
})();
