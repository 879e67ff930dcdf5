// The rapporteur's console (templates/sessions/rapporteur.html): the session's key messages in
// their original language, written, tagged, ordered and restored here; the versions in the other
// languages are the translator's view (static/js/translations.js). Both save through the one
// revisioned editor (static/js/revisioned.js): nothing typed is lost, a stale save is merged, never
// overwritten. A new message carries a client_key, so re-sending a create that did land makes no
// duplicate.
//
// Other rapporteurs' saves arrive as `key_messages` events on the session's room; a draft arrives
// as a notice and is fetched with this page's session (its sign-in cookie). Translators
// (cfg.can_write false) see the originals read-only.
//
// Message previews are the server's sanitised HTML (sessions/markup.render_html); everything else
// a person typed is set as text, never as HTML.
(function (global) {
  "use strict";

  var cfg = global.Minbar.config();
  var S = cfg.strings;
  var FIELDS = ["text", "objectives", "principles", "status", "group", "position"];
  var TEXT_DELAY = 900, FIELD_DELAY = 200;
  var R = global.Minbar.revisioned, request = R.request, empty = R.empty;
  var ws = R.workspace("minbar.km." + cfg.conference + "." + cfg.session, S, cfg);
  var store = ws.store;      // key -> pending edit {mid, client_key, base, snapshot, changes}

  var list = document.getElementById("km-list");
  var template = document.getElementById("km-card");
  var cards = {};            // key (message id, or "new:<client_key>") -> card
  var version = cfg.version || 0;
  var creating = 0, deferred = [];

  // -- small helpers ----------------------------------------------------------------------

  var fill = global.Minbar.fill;      // %(name)s placeholders, as every translated string has
  function fieldsOf(m) {
    var f = {};
    FIELDS.forEach(function (k) { f[k] = m[k] === undefined ? null : m[k]; });
    return f;
  }
  function langAttrs(node, code) {
    if (code) { node.lang = code; node.dir = (cfg.directions || {})[code] || "auto"; } else { node.dir = "auto"; }
  }
  function languageName(code) { return (cfg.language_names || {})[code] || code; }
  function statusLabel(status) {
    var option = template.content.querySelector('.km-status option[value="' + status + '"]');
    return option ? option.textContent : status;
  }
  function newKey() {
    var bytes = new Uint8Array(12);
    global.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  var versions = global.Minbar.translations({ ws: ws, cfg: cfg, S: S, languageName: languageName,
                                               langAttrs: langAttrs, statusLabel: statusLabel });
  ws.resolve = function (key) { return cards[key] || versions.resolve(key, cards); };
  var history = global.Minbar.keyMessageHistory({ cfg: cfg, S: S, when: ws.when, apply: function (m, force) { apply(m, force); } });

  // -- cards: each one is an editor of the revisioned text (static/js/revisioned.js) -------

  function makeCard(key, server, clientKey) {
    var el = template.content.firstElementChild.cloneNode(true);
    var card = { key: key, mid: server ? server.id : null, clientKey: clientKey || null, server: server,
                 el: el, inflight: false, conflict: null, timer: null, fieldsOf: fieldsOf, conflictText: S.conflict };
    el.dataset.key = key;
    var q = function (sel) { return el.querySelector(sel); };
    card.text = q(".km-text");
    card.preview = q(".km-preview");
    card.status = q(".km-status");
    card.group = q(".km-group");
    card.save = q(".km-save");
    card.note = q(".km-note");
    card.box = q(".km-conflict");
    card.objectives = el.querySelectorAll(".km-objectives input");
    card.principles = el.querySelectorAll(".km-principles input");
    editorOf(card);

    var edit = function (field, value, delay) { ws.edit(card, field, value, delay); };
    card.text.addEventListener("input", function () { edit("text", card.text.value, TEXT_DELAY); });
    card.status.addEventListener("change", function () { edit("status", card.status.value, FIELD_DELAY); });
    card.group.addEventListener("change", function () { edit("group", card.group.value || null, FIELD_DELAY); });
    Array.prototype.forEach.call(card.objectives, function (box) {
      box.addEventListener("change", function () { edit("objectives", checked(card.objectives, true), FIELD_DELAY); });
    });
    Array.prototype.forEach.call(card.principles, function (box) {
      box.addEventListener("change", function () { edit("principles", checked(card.principles, false), FIELD_DELAY); });
    });
    q(".km-up").addEventListener("click", function () { move(card, -1); });
    q(".km-down").addEventListener("click", function () { move(card, +1); });
    ws.bindConflict(card);
    var panel = q(".km-history");
    panel.addEventListener("toggle", function () { if (panel.open) { history.load(card); } });
    card.versionsBox = q(".km-versions");
    card.versions = {};
    card.versionsBox.addEventListener("toggle", function () { if (card.versionsBox.open) { versions.load(card); } });
    if (!cfg.can_write) {                                // a translator: the original is read-only
      card.text.readOnly = true;
      [card.status, card.group].concat(Array.prototype.slice.call(card.objectives), Array.prototype.slice.call(card.principles))
        .forEach(function (input) { input.disabled = true; });
      q(".km-order").hidden = true;
    }
    cards[key] = card;
    return card;
  }

  // The hooks of the revisioned editor: a card saves with POST (create) or PUT (a new revision).
  function editorOf(card) {
    card.newEntry = function () {
      return { mid: card.mid, client_key: card.clientKey, changes: {},
               base: card.server ? card.server.revision : null, snapshot: card.server ? fieldsOf(card.server) : null };
    };
    card.keepEmpty = function () { return !card.mid; };      // a new card keeps its client_key
    card.send = function (entry, sent) {
      if (entry.mid) {
        return request("PUT", cfg.api + "/" + encodeURIComponent(entry.mid), Object.assign({ base_revision: entry.base }, sent));
      }
      if (!(sent.text || "").trim()) { return null; }     // nothing to create yet
      creating++;
      card.creating = true;
      return request("POST", cfg.api, Object.assign({ client_key: entry.client_key }, sent))
        .then(function (res) { creating--; return res; });
    };
    card.adopt = function (entry, message) {
      if (entry.mid) { return; }                           // a create: the card now has its id
      delete store[card.key];
      delete cards[card.key];
      if (cards[message.id]) { cards[message.id].el.remove(); }   // its event came first: keep one card
      card.key = card.el.dataset.key = message.id;
      card.mid = entry.mid = message.id;
      cards[message.id] = card;
      store[message.id] = entry;
    };
    card.saved = function () { order(); card.note.textContent = ""; };
    card.rebased = function (current) { card.note.textContent = fill(S.newer, { n: current.revision, author: current.author }); };
    card.settled = function () { if (card.creating) { card.creating = false; drainDeferred(); } };
    card.render = function () { render(card); };
    card.say = function (text, kind) { card.save.replaceChildren(text); card.save.dataset.kind = kind || ""; };
  }

  function checked(boxes, numeric) {
    var values = [];
    Array.prototype.forEach.call(boxes, function (b) { if (b.checked) { values.push(numeric ? parseInt(b.value, 10) : b.value); } });
    return values;
  }

  // The values a card shows: the server's, with this device's pending changes on top.
  function shown(card) {
    var values = card.server ? fieldsOf(card.server) : { text: "", objectives: [], principles: [], status: "draft", group: null, position: null };
    var entry = store[card.key];
    if (entry) { Object.keys(entry.changes).forEach(function (k) { values[k] = entry.changes[k]; }); }
    return values;
  }

  function render(card) {
    var v = shown(card), entry = store[card.key];
    if (card.text.value !== v.text) { card.text.value = v.text; }
    card.status.value = v.status;
    if (v.group && !Array.prototype.some.call(card.group.options, function (o) { return o.value === v.group; })) {
      var option = document.createElement("option");
      option.value = v.group; option.textContent = v.group;
      card.group.appendChild(option);
    }
    card.group.value = v.group || "";
    Array.prototype.forEach.call(card.objectives, function (b) { b.checked = v.objectives.indexOf(parseInt(b.value, 10)) >= 0; });
    Array.prototype.forEach.call(card.principles, function (b) { b.checked = v.principles.indexOf(b.value) >= 0; });
    card.el.querySelector(".km-objectives .km-chosen").textContent = v.objectives.join(", ") || "–";
    card.el.querySelector(".km-principles .km-chosen").textContent =
      v.principles.map(function (k) { return cfg.principles[k] || k; }).join(" · ") || "–";
    // Server HTML only (sanitised there); a pending text shows the last saved rendering, dimmed.
    card.preview.innerHTML = card.server ? card.server.html : "";
    card.preview.classList.toggle("km-stale", !!(entry && entry.changes.text !== undefined));
    var badge = card.el.querySelector(".km-badge");
    badge.textContent = card.status.options[card.status.selectedIndex].text;
    badge.dataset.status = v.status;
    card.el.dataset.status = v.status;
    card.el.querySelector(".km-number").textContent = card.mid || "…";
    var original = card.server ? card.server.language : (cfg.my_language || (cfg.languages || [])[0]);
    card.el.querySelector(".km-language").textContent = fill(S.original, { name: languageName(original) });
    langAttrs(card.text, original);
    langAttrs(card.preview, original);
    versions.renderState(card);
    card.el.classList.toggle("km-pending", !!(entry && !empty(entry.changes)));
  }

  function order() {
    var all = Object.keys(cards).map(function (k) { return cards[k]; });
    all.sort(function (a, b) {
      var pa = a.server ? a.server.position : Infinity, pb = b.server ? b.server.position : Infinity;
      if (pa !== pb) { return pa < pb ? -1 : 1; }
      return (a.mid || "~" + a.key) < (b.mid || "~" + b.key) ? -1 : 1;
    });
    all.forEach(function (card, i) {
      if (list.children[i] !== card.el) { list.insertBefore(card.el, list.children[i] || null); }
    });
    document.getElementById("km-empty").hidden = all.length > 0;
    return all;
  }

  // -- order ------------------------------------------------------------------------------

  function move(card, step) {
    var saved = order().filter(function (c) { return c.mid; });
    var i = saved.indexOf(card), j = i + step;
    if (i < 0 || j < 0 || j >= saved.length) { return; }
    var ids = saved.map(function (c) { return c.mid; });
    ids[i] = saved[j].mid; ids[j] = card.mid;
    request("PUT", cfg.api + "/order", { order: ids }).then(function (res) {
      if (res.ok) {
        res.body.forEach(apply);
      } else {
        card.note.replaceChildren(res.status ? R.refusal(S, res.body && res.body.error, res.status) : S.pending);
      }
    });
  }

  // -- what the server says ---------------------------------------------------------------

  // A message as the server now has it; a card with pending changes keeps them (and learns that
  // its base moved: the next save will rebase or ask to merge).
  function apply(message, force) {
    var card = cards[message.id];
    if (!card) {
      card = makeCard(message.id, message);
      list.appendChild(card.el);
    } else if (card.server && message.revision < card.server.revision && !force) {
      return;
    } else {
      var entry = store[card.key];
      if (entry && !empty(entry.changes) && card.server && message.revision > card.server.revision &&
          message.author !== cfg.me) {
        card.note.textContent = fill(S.newer, { n: message.revision, author: message.author });
      }
      card.server = message;
    }
    render(card);
    order();
  }

  function onEvent(event) {
    if (!event || event.session !== cfg.session || !event.message) { return; }
    var gap = event.version > version + 1;
    version = Math.max(version, event.version);
    if (gap) { refresh(); return; }
    var m = event.message;
    if (!cards[m.id] && creating > 0) { deferred.push(event); return; }   // maybe our own create
    if (m.redacted) { fetchOne(m.id); } else { apply(m); }
    if (event.language && cards[m.id]) { versions.refresh(cards[m.id], event.language); }
  }

  function drainDeferred() {
    if (creating > 0) { return; }
    deferred.splice(0).forEach(function (event) {
      var m = event.message;
      if (m.redacted) { fetchOne(m.id); } else { apply(m); }
    });
  }

  function fetchOne(mid) {
    request("GET", cfg.api + "/" + encodeURIComponent(mid)).then(function (res) {
      if (res.ok) { apply(res.body); }
    });
  }

  function refresh() {
    return request("GET", cfg.api).then(function (res) {
      if (!res.ok) { return; }
      var total = 0;
      res.body.forEach(function (m) {
        total += m.revision;
        Object.keys(m.versions || {}).forEach(function (code) { total += m.versions[code].revision; });
        apply(m);
      });
      version = Math.max(version, total);
    });
  }

  // -- the live panel ---------------------------------------------------------------------

  function renderNow(state) {
    var speaking = state.queue && state.queue.speaking;
    var slot = cfg.slots[state.slot] || {};
    var who = speaking ? { speaker: speaking.name, delegation: speaking.delegation,
                           group: cfg.groups[speaking.group] || speaking.group } : slot;
    document.getElementById("km-speaker").textContent = who.speaker || S.nobody;
    document.getElementById("km-delegation").textContent = who.delegation || "–";
    document.getElementById("km-group").textContent = who.group || "–";
    document.getElementById("km-slot").textContent = slot.role || "–";
  }

  function renderTimer(session) {
    var t = session.state && session.state.timer;
    var node = document.getElementById("km-timer");
    if (!t) { node.textContent = "–"; return; }
    node.textContent = duration(session.timerRemaining());
    node.dataset.phase = global.Minbar.phase(session.timerRemaining(), t.warn_s);
  }

  // Minutes and seconds near the end; hours, then days, when the end is far away ("1691:10" is
  // seventy days, which no one reads off a clock).
  function duration(ms) {
    var minutes = Math.floor(Math.abs(ms) / 60000);
    if (minutes < 60) { return global.Minbar.formatClock(ms); }
    var sign = ms < 0 ? "+" : "";
    var hours = Math.floor(minutes / 60);
    if (hours < 24) { return sign + fill(S.hours, { h: hours, m: minutes % 60 }); }
    return sign + fill(S.days, { d: Math.floor(hours / 24), h: hours % 24 });
  }

  // -- start ------------------------------------------------------------------------------

  function start() {
    (cfg.messages || []).forEach(function (m) { list.appendChild(makeCard(m.id, m).el); });
    Object.keys(store).forEach(function (key) {        // edits this device had not yet delivered
      var entry = store[key];
      if (!cards[key] && !entry.mid && entry.client_key) {
        list.appendChild(makeCard(key, null, entry.client_key).el);
      }
    });
    Object.keys(cards).forEach(function (k) { render(cards[k]); });
    order();
    ws.flushAll();

    var newButton = document.getElementById("km-new");
    if (newButton) newButton.addEventListener("click", function () {
      var clientKey = newKey();
      var card = makeCard("new:" + clientKey, null, clientKey);
      list.appendChild(card.el);
      ws.entry(card);
      ws.persist();
      render(card);
      order();
      card.text.focus();
    });
    global.addEventListener("online", ws.flushAll);

    var session = global.Minbar.startLive({ token: cfg.token, conference: cfg.conference, session: cfg.session });
    var connection = document.getElementById("km-connection");
    var wasDown = false;
    session.onStatus(function (status) {
      connection.dataset.status = status;
      connection.textContent = status === "connected" ? S.connected : (global.Minbar.text(status) || S.disconnected);
      if (status === "connected") {
        if (wasDown) { refresh().then(ws.flushAll); }
        wasDown = false;
      } else {
        wasDown = true;
      }
    });
    session.socket.on("key_messages", onEvent);
    session.onState(renderNow);
    setInterval(function () { renderTimer(session); }, 250);
  }

  start();
  global.Minbar.rapporteur = { cards: cards, store: store, flushAll: ws.flushAll, duration: duration };
})(window);
