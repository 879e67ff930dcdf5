// The participant's "ask for the floor" panel (#floor-request, templates/sessions/_floor_request.html):
// ask with a priority and a reason, see one's place and the time waited, withdraw, and the
// countdown once given the floor. The shared part is static/js/queue.js.
(function (global) {
  "use strict";

  var Q = global.Minbar.queue;     // the shared part: static/js/queue.js
  var $ = Q.$;

  function participant(session) {
    var root = $("floor-request");
    var cfg = Q.readConfig("queue-config");
    if (!root || !cfg) { return; }
    var text = cfg.text;
    var ask = $("floor-ask"), withdraw = $("floor-withdraw"), place = $("floor-place");
    var reason = $("floor-reason"), feedback = $("floor-feedback"), choices = $("floor-priority");
    var granted = $("floor-granted"), countdown = $("floor-countdown");
    var mine = { entry: null, speaking: null };   // my waiting entry, my entry with the floor
    var busy = false, lastPlace = "";

    function priority() {
      var checked = root.querySelector('input[name="floor-priority"]:checked');
      return checked ? checked.value : "ordinary";
    }

    function remember(ack) {
      if (ack && ack.ok && Object.prototype.hasOwnProperty.call(ack, "entry")) {
        mine.entry = ack.entry;
        mine.speaking = ack.speaking || null;
      }
    }

    function send(action, extra) {
      busy = true;
      render();
      return session.send("queue", Object.assign({ action: action }, extra || {})).then(function (ack) {
        busy = false;
        remember(ack);
        Q.acceptState(session, ack);
        render();
        return ack;
      });
    }

    ask.addEventListener("click", function () {
      var kind = priority();
      send("request", kind === "ordinary" ? {} : { priority: kind }).then(function (ack) {
        Q.showError(feedback, cfg, ack);
        if (ack.ok && !withdraw.hidden) { withdraw.focus(); }   // the ask button just hid itself
      });
    });
    withdraw.addEventListener("click", function () {
      send("withdraw").then(function (ack) {
        Q.showError(feedback, cfg, ack, text.withdrawn);
      });
    });
    choices.addEventListener("change", function () { render(); });

    // After every (re)connection, ask the server which entry is mine: a reload or a new tab
    // knows nothing of the request made before.
    function whoAmI() {
      if (!cfg.signed_in) { return; }
      session.send("queue", { action: "mine" }).then(function (ack) { remember(ack); render(); });
    }
    session.onStatus(function (status) { if (status === "connected") { whoAmI(); } });
    if (session.socket && session.socket.connected) { whoAmI(); }

    function waitMs(q, index) {
      var ahead = index * q.intervention_s * 1000;
      return ahead + (q.speaking ? Math.max(0, session.timerRemaining()) : 0);
    }

    function render() {
      var state = session.state;
      var q = state && state.queue;
      if (!q) { return; }
      var index = -1;
      if (mine.entry) {
        for (var i = 0; i < q.entries.length; i++) { if (q.entries[i].id === mine.entry) { index = i; } }
        if (index < 0) {
          if (q.speaking && q.speaking.id === mine.entry) { mine.speaking = mine.entry; }
          mine.entry = null;
        }
      }
      if (mine.speaking && !(q.speaking && q.speaking.id === mine.speaking)) { mine.speaking = null; }

      granted.hidden = !mine.speaking;
      root.classList.toggle("has-floor", !!mine.speaking);
      ask.hidden = index >= 0;
      withdraw.hidden = index < 0;
      withdraw.disabled = busy;
      var closedToMe = !q.open && priority() !== "point_of_order";
      ask.disabled = busy || !cfg.signed_in || closedToMe;
      choices.disabled = !cfg.signed_in || index >= 0;

      var why = "";
      if (!cfg.signed_in) { why = text.anonymous; }
      else if (!q.open && index < 0) { why = text.closed_order; }
      else if (!q.budget && index < 0 && !mine.speaking) { why = text.not_discussion; }
      reason.textContent = why;
      if (ask.disabled) { ask.setAttribute("aria-describedby", "floor-reason"); } else { ask.removeAttribute("aria-describedby"); }

      var said = "";
      if (index >= 0) {
        var wait = waitMs(q, index);
        var minutes = Math.ceil(wait / 60000);
        said = Q.fill(text.position, { position: String(index + 1) }) + " " +
          (minutes <= 0 ? text.next : Q.fill(text.wait, { time: Q.minutesText(cfg.minutes, minutes) }));
      }
      if (said !== lastPlace) { place.textContent = said; lastPlace = said; }
      tick();
    }

    function tick() {
      if (!mine.speaking || !session.state) { return; }
      var left = session.timerRemaining();
      countdown.textContent = Minbar.formatClock(left);
      countdown.className = "countdown floor-countdown phase-" +
        Minbar.phase(left, session.state.timer && session.state.timer.warn_s);
      countdown.setAttribute("data-status", session.state.timer ? session.state.timer.status : "idle");
    }

    session.onState(function () { render(); });
    setInterval(function () { tick(); if (mine.entry) { render(); } }, 500);
  }

  Q.whenPanel("floor-request", participant);
})(window);
