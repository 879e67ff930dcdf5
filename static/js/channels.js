// Interpretation channels on the live pages: the chair console's panel (#channels-panel), the
// participant's channel picker (#channel-picker), and helpers the booth view shares
// (Minbar.channels). Everything is rendered from STATE.channels; strings come translated from the
// server (#channels-config, or the page config's `channels`).
//
// The picker remembers the choice per conference in localStorage (per sign-in link when the page
// has one, so two people sharing a browser keep their own), sends it with `select`, and repeats
// it every HEARTBEAT_MS so the server keeps counting this listener (see sessions/live/channels_live.py).
(function (global) {
  "use strict";

  var Minbar = global.Minbar = global.Minbar || {};
  var HEARTBEAT_MS = 120 * 1000;

  var fill = Minbar.fill;          // static/js/live.js

  function texts() {
    var node = document.getElementById("channels-config");
    if (node) { return JSON.parse(node.textContent); }
    var cfg = Minbar.config ? Minbar.config() : {};
    return cfg.channels || { labels: {}, names: {}, names_inline: {} };
  }

  function helpers(t) {
    var L = t.labels;
    function name(code) { return t.names[code] || code; }
    function inline(code) { return t.names_inline[code] || code; }
    function boothValues(code) { return { booth: String(code || "").toUpperCase(), booth_name: inline(code) }; }

    // What a booth does now, for the chair and the interpreters.
    function modeText(b, floor) {
      if (!b.on && b.mode !== "floor") { return L.booth_off; }
      if (b.mode === "floor") { return L.mode_floor; }
      if (b.mode === "direct") { return fill(L.mode_direct, { language: inline(floor) }); }
      if (b.mode === "relay") { return fill(L.mode_relay, boothValues(b.via)); }
      return L.mode_unavailable;
    }

    // What a listener gets on a channel.
    function channelText(b, floor) {
      if (b.mode === "floor") { return L.picker_floor; }
      if (b.mode === "direct") { return fill(L.picker_direct, { language: inline(floor) }); }
      if (b.mode === "relay") { return fill(L.picker_relay, { language: inline(b.via) }); }
      return L.picker_unavailable;
    }

    function warningText(w) {
      var values = Object.assign(boothValues(w.language), { floor_name: inline(w.floor) });
      if (w.code === "no_path") { return fill(L.warn_no_path, values); }
      if (w.code === "relay_source_off") {
        values.channels = (w.channels || []).map(inline).join(", ");
        return fill(L.warn_relay_source_off, values);
      }
      if (w.code === "next_no_path") {
        values.language = inline(w.speaker_language);
        return fill(L.warn_next_no_path, values);
      }
      return w.message;
    }

    // The list is an aria-live region: it is rewritten only when its sentences change, so a
    // screen reader hears a warning once, not again at every STATE, listener count or clock sync.
    function renderWarnings(list, channels) {
      var items = (channels.warnings || []).map(function (w) {
        return { className: "channel-warning warning-" + w.code, code: w.code, language: w.language, text: warningText(w) };
      });
      if (!items.length && L.no_warnings) { items.push({ className: "channel-ok", text: L.no_warnings }); }
      var now = Array.prototype.map.call(list.children, function (li) { return li.textContent.trim(); }).join("\n");
      if (now === items.map(function (item) { return item.text; }).join("\n")) { return; }
      list.textContent = "";
      items.forEach(function (spec) {
        var item = document.createElement("li");
        item.className = spec.className;
        if (spec.code) {
          item.setAttribute("data-code", spec.code);
          item.setAttribute("data-language", spec.language);
        }
        item.textContent = spec.text;
        list.appendChild(item);
      });
    }

    // The "slow down" signal while it is fresh (SLOWDOWN_S after `at`, on the server's clock).
    function slowdownText(channels, session, seconds) {
      // Fresh, and given during the current slot (Minbar.LiveSession.slowdown).
      var s = session.slowdown(seconds || 20);
      if (!s) { return ""; }
      return fill(L.slowdown, boothValues(s.booth));
    }

    function sourceText(source) { return L["source_" + (source && source.kind)] || ""; }

    return { L: L, fill: fill, name: name, inline: inline, modeText: modeText, channelText: channelText,
             warningText: warningText, renderWarnings: renderWarnings, slowdownText: slowdownText,
             sourceText: sourceText };
  }

  function feedback(node, ack, errors) {
    if (!node) { return; }
    node.textContent = ack.ok ? "" : ((errors && errors[ack.error.code]) || ack.error.message);
  }

  // -- the chair console's panel ---------------------------------------------------------------

  function panel(root, session) {
    var h = helpers(texts());
    var cfg = Minbar.config();
    var $ = function (sel) { return root.querySelector(sel); };

    root.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !root.contains(button)) { return; }
      var sent;
      if (button.hasAttribute("data-floor")) {
        sent = session.send("channel", { action: "floor", language: button.getAttribute("data-floor") });
      } else if (button.hasAttribute("data-booth")) {
        sent = session.send("channel", { action: "booth", booth: button.getAttribute("data-booth"),
                                         on: button.getAttribute("aria-pressed") !== "true" });
      } else if (button.id === "channels-slowdown-clear") {
        sent = session.send("channel", { action: "slowdown", on: false });
      }
      if (sent) { sent.then(function (ack) { feedback($("#channels-feedback"), ack, cfg.errors); }); }
    });

    function render(state) {
      var c = state.channels;
      if (!c) { return; }
      // Language names are in the reader's language, so they carry the page's own `lang`.
      $("#channels-floor").textContent = h.name(c.floor);
      $("#channels-floor-source").textContent = h.sourceText(c.floor_source);
      root.querySelectorAll("[data-floor]").forEach(function (b) {
        b.setAttribute("aria-pressed", String(b.getAttribute("data-floor") === c.floor));
      });
      (c.booths || []).forEach(function (b) {
        var row = root.querySelector('[data-booth-row="' + b.language + '"]');
        if (!row) { return; }
        var mode = row.querySelector("[data-field=mode]");
        mode.textContent = h.modeText(b, c.floor);
        mode.className = "channel-mode mode-" + b.mode + (b.on ? "" : " is-off");
        mode.setAttribute("data-mode", b.mode);
        var toggle = row.querySelector("[data-booth]");
        toggle.setAttribute("aria-pressed", String(b.on));
        // "Booth on", and for assistive technology " — Arabic": the name holds the visible words.
        toggle.querySelector("[data-field=switch]").textContent = b.on ? h.L.booth_on : h.L.booth_off;
        row.querySelector("[data-field=listeners]").textContent = String((c.listeners || {})[b.language] || 0);
      });
      var floorCount = $("#channels-floor-listeners");
      if (floorCount) { floorCount.textContent = String((c.listeners || {}).floor || 0); }
      h.renderWarnings($("#channels-warnings"), c);
      tick();
    }

    function tick() {
      var state = session.state;
      if (!state || !state.channels) { return; }
      var text = h.slowdownText(state.channels, session);
      $("#channels-slowdown").hidden = !text;
      Minbar.setText($("#channels-slowdown-text"), text);
    }

    session.onState(render);
    global.setInterval(tick, 500);
  }

  // -- the participant's picker ----------------------------------------------------------------

  function storageKey(cfg) {
    // Per conference, and per sign-in link when there is one (a short hash, not the token).
    var key = "minbar.channel." + cfg.conference;
    if (cfg.token) {
      var hash = 0;
      for (var i = 0; i < cfg.token.length; i++) { hash = (hash * 31 + cfg.token.charCodeAt(i)) | 0; }
      key += "." + (hash >>> 0).toString(36);
    }
    return key;
  }

  function clientId() {
    // A random id for this browser, so anonymous listeners are counted once each.
    var id = null;
    try { id = global.localStorage.getItem("minbar.client"); } catch (e) { /* private mode */ }
    if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
      var bytes = new Uint8Array(16);
      global.crypto.getRandomValues(bytes);
      id = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
      try { global.localStorage.setItem("minbar.client", id); } catch (e) { /* not remembered */ }
    }
    return id;
  }

  function picker(root, session) {
    var h = helpers(texts());
    var cfg = Minbar.config();
    var key = storageKey(cfg);
    var client = clientId();
    var chosen = null;
    try { chosen = global.localStorage.getItem(key); } catch (e) { chosen = null; }
    chosen = chosen || "floor";

    function valid(choice) { return !!root.querySelector('[data-channel="' + choice + '"]'); }
    if (!valid(chosen)) { chosen = "floor"; }

    function announce() {
      return session.send("channel", { action: "select", language: chosen, client: client }).then(function (ack) {
        feedback(root.querySelector("#picker-feedback"), ack, cfg.errors);
      });
    }

    function choose(choice) {
      chosen = choice;
      try { global.localStorage.setItem(key, choice); } catch (e) { /* not remembered */ }
      render(session.state);
      announce();
    }

    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-channel]");
      if (button && root.contains(button)) { choose(button.getAttribute("data-channel")); }
    });

    function render(state) {
      root.querySelectorAll("[data-channel]").forEach(function (b) {
        var pressed = b.getAttribute("data-channel") === chosen;
        b.setAttribute("aria-pressed", String(pressed));
        b.closest(".channel-option").classList.toggle("is-chosen", pressed);
      });
      var c = state && state.channels;
      if (!c) { return; }
      var floorStatus = root.querySelector('[data-status-for="floor"]');
      floorStatus.textContent = h.fill(h.L.picker_floor_now, { language: h.inline(c.floor) });
      root.querySelector('[data-channel-option="floor"]').setAttribute("data-live", "true");
      (c.booths || []).forEach(function (b) {
        var option = root.querySelector('[data-channel-option="' + b.language + '"]');
        if (!option) { return; }
        option.setAttribute("data-mode", b.mode);
        option.setAttribute("data-live", String(b.mode !== "unavailable"));
        option.querySelector("[data-status-for]").textContent = h.channelText(b, c.floor);
      });
      root.querySelectorAll("[data-listen-for]").forEach(function (link) {
        var url = (c.listen || {})[link.getAttribute("data-listen-for")];
        link.hidden = !url;
        if (url) { link.href = url; }
      });
    }

    session.onState(render);
    session.onStatus(function (status) { if (status === "connected") { announce(); } });
    if (session.socket && session.socket.connected) { announce(); }
    global.setInterval(function () { if (session.socket.connected) { announce(); } }, HEARTBEAT_MS);
    render(session.state);
  }

  Minbar.channels = { helpers: helpers, texts: texts, fill: fill, storageKey: storageKey };

  function start() {
    var panelRoot = document.getElementById("channels-panel");
    var pickerRoot = document.getElementById("channel-picker");
    if (!panelRoot && !pickerRoot) { return; }
    Minbar.whenLive(function (session) {
      if (panelRoot) { panel(panelRoot, session); }
      if (pickerRoot) { picker(pickerRoot, session); }
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})(window);
