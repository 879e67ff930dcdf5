// The stage view: a countdown readable across a room, the chair's message, and two clocks.
//
// No drift: every screen computes the same remaining time from the same STATE (started_at and
// elapsed as of server_time) and its own offset to the server's clock; redrawing four times a
// second costs no server traffic. The flash at zero is CSS, switched off under
// prefers-reduced-motion.
(function () {
  "use strict";

  var page = Minbar.livePage();
  var cfg = page.cfg, labels = page.labels, session = page.session, $ = page.$;
  var countdown = $("countdown"), stage = $("stage");
  var slots = {};
  cfg.slots.forEach(function (slot) { slots[slot.id] = slot; });

  // Both clocks in the locale's own pattern, the one the server's first paint used (babel's:
  // Minbar.clockTime), so the Arabic "11:15 ص" keeps its marker after the time.
  var readerZone = null;
  try { readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { /* old browser */ }
  var readerTime = !!readerZone && readerZone !== cfg.zone;
  if (readerTime) {
    $("reader-zone").textContent = readerZone;
    $("clock-reader-wrap").hidden = false;
  }

  function renderState(state) {
    var slot = slots[state.slot];
    var line = $("current-slot");
    line.querySelector('[data-field="role"]').textContent = slot ? slot.role : "";
    line.querySelector('[data-field="speaker"]').textContent = slot ? (slot.speaker || (slot.tbd ? labels.tbd : "")) : "";
    // In an open discussion the list of speakers says who has the floor: name and delegation.
    var speaking = state.queue && state.queue.speaking;
    $("stage-floor").hidden = !speaking;
    $("stage-floor-name").textContent = speaking
      ? speaking.name + (speaking.delegation ? " (" + speaking.delegation + ")" : "") : "";
    $("stage-paused").hidden = state.timer.status !== "paused";
    // The same "next" as the booth, the console and the live view (STATE `speakers`).
    var next = Minbar.describeSpeaker(Minbar.speakersOf(state, cfg).next[0], slots, labels);
    $("stage-next").hidden = !next;
    Minbar.fillInto($("stage-next"), next ? Minbar.text("next_up") : "", { name: next ? (next.tbd ? next.role : (next.name || next.role)) : "" });
    renderMessage(state);
    tick();
  }

  // The chair's message, only while the slot it was sent in is current (sessions/live/messages.py).
  // The box is an assertive live region: it is rebuilt only when the message changes, so a new
  // STATE, a listener count or a clock sync does not make a screen reader say it again.
  var shownMessage = null;
  function renderMessage(state) {
    var box = $("stage-message"), message = state.message;
    var current = message && !(message.slot && message.slot !== state.slot) ? message : null;
    var key = current ? JSON.stringify([current.preset, current.text, current.sent_at]) : "";
    if (key === shownMessage) { return; }
    shownMessage = key;
    box.textContent = "";
    if (!current) { box.hidden = true; return; }
    if (message.preset === "conclude") {
      var strong = document.createElement("strong");
      strong.className = "stage-preset";
      strong.textContent = labels.conclude;
      box.appendChild(strong);
    }
    if (message.text) {
      var span = document.createElement("bdi");       // the chair's words, in their own direction
      span.className = "stage-text";
      span.textContent = message.text;
      box.appendChild(span);
    }
    box.hidden = false;
  }

  function tick() {
    var state = session.state;
    var now = session.serverNow();
    Minbar.setText($("clock-conference"), Minbar.clockTime(now, cfg.zone));
    if (readerTime) { Minbar.setText($("clock-reader"), Minbar.clockTime(now, readerZone)); }
    if (!state) { return; }
    var shown = Minbar.renderCountdown(countdown, session, { fit: true });
    // Flash only while the speaker is actually running over, not on a paused or idle timer at zero.
    countdown.classList.toggle("flash", shown.phase === "overrun" && state.timer.status === "running");
    renderSlowdown();
  }

  // An interpreter's "slow down" signal (sessions/live/channels_live.py), shown for 20 seconds, and
  // no longer once the chair has moved to another slot.
  function renderSlowdown() {
    $("stage-slowdown").hidden = !session.slowdown(20);
  }

  $("btn-fullscreen").addEventListener("click", function () {
    if (document.fullscreenElement) { document.exitFullscreen(); }
    else if (stage.requestFullscreen) { stage.requestFullscreen(); }
  });

  window.addEventListener("resize", function () { Minbar.fitText(countdown); });
  session.onState(renderState);
  tick();
  setInterval(tick, 250);
})();
