// The open-discussion queue's shared part: what the participant's request (static/js/floor-request.js)
// and the chair's list of speakers (static/js/queue-panel.js) both need. Both render from the
// session's last STATE (`queue`, `timer`, `server_time`) and the clock offset kept by
// static/js/live.js; nothing counts on its own except the display between two states (time
// waiting, time left), derived from the state's instants. Commands go out as `queue` events; the
// server answers with the new STATE. Every string shown comes translated from a panel's JSON config.
(function (global) {
  "use strict";

  if (global.Minbar.queue) { return; }     // both partials load this file

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

  // Shows `ack`'s refusal (or nothing) in `node`. A refusal the page has no words for is the
  // server's, in English: marked so, so that a screen reader reads it with the right voice.
  function showError(node, cfg, ack, otherwise) {
    var code = ack && ack.error && ack.error.code;
    var servers = !ack.ok && !cfg.errors[code] && !!(ack.error && ack.error.message);
    node.textContent = ack.ok ? (otherwise || "") : errorText(cfg, ack);
    if (servers) { node.lang = "en"; node.dir = "ltr"; } else { node.removeAttribute("lang"); node.removeAttribute("dir"); }
  }

  // A command's answer carries the new STATE; take it at once (newest version wins in live.js)
  // rather than wait for the room's broadcast.
  function acceptState(session, ack) {
    if (ack && ack.ok && ack.state && typeof session._accept === "function") { session._accept(ack.state); }
  }

  // Runs `panel(session)` once the page's live session exists, if the panel's root is on the page.
  function whenPanel(rootId, panel) {
    function start() {
      if (!global.Minbar.whenLive || !$(rootId)) { return; }
      global.Minbar.whenLive(panel);
    }
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
  }

  global.Minbar.queue = { $: $, readConfig: readConfig, fill: fill, minutesText: minutesText, errorText: errorText, showError: showError,
                          acceptState: acceptState, whenPanel: whenPanel };
})(window);
