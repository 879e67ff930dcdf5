// The live kit shared by every live page (console, stage, booth, participant, queue, rapporteur).
//
// One place for what every live page needs:
// - the rules the server also applies (static/js/live-rules.js: phase, project, projectSlots,
//   formatClock, fill), loaded before this file and re-exported here as Minbar.*;
// - the connection: joins the session's room, keeps the last STATE (newest version wins), says in
//   the indicator #live-connection what the connection is doing, in words that do not blame the
//   link when the network drops, and stops retrying when the server refuses the link;
// - nothing is sent later: a command asked for while offline is refused at once (code "offline")
//   and never buffered by socket.io, so a click made offline is not replayed on reconnect;
// - the server's clock: offset measured from several `clock` round trips on the monotonic clock
//   (performance.now()), re-measured every few minutes and on reconnect;
// - amber and overrun announced once to assistive technology (#live-announcer, a polite region);
// - sentences with names isolated (fillInto: <bdi>), and clock times in the locale's pattern.
(function (global) {
  "use strict";

  // The rules (static/js/live-rules.js, loaded first): pure, shared with the server's.
  var kit = global.Minbar;
  var formatClock = kit.formatClock, phase = kit.phase, remainingMs = kit.remainingMs, clockBase = kit.clockBase;

  // -- the page ---------------------------------------------------------------------------------

  var document = global.document;
  var RESYNC_MS = 5 * 60 * 1000;
  var monotonic = global.performance && global.performance.now
    ? function () { return global.performance.now(); } : function () { return Date.now(); };

  function readJSON(id) {
    var node = document.getElementById(id);
    if (!node) { return {}; }
    try { return JSON.parse(node.textContent); } catch (e) { return {}; }
  }

  // Reads the page's boot data: <script type="application/json" id="live-config">.
  function config() { return readJSON("live-config"); }
  // The kit's own strings (connection, stale, undo, phases), translated by the server.
  var textsCache = null;
  function texts() { return textsCache || (textsCache = readJSON("live-texts")); }
  function text(name) { return (texts().labels || {})[name] || ""; }

  function LiveSession(options) {
    this.options = options;
    this.state = null;
    this.identity = null;
    this.status = "connecting";
    this.online = global.navigator ? global.navigator.onLine !== false : true;
    // Server time at monotonic instant 0. Until the clock round trips answer, the server time the
    // page was rendered with is the best estimate (a rehearsal clock can be years away).
    var rendered = typeof options.server_time === "number" ? options.server_time : Date.now();
    this.base = rendered - monotonic();
    this.synced = false;
    this.listeners = [];
    this.statusListeners = [];
    this.slowdownSeen = null;
    var auth = options.token ? { token: options.token } : {};
    this.socket = global.io("/live", { auth: auth, transports: ["websocket", "polling"] });
    var self = this, socket = this.socket;
    socket.on("connect", function () { self._onConnect(); });
    socket.on("disconnect", function (reason) {
      self._dropBuffer();
      if (self.status === "refused") { return; }
      self._status("disconnected");
      // The server closed this connection (a revoked link, a restart): try once more; a refused
      // link then answers connect_error and the page says so instead of "reconnecting…" forever.
      if (reason === "io server disconnect") { global.setTimeout(function () { socket.connect(); }, 1000); }
    });
    socket.on("connect_error", function (err) {
      var data = err && err.data;
      if (data && (data.code === "unauthorized" || data.code === "forbidden")) {
        self._status("refused", data.message || err.message);
        socket.disconnect();             // stop retrying a link the server refuses
        return;
      }
      self._status("disconnected");
      // A refusal of another kind (middleware) is not retried by socket.io itself: retry later.
      if (data && !socket.active) { global.setTimeout(function () { if (self.status !== "refused") { socket.connect(); } }, 3000); }
    });
    socket.on("state", function (state) { self._accept(state); });
    global.addEventListener("offline", function () {
      self.online = false;
      self._dropBuffer();
      if (self.status !== "refused") { self._status("disconnected"); }
    });
    global.addEventListener("online", function () {
      self.online = true;
      if (self.status === "refused") { return; }
      // socket.io may be waiting out its back-off (up to 5 s) before its next try: the network is
      // back now, so start a fresh connection at once (disconnect resets the back-off).
      if (socket.connected) { self._onConnect(); } else { self._status("disconnected"); socket.disconnect().connect(); }
    });
    // Listener counts are not versioned state: a `listeners` event (at most every few seconds)
    // updates STATE's channels.listeners in place.
    socket.on("listeners", function (message) { self._acceptListeners(message); });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible" && self.connected()) { self._join(); self.syncClock(); }
    });
    global.setInterval(function () { if (self.connected()) { self.syncClock(); } }, RESYNC_MS);
  }

  // True when a command sent now goes out now (never queued for later).
  LiveSession.prototype.connected = function () {
    return this.socket.connected && this.online && this.status === "connected";
  };

  // socket.io keeps what is emitted while disconnected and sends it on reconnect: never keep it.
  LiveSession.prototype._dropBuffer = function () {
    if (this.socket.sendBuffer) { this.socket.sendBuffer.length = 0; }
  };

  LiveSession.prototype._status = function (status, detail) {
    this.status = status;
    this.statusListeners.forEach(function (fn) { fn(status, detail); });
  };

  LiveSession.prototype._onConnect = function () {
    this._dropBuffer();
    if (!this.online) { this._status("disconnected"); return; }
    this._status("connected");
    this._join();
    this.syncClock();
  };

  LiveSession.prototype._join = function () {
    var self = this;
    return this.send("join", {}).then(function (ack) {
      if (ack.ok) {
        self.identity = ack.identity;
        self._accept(ack.state, true);
      }
      return ack;
    });
  };

  // Newest version wins; an equal version is accepted when `force` (a join or a refusal carries
  // the current STATE with a fresh server_time).
  LiveSession.prototype._accept = function (state, force) {
    if (!state || state.session !== this.options.session) { return false; }
    if (this.state && (state.version < this.state.version ||
        (state.version === this.state.version && !force))) { return false; }
    // Until the clock round trips answer, the newest server_time is the best estimate.
    if (!this.synced && typeof state.server_time === "number") { this.base = state.server_time - monotonic(); }
    this.state = state;
    var self = this;
    this.listeners.forEach(function (fn) { fn(state, self); });
    return true;
  };

  // Take the STATE a refusal (`stale`) or an acknowledgement (`undo`) carries.
  LiveSession.prototype.accept = function (state) { return this._accept(state, true); };

  LiveSession.prototype._acceptListeners = function (message) {
    if (!message || !this.state || message.session !== this.state.session || !this.state.channels) { return; }
    this.state.channels.listeners = message.listeners;
    var self = this;
    this.listeners.forEach(function (fn) { fn(self.state, self); });
  };

  LiveSession.prototype.onState = function (fn) { this.listeners.push(fn); if (this.state) { fn(this.state, this); } };
  LiveSession.prototype.onStatus = function (fn) { this.statusListeners.push(fn); };

  // Emits `event` with the session filled in; resolves with the acknowledgement. While not
  // connected nothing is emitted (socket.io would send it on reconnect): the answer is at once
  // {"ok": false, "error": {"code": "offline"}}.
  LiveSession.prototype.send = function (event, payload) {
    var body = Object.assign({ session: this.options.session, conference: this.options.conference }, payload || {});
    var socket = this.socket;
    if (!socket.connected || !this.online || this.status === "refused") {
      return Promise.resolve({ ok: false, error: { code: "offline", message: text("offline_command") } });
    }
    return new Promise(function (resolve) {
      socket.timeout(10000).emit(event, body, function (err, ack) {
        resolve(err ? { ok: false, error: { code: "timeout", message: text("timeout") || "No answer from the server." } } : ack);
      });
    });
  };

  // Several round trips on the monotonic clock; the fastest half gives the offset.
  LiveSession.prototype.syncClock = function (rounds) {
    var self = this, samples = [];
    rounds = rounds || 5;
    function once() {
      var sent = monotonic();
      return self.send("clock", {}).then(function (ack) {
        var received = monotonic();
        if (ack && ack.ok) { samples.push({ sent: sent, received: received, server_time: ack.server_time }); }
      });
    }
    var chain = Promise.resolve();
    for (var i = 0; i < rounds; i++) { chain = chain.then(once); }
    return chain.then(function () {
      var base = clockBase(samples);
      if (base === null) { return self.offset(); }
      self.synced = true;
      self.base = base;
      self.listeners.forEach(function (fn) { if (self.state) { fn(self.state, self); } });
      return self.offset();
    });
  };

  // The server's clock now (Unix ms), from the monotonic clock: a change of this machine's
  // wall clock does not move it.
  LiveSession.prototype.serverNow = function () { return this.base + monotonic(); };
  // Server clock minus this machine's wall clock, in ms.
  LiveSession.prototype.offset = function () { return this.serverNow() - Date.now(); };

  // The timer as of now, from the last state (no server ticks).
  LiveSession.prototype.timerRemaining = function () { return remainingMs(this.state, this.serverNow()); };
  LiveSession.prototype.timerElapsed = function () {
    var t = this.state && this.state.timer;
    return t ? t.limit_s * 1000 - this.timerRemaining() : 0;
  };

  // The interpreters' "slow down" signal, while fresh and while the slot it was given in is current.
  LiveSession.prototype.slowdown = function (seconds) {
    var state = this.state, signal = state && state.channels && state.channels.slowdown;
    if (!signal) { return null; }
    if (!this.slowdownSeen || this.slowdownSeen.at !== signal.at) { this.slowdownSeen = { at: signal.at, slot: state.slot }; }
    if (this.slowdownSeen.slot !== state.slot) { return null; }
    if (this.serverNow() - signal.at >= (seconds || 20) * 1000) { return null; }
    return signal;
  };

  // -- what every page shows the same way -------------------------------------------------------

  function setPhase(node, p) {
    ["normal", "warning", "overrun"].forEach(function (name) { node.classList.toggle("phase-" + name, name === p); });
  }

  // A countdown node: text, remaining ms, phase class; amber and overrun are announced once per
  // slot however they are reached (Minbar.phaseNotice); the seconds themselves never are (the
  // node is a role="timer", which is not a live region).
  var notices = null;
  function renderCountdown(node, session, options) {
    options = options || {};
    var state = session.state;
    if (!node || !state) { return null; }
    var remaining = session.timerRemaining();
    var p = phase(remaining, state.timer.warn_s);
    node.textContent = formatClock(remaining);
    node.setAttribute("data-remaining-ms", String(Math.round(remaining)));
    node.setAttribute("data-status", state.timer.status);
    setPhase(node, p);
    if (options.announce !== false) { announcePhase(state, p); }
    if (options.fit) { fitText(node); }
    return { remaining: remaining, phase: p };
  }

  function announcePhase(state, p) {
    var out = kit.phaseNotice(notices, state.slot, p, state.timer.status);
    notices = out.memory;
    if (out.say) { announce(text(out.say === "warning" ? "phase_warning" : "phase_overrun")); }
  }

  function announce(message) {
    var region = document.getElementById("live-announcer");
    if (!region || !message) { return; }
    region.textContent = "";
    global.setTimeout(function () { region.textContent = message; }, 50);
  }

  // A live region's text, set only when it changes: rewriting the same words makes screen readers
  // say them again.
  function setText(node, words) {
    if (node && node.textContent !== words) { node.textContent = words; }
  }

  // `node` filled with a translated sentence whose values (names, languages: words that may run in
  // another direction than the sentence) are each isolated in a <bdi>, so "5 minutes" never
  // becomes "minutes 5" beside an Arabic name. `values` as for fill; a value that is a DOM node
  // (a span already marked with its own lang and dir) goes in as it is.
  function fillInto(node, sentence, values) {
    values = values || {};
    node.textContent = "";
    var pattern = /%\((\w+)\)s/g, at = 0, match;
    var source = String(sentence === undefined || sentence === null ? "" : sentence);
    while ((match = pattern.exec(source)) !== null) {
      if (match.index > at) { node.appendChild(document.createTextNode(source.slice(at, match.index))); }
      var value = values[match[1]];
      if (value instanceof Node) {
        node.appendChild(value);          // already marked by the caller (its own lang and dir)
      } else if (value !== undefined && value !== null && value !== "") {
        var bdi = document.createElement("bdi");
        bdi.textContent = String(value);
        node.appendChild(bdi);
      }
      at = pattern.lastIndex;
    }
    if (at < source.length) { node.appendChild(document.createTextNode(source.slice(at))); }
    return node;
  }

  // The same for an attribute (aria-label cannot hold a <bdi>): each value between Unicode's
  // first-strong isolate and pop directional isolate marks.
  function fillIsolated(sentence, values) {
    var isolated = {};
    Object.keys(values || {}).forEach(function (name) {
      var value = values[name];
      isolated[name] = value === undefined || value === null || value === "" ? value : "\u2068" + value + "\u2069";
    });
    return kit.fill(sentence, isolated);
  }

  // A clock time (Unix ms) in `zone`, in the page's own pattern (babel's, sent in #live-texts:
  // Minbar.formatTime), the one way live pages write a time of day.
  var zoneFormats = {};
  function clockTime(ms, zone) {
    var format = zoneFormats[zone];
    if (!format) {
      format = zoneFormats[zone] = new global.Intl.DateTimeFormat("en-US", {
        hour: "numeric", minute: "numeric", hourCycle: "h23", timeZone: zone });
    }
    var hour = 0, minute = 0;
    format.formatToParts(new Date(ms)).forEach(function (part) {
      if (part.type === "hour") { hour = Number(part.value) % 24; }
      if (part.type === "minute") { minute = Number(part.value); }
    });
    return kit.formatTime(texts().time_format, hour, minute);
  }

  // Shrinks `node`'s font until its text fits its container's width and the viewport's height
  // (the CSS size is the largest it may be).
  function fitText(node) {
    var parent = node.parentElement;
    if (!parent) { return; }
    node.style.fontSize = "";
    var css = parseFloat(global.getComputedStyle(node).fontSize);
    var available = parent.clientWidth;
    var needed = node.scrollWidth;
    if (available > 0 && needed > available) {
      node.style.fontSize = Math.floor(css * available / needed * 0.98) + "px";
    }
  }

  // The indicator #live-connection: a dot and words, in the page's language.
  function renderStatus(status, detail) {
    var indicator = document.getElementById("live-connection");
    if (!indicator) { return; }
    indicator.setAttribute("data-status", status);
    var words = indicator.querySelector(".live-connection-text");
    if (words) { words.textContent = text(status) || status; }
    document.documentElement.setAttribute("data-live", status);
  }

  // A page starts one live session from its config (token, conference, session, server_time);
  // its panels (queue, channels, ...) hook in with whenLive, whatever order their scripts load in.
  var waiting = [];
  function startLive(options) {
    var session = new LiveSession(options);
    global.Minbar.session = session;
    session.onStatus(renderStatus);
    waiting.splice(0).forEach(function (fn) { fn(session); });
    return session;
  }
  function whenLive(fn) {
    if (global.Minbar.session) { fn(global.Minbar.session); } else { waiting.push(fn); }
  }

  // Who speaks now and next, the one answer every page shows: STATE `speakers`
  // (sessions/live/next_speakers.py), or the kit's same rule on an older STATE without it.
  function speakersOf(state, cfg) {
    if (state.speakers) { return state.speakers; }
    return kit.nextSpeakers(cfg.slots.map(function (s) { return { id: s.id, kind: s.kind }; }), state.slot, state.queue);
  }

  // `list` (an <ol>) filled with `entries` of `speakers`, each item: role, name and language, both
  // isolated (<bdi>), the language named by `languageName(code)` and marked with its `lang` when
  // named in itself ("العربية"), not when `options.nameLang` is false (named in the reader's
  // language); `empty` when there are none.
  function renderSpeakers(list, entries, cfg, languageName, empty, options) {
    var nameLang = !(options && options.nameLang === false);
    var slots = {};
    cfg.slots.forEach(function (slot) { slots[slot.id] = slot; });
    list.textContent = "";
    entries.forEach(function (entry) {
      var shown = kit.describeSpeaker(entry, slots, cfg.labels || {});
      var item = document.createElement("li");
      item.className = "next-speaker next-" + entry.kind;
      item.setAttribute(entry.kind === "request" ? "data-entry" : "data-slot", entry.entry || entry.slot);
      [["slot-role", shown.role], ["speaker", shown.name],
       ["language", shown.language ? languageName(shown.language) : ""]].forEach(function (part) {
        if (!part[1]) { return; }
        var span = document.createElement(part[0] === "slot-role" ? "span" : "bdi");
        span.className = part[0];
        span.textContent = part[1];
        if (part[0] === "language" && nameLang) { span.setAttribute("lang", shown.language); }
        item.appendChild(span);
      });
      list.appendChild(item);
    });
    if (!entries.length && empty) {
      var none = document.createElement("li");
      none.textContent = empty;
      list.appendChild(none);
    }
  }

  var Minbar = global.Minbar;
  Minbar.speakersOf = speakersOf;
  Minbar.renderSpeakers = renderSpeakers;
  Minbar.LiveSession = LiveSession;
  Minbar.startLive = startLive;
  Minbar.whenLive = whenLive;
  Minbar.config = config;
  Minbar.texts = texts;
  Minbar.text = text;
  // "Label: value" with the language's own punctuation (French: a narrow no-break space before ":").
  Minbar.labelled = function (label, value) {
    return Minbar.fill(text("labelled") || "%(label)s: %(value)s", { label: label, value: value });
  };
  Minbar.setPhase = setPhase;
  Minbar.renderCountdown = renderCountdown;
  Minbar.announce = announce;
  Minbar.setText = setText;
  Minbar.fillInto = fillInto;
  Minbar.fillIsolated = fillIsolated;
  Minbar.clockTime = clockTime;
  Minbar.fitText = fitText;
})(typeof window !== "undefined" ? window : globalThis);
