// The open-discussion queue in the browser: the participant's "ask for the floor" panel
// (#floor-request, templates/sessions/_floor_request.html) and the chair's list of speakers
// (#queue-panel, templates/sessions/_queue_panel.html).
//
// Both render from the session's last STATE (`queue`, `timer`, `server_time`) and the clock offset
// kept by static/js/live.js; nothing here counts on its own except the display between two
// states (time waiting, time left), which it derives from the state's instants. Commands go out as
// `queue` events; the server answers with the new STATE (and, for a request, the requester's
// entry and place). Every string shown comes translated from the panel's JSON config.
(function (global) {
  "use strict";

  if (global.MinbarQueueLoaded) { return; }     // both partials load this file
  global.MinbarQueueLoaded = true;

  var lang = document.documentElement.lang || "en";

  function $(id) { return document.getElementById(id); }

  function readConfig(id) {
    var node = $(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  var fill = global.Minbar.fill;   // static/js/live.js

  // "%(num)d minutes" in the reader's language: the server rendered one sample per CLDR plural
  // category (Arabic has six); the sample number is swapped for the real one.
  function minutesText(minutes, n) {
    var category = "other";
    try { category = new Intl.PluralRules(lang).select(n); } catch (e) { /* very old browser */ }
    var form = minutes[category] || minutes.other;
    return form.text.replace(String(form.sample), String(n));
  }

  function errorText(cfg, ack) {
    var code = ack && ack.error && ack.error.code;
    return cfg.errors[code] || (ack && ack.error && ack.error.message) || cfg.errors.other;
  }

  // A command's answer carries the new STATE; take it at once (newest version wins in live.js)
  // rather than wait for the room's broadcast.
  function acceptState(session, ack) {
    if (ack && ack.ok && ack.state && typeof session._accept === "function") { session._accept(ack.state); }
  }

  // -- the participant ------------------------------------------------------------------------

  function participant(session) {
    var root = $("floor-request");
    var cfg = readConfig("queue-config");
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
        acceptState(session, ack);
        render();
        return ack;
      });
    }

    ask.addEventListener("click", function () {
      var kind = priority();
      send("request", kind === "ordinary" ? {} : { priority: kind }).then(function (ack) {
        feedback.textContent = ack.ok ? "" : errorText(cfg, ack);
        if (ack.ok && !withdraw.hidden) { withdraw.focus(); }   // the ask button just hid itself
      });
    });
    withdraw.addEventListener("click", function () {
      send("withdraw").then(function (ack) {
        feedback.textContent = ack.ok ? text.withdrawn : errorText(cfg, ack);
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
        said = fill(text.position, { position: String(index + 1) }) + " " +
          (minutes <= 0 ? text.next : fill(text.wait, { time: minutesText(cfg.minutes, minutes) }));
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

  // -- the chair --------------------------------------------------------------------------------

  function chair(session) {
    var root = $("queue-panel");
    var cfg = readConfig("queue-panel-config");
    if (!root || !cfg) { return; }
    var text = cfg.text;
    var list = $("queue-list"), empty = $("queue-empty"), feedback = $("queue-feedback");
    var budget = $("queue-budget"), closedNote = $("queue-closed");
    var speakingBox = $("queue-speaking"), speakingName = $("queue-speaking-name");
    var policy = $("queue-policy"), closeButton = $("queue-close"), openButton = $("queue-open");
    var finishButton = $("queue-finish");
    var dragged = null;
    var renderedVersion = null;   // the STATE version the list shows
    var renderAfterDrag = false;

    function send(action, extra) {
      return session.send("queue", Object.assign({ action: action }, extra || {})).then(function (ack) {
        feedback.textContent = ack.ok ? "" : errorText(cfg, ack);
        acceptState(session, ack);
        return ack;
      });
    }

    function entries() { return (session.state && session.state.queue && session.state.queue.entries) || []; }

    function indexOf(id) {
      var all = entries();
      for (var i = 0; i < all.length; i++) { if (all[i].id === id) { return i; } }
      return -1;
    }

    function moveTo(id, position) {
      var all = entries();
      var from = indexOf(id);
      if (from < 0 || position < 0 || position >= all.length || position === from) { return Promise.resolve(null); }
      return send("move", { entry: id, position: position }).then(function (ack) {
        if (ack.ok) { feedback.textContent = fill(text.moved, { name: all[from].name, position: String(position + 1) }); }
        return ack;
      });
    }

    closeButton.addEventListener("click", function () { send("close"); });
    openButton.addEventListener("click", function () { send("open"); });
    finishButton.addEventListener("click", function () { send("finish"); });
    policy.addEventListener("change", function () { send("policy", { policy: policy.value }); });

    list.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-act]");
      if (!button) { return; }
      var id = button.closest("li").getAttribute("data-entry");
      var act = button.getAttribute("data-act");
      if (act === "up") { moveTo(id, indexOf(id) - 1); }
      else if (act === "down") { moveTo(id, indexOf(id) + 1); }
      else { send(act, { entry: id }); }
    });

    // Keyboard: Up/Down walk the list; Alt+Up/Alt+Down move the focused entry.
    list.addEventListener("keydown", function (event) {
      var item = event.target.closest && event.target.closest("li[data-entry]");
      if (!item || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) { return; }
      var id = item.getAttribute("data-entry");
      var step = event.key === "ArrowUp" ? -1 : 1;
      event.preventDefault();
      event.stopPropagation();
      if (event.altKey) {
        moveTo(id, indexOf(id) + step);
      } else if (event.target === item) {
        var next = step < 0 ? item.previousElementSibling : item.nextElementSibling;
        if (next) { next.focus(); }
      }
    });

    // Drag and drop (HTML5): dropping an entry on another puts it at that entry's place.
    list.addEventListener("dragstart", function (event) {
      var item = event.target.closest("li[data-entry]");
      if (!item) { return; }
      dragged = item.getAttribute("data-entry");
      item.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", dragged);
    });
    list.addEventListener("dragover", function (event) {
      if (!dragged) { return; }
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      var over = event.target.closest("li[data-entry]");
      Array.prototype.forEach.call(list.children, function (li) { li.classList.toggle("drop-target", li === over); });
    });
    function dragDone() {
      dragged = null;
      Array.prototype.forEach.call(list.children, function (li) { li.classList.remove("dragging", "drop-target"); });
      if (renderAfterDrag) { renderAfterDrag = false; render(); }
    }
    list.addEventListener("dragend", dragDone);
    list.addEventListener("drop", function (event) {
      event.preventDefault();
      var over = event.target.closest("li[data-entry]");
      var id = dragged || event.dataTransfer.getData("text/plain");
      dragDone();
      if (over && id) { moveTo(id, indexOf(over.getAttribute("data-entry"))); }
    });

    function el(tag, className, content) {
      var node = document.createElement(tag);
      if (className) { node.className = className; }
      if (content !== undefined && content !== null) { node.textContent = content; }
      return node;
    }

    function entryItem(entry, index, count) {
      var li = el("li", "queue-entry priority-" + entry.priority + (entry.pinned ? " pinned" : ""));
      li.setAttribute("data-entry", entry.id);
      li.setAttribute("tabindex", "0");
      li.setAttribute("draggable", "true");
      li.setAttribute("aria-keyshortcuts", "Alt+ArrowUp Alt+ArrowDown");
      li.setAttribute("aria-label", fill(text.entry_label, {
        position: String(index + 1), name: entry.name, delegation: entry.delegation }));

      var who = el("div", "queue-who");
      who.appendChild(el("span", "queue-position", String(index + 1)));
      who.appendChild(el("bdi", "queue-name", entry.name));
      if (entry.delegation) { who.appendChild(el("bdi", "queue-delegation", entry.delegation)); }
      li.appendChild(who);

      var meta = el("div", "queue-meta");
      if (entry.priority !== "ordinary") { meta.appendChild(el("span", "queue-priority", text[entry.priority])); }
      meta.appendChild(el("span", "queue-group", cfg.groups[entry.group] || cfg.groups.other));
      if (entry.language) {
        var language = el("span", "queue-language", cfg.languages[entry.language] || entry.language);
        language.setAttribute("lang", entry.language);
        meta.appendChild(language);
      }
      var waiting = el("span", "queue-waiting");
      waiting.setAttribute("data-since", String(Date.parse(entry.requested_at)));
      meta.appendChild(waiting);
      if (entry.pinned) { meta.appendChild(el("span", "queue-pinned", text.pinned)); }
      li.appendChild(meta);

      var actions = el("div", "queue-actions");
      [["grant", text.grant, false], ["up", text.up, index === 0], ["down", text.down, index === count - 1],
       ["skip", text.skip, false], ["remove", text.remove, false]].forEach(function (spec) {
        var button = el("button", "queue-" + spec[0], spec[1]);
        button.type = "button";
        button.setAttribute("data-act", spec[0]);
        button.disabled = spec[2];
        if (spec[0] === "grant") { button.classList.add("primary"); }
        actions.appendChild(button);
      });
      li.appendChild(actions);
      return li;
    }

    function render() {
      var state = session.state;
      var q = state && state.queue;
      if (!q) { return; }
      // The list is rebuilt only for a new version (listener counts and clock syncs also notify),
      // and never under a drag in progress: the dragged item would leave the page and the drop be lost.
      if (state.version === renderedVersion) { tick(); return; }
      if (dragged) { renderAfterDrag = true; return; }
      renderedVersion = state.version;
      // Keep the keyboard where it was across the re-render (the same entry, the same button).
      var active = document.activeElement;
      var focusedEntry = active && list.contains(active) && active.closest("li[data-entry]");
      var focusId = focusedEntry && focusedEntry.getAttribute("data-entry");
      var focusAct = focusedEntry && active !== focusedEntry ? active.getAttribute("data-act") : null;

      closedNote.hidden = q.open;
      closeButton.hidden = !q.open;
      openButton.hidden = q.open;
      policy.value = q.policy;
      root.classList.toggle("is-closed", !q.open);

      speakingBox.hidden = !q.speaking;
      speakingName.textContent = q.speaking
        ? q.speaking.name + (q.speaking.delegation ? " (" + q.speaking.delegation + ")" : "") : "";

      list.textContent = "";
      q.entries.forEach(function (entry, index) { list.appendChild(entryItem(entry, index, q.entries.length)); });
      empty.hidden = q.entries.length > 0;

      if (focusId) {
        var again = list.querySelector('li[data-entry="' + CSS.escape(focusId) + '"]');
        var target = again && (focusAct ? again.querySelector('button[data-act="' + focusAct + '"]:not(:disabled)') : again);
        (target || again) && (target || again).focus();
      }
      tick();
    }

    // Between two states: time waiting grows, and the discussion's time left shrinks while an
    // intervention runs (the budget in STATE is as of its server_time).
    function tick() {
      var state = session.state;
      if (!state || !state.queue) { return; }
      var now = session.serverNow();
      Array.prototype.forEach.call(list.querySelectorAll(".queue-waiting"), function (node) {
        var since = Number(node.getAttribute("data-since"));
        node.textContent = isNaN(since) ? "" : fill(text.waiting, { time: Minbar.formatClock(Math.max(0, now - since)) });
      });
      var b = state.queue.budget;
      budget.hidden = !b;
      if (!b) { return; }
      var running = state.queue.speaking && state.timer && state.timer.status === "running";
      var remaining = b.remaining_s - (running ? Math.max(0, now - state.server_time) / 1000 : 0);
      remaining = Math.max(0, remaining);
      var fits = b.needed_s <= remaining;
      var values = {
        needed: minutesText(cfg.minutes, Math.ceil(b.needed_s / 60)),
        remaining: minutesText(cfg.minutes, Math.floor(remaining / 60)),
      };
      var line = fill(fits ? text.budget : text.budget_over, values);
      if (budget.textContent !== line) { budget.textContent = line; }
      budget.classList.toggle("queue-budget-over", !fits);
    }

    session.onState(function () { render(); });
    setInterval(tick, 1000);
  }

  function start() {
    if (!global.Minbar || !global.Minbar.whenLive) { return; }
    global.Minbar.whenLive(function (session) {
      if ($("floor-request")) { participant(session); }
      if ($("queue-panel")) { chair(session); }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})(window);
