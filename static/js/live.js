// The live connection shared by every live page (console, stage, booth, participant, rapporteur).
//
// The server owns all state: this module joins the session's room, keeps the last STATE (newest
// version wins), and estimates the offset to the server's clock from several `clock` round trips,
// keeping the lowest-latency samples. Pages render from `state` and `serverNow()`; the server
// sends nothing per second. A reconnect or a tab waking up rejoins and gets the full state.
(function (global) {
  "use strict";

  function median(values) {
    var sorted = values.slice().sort(function (a, b) { return a - b; });
    var mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  function LiveSession(options) {
    this.options = options;
    this.state = null;
    this.identity = null;
    // Server clock minus local clock, in ms. Until the clock round trips answer, the server time
    // the page was rendered with is the best estimate (a rehearsal clock can be years away).
    this.offset = typeof options.server_time === "number" ? options.server_time - Date.now() : 0;
    this.listeners = [];
    this.statusListeners = [];
    var auth = options.token ? { token: options.token } : {};
    this.socket = global.io("/live", { auth: auth, transports: ["websocket", "polling"] });
    var self = this;
    this.socket.on("connect", function () { self._onConnect(); });
    this.socket.on("disconnect", function () { self._status("disconnected"); });
    this.socket.on("connect_error", function (err) {
      self._status("refused", err && err.data ? err.data.message || err.message : err.message);
    });
    this.socket.on("state", function (state) { self._accept(state); });
    // Listener counts are not versioned state: a `listeners` event (at most every few seconds)
    // updates STATE's channels.listeners in place.
    this.socket.on("listeners", function (message) { self._acceptListeners(message); });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible" && self.socket.connected) { self._join(); self.syncClock(); }
    });
  }

  LiveSession.prototype._status = function (status, detail) {
    this.statusListeners.forEach(function (fn) { fn(status, detail); });
  };

  LiveSession.prototype._onConnect = function () {
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

  // Newest version wins; an equal version is accepted on join (it carries a fresh server_time).
  LiveSession.prototype._accept = function (state, fromJoin) {
    if (!state || state.session !== this.options.session) { return; }
    if (this.state && (state.version < this.state.version ||
        (state.version === this.state.version && !fromJoin))) { return; }
    // Until the clock round trips answer, the newest server_time is the best offset estimate
    // (on a rehearsal clock the server is years away from this machine's clock).
    if (!this.synced) { this.offset = state.server_time - Date.now(); }
    this.state = state;
    var self = this;
    this.listeners.forEach(function (fn) { fn(state, self); });
  };

  LiveSession.prototype._acceptListeners = function (message) {
    if (!message || !this.state || message.session !== this.state.session || !this.state.channels) { return; }
    this.state.channels.listeners = message.listeners;
    var self = this;
    this.listeners.forEach(function (fn) { fn(self.state, self); });
  };

  LiveSession.prototype.onState = function (fn) { this.listeners.push(fn); if (this.state) { fn(this.state, this); } };
  LiveSession.prototype.onStatus = function (fn) { this.statusListeners.push(fn); };

  // Emits `event` with the session filled in; resolves with the acknowledgement.
  LiveSession.prototype.send = function (event, payload) {
    var body = Object.assign({ session: this.options.session, conference: this.options.conference }, payload || {});
    var socket = this.socket;
    return new Promise(function (resolve) {
      socket.timeout(10000).emit(event, body, function (err, ack) {
        resolve(err ? { ok: false, error: { code: "timeout", message: "No answer from the server." } } : ack);
      });
    });
  };

  // Several round trips; the offset of the fastest ones (least network noise) is kept.
  LiveSession.prototype.syncClock = function (rounds) {
    var self = this, samples = [];
    rounds = rounds || 5;
    function once() {
      var sent = Date.now();
      return self.send("clock", {}).then(function (ack) {
        var received = Date.now();
        if (ack && ack.ok) {
          samples.push({ rtt: received - sent, offset: ack.server_time - (sent + received) / 2 });
        }
      });
    }
    var chain = Promise.resolve();
    for (var i = 0; i < rounds; i++) { chain = chain.then(once); }
    return chain.then(function () {
      if (!samples.length) { return self.offset; }
      self.synced = true;
      samples.sort(function (a, b) { return a.rtt - b.rtt; });
      self.offset = median(samples.slice(0, Math.max(1, Math.ceil(samples.length / 2))).map(function (s) { return s.offset; }));
      self.listeners.forEach(function (fn) { if (self.state) { fn(self.state, self); } });
      return self.offset;
    });
  };

  LiveSession.prototype.serverNow = function () { return Date.now() + this.offset; };

  // Elapsed ms of the timer as of now, from the last state (no server ticks).
  LiveSession.prototype.timerElapsed = function () {
    var t = this.state && this.state.timer;
    if (!t) { return 0; }
    if (t.status !== "running") { return t.elapsed_ms; }
    return t.elapsed_ms + Math.max(0, this.serverNow() - this.state.server_time);
  };

  LiveSession.prototype.timerRemaining = function () {
    var t = this.state && this.state.timer;
    return t ? t.limit_s * 1000 - this.timerElapsed() : 0;
  };

  // "4:59", "0:07", overtime as "+0:42".
  function formatClock(ms) {
    var over = ms < 0;
    var total = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
    var m = Math.floor(total / 60), s = total % 60;
    return (over ? "+" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }

  function phase(remainingMs, warnS) {
    if (remainingMs <= 0) { return "overrun"; }
    if (remainingMs <= (warnS || 60) * 1000) { return "warning"; }
    return "normal";
  }

  // Reads the page's boot data: <script type="application/json" id="live-config">.
  function config() {
    var node = document.getElementById("live-config");
    return node ? JSON.parse(node.textContent) : {};
  }

  // A page starts one live session from its config (token, conference, session, server_time);
  // its panels (queue, channels, ...) hook in with whenLive,
  // whatever order their scripts load in.
  var waiting = [];
  function startLive(options) {
    var session = new LiveSession(options);
    global.Minbar.session = session;
    waiting.splice(0).forEach(function (fn) { fn(session); });
    return session;
  }
  function whenLive(fn) {
    if (global.Minbar.session) { fn(global.Minbar.session); } else { waiting.push(fn); }
  }

  global.Minbar = global.Minbar || {};
  global.Minbar.LiveSession = LiveSession;
  global.Minbar.startLive = startLive;
  global.Minbar.whenLive = whenLive;
  global.Minbar.formatClock = formatClock;
  global.Minbar.phase = phase;
  global.Minbar.config = config;
})(window);
