// The rapporteur console (templates/sessions/rapporteur.html).
//
// No edit is lost: every change goes first into localStorage as a pending edit together with the
// revision it is based on (and the fields as they stood at that revision), then to the server,
// debounced. A pending edit leaves localStorage only when the server has acknowledged it, so a
// dropped connection, a closed tab or a crash keeps it; it is sent again on reconnect or reload.
// A new message carries a client_key, so re-sending a create that did land makes no duplicate.
//
// Conflicts: a 409 whose intervening change touched none of the fields being saved (someone moved
// the message, or agreed it while you edited the text) is rebased and re-sent at once; otherwise
// both texts are shown side by side with a merge box, and nothing is sent until the rapporteur
// decides. Other rapporteurs' saves arrive as `key_messages` events on the session's room; a
// draft arrives as a notice and is fetched with this page's session (its sign-in cookie).
//
// Languages: a message is written in one language (its original, `language`) and has a version in
// each other conference language, with its own revisions and status. Translators (cfg.can_write
// false) edit versions only; versions save like the original (pending edits kept on this device,
// `base_revision`, a 409 shows both texts to merge). A version's text is fetched when its panel is
// opened, and again when another writer's save of it arrives.
//
// Message previews are the server's sanitised HTML (sessions/markup.render_html); everything else
// a person typed is set as text, never as HTML.
(function (global) {
  "use strict";

  var cfg = global.Minbar.config();
  var S = cfg.strings;
  var FIELDS = ["text", "objectives", "principles", "status", "group", "position"];
  var STORE_KEY = "minbar.km." + cfg.conference + "." + cfg.session;
  var TEXT_DELAY = 900, FIELD_DELAY = 200, REQUEST_TIMEOUT = 15000;

  var list = document.getElementById("km-list");
  var template = document.getElementById("km-card");
  var cards = {};            // key (message id, or "new:<client_key>") -> card
  var store = loadStore();   // key -> pending edit {mid, client_key, base, snapshot, changes}
  var version = cfg.version || 0;
  var creating = 0, deferred = [];
  var retryDelay = 2000, retryTimer = null;

  // -- small helpers ----------------------------------------------------------------------

  var fill = global.Minbar.fill;      // %(name)s placeholders, as every translated string has
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
  function empty(o) { return !o || Object.keys(o).length === 0; }
  function fieldsOf(m) {
    var f = {};
    FIELDS.forEach(function (k) { f[k] = m[k] === undefined ? null : m[k]; });
    return f;
  }
  function langAttrs(node, code) {
    if (code) { node.lang = code; node.dir = (cfg.directions || {})[code] || "auto"; } else { node.dir = "auto"; }
  }
  function languageName(code) { return (cfg.language_names || {})[code] || code; }
  function newKey() {
    var bytes = new Uint8Array(12);
    global.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function loadStore() {
    try { return JSON.parse(global.localStorage.getItem(STORE_KEY) || "{}") || {}; } catch (e) { return {}; }
  }
  function persist() {
    try { global.localStorage.setItem(STORE_KEY, JSON.stringify(store)); } catch (e) { /* private mode: memory only */ }
  }

  function request(method, url, body) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, REQUEST_TIMEOUT);
    return fetch(url, {
      method: method, cache: "no-store", signal: controller.signal,
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      clearTimeout(timer);
      return response.json().catch(function () { return null; }).then(function (data) {
        return { ok: response.ok, status: response.status, body: data };
      });
    }, function () {
      clearTimeout(timer);
      return { ok: false, status: 0, body: null };   // offline, timed out, server away
    });
  }

  // -- cards ------------------------------------------------------------------------------

  function makeCard(key, server, clientKey) {
    var el = template.content.firstElementChild.cloneNode(true);
    var card = { key: key, mid: server ? server.id : null, clientKey: clientKey || null, server: server,
                 el: el, inflight: false, conflict: null, timer: null };
    el.dataset.key = key;
    var q = function (sel) { return el.querySelector(sel); };
    card.text = q(".km-text");
    card.preview = q(".km-preview");
    card.status = q(".km-status");
    card.group = q(".km-group");
    card.save = q(".km-save");
    card.note = q(".km-note");
    card.objectives = el.querySelectorAll(".km-objectives input");
    card.principles = el.querySelectorAll(".km-principles input");

    card.text.addEventListener("input", function () { edit(card, "text", card.text.value, TEXT_DELAY); });
    card.status.addEventListener("change", function () { edit(card, "status", card.status.value, FIELD_DELAY); });
    card.group.addEventListener("change", function () { edit(card, "group", card.group.value || null, FIELD_DELAY); });
    Array.prototype.forEach.call(card.objectives, function (box) {
      box.addEventListener("change", function () { edit(card, "objectives", checked(card.objectives, true), FIELD_DELAY); });
    });
    Array.prototype.forEach.call(card.principles, function (box) {
      box.addEventListener("change", function () { edit(card, "principles", checked(card.principles, false), FIELD_DELAY); });
    });
    q(".km-up").addEventListener("click", function () { move(card, -1); });
    q(".km-down").addEventListener("click", function () { move(card, +1); });
    q(".km-save-merged").addEventListener("click", function () { saveMerged(card); });
    q(".km-take-theirs").addEventListener("click", function () { takeTheirs(card); });
    var history = q(".km-history");
    history.addEventListener("toggle", function () { if (history.open) { loadHistory(card); } });
    card.versionsBox = q(".km-versions");
    card.versions = {};
    card.versionsBox.addEventListener("toggle", function () { if (card.versionsBox.open) { loadVersions(card); } });
    if (!cfg.can_write) {                                // a translator: the original is read-only
      card.text.readOnly = true;
      [card.status, card.group].concat(Array.prototype.slice.call(card.objectives), Array.prototype.slice.call(card.principles))
        .forEach(function (input) { input.disabled = true; });
      q(".km-order").hidden = true;
    }
    cards[key] = card;
    return card;
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
    renderVersionsState(card);
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

  function say(card, text, kind) {
    card.save.textContent = text;
    card.save.dataset.kind = kind || "";
  }

  // -- editing and saving -----------------------------------------------------------------

  function entryOf(card) {
    if (!store[card.key]) {
      store[card.key] = { mid: card.mid, client_key: card.clientKey, changes: {},
                          base: card.server ? card.server.revision : null,
                          snapshot: card.server ? fieldsOf(card.server) : null };
    }
    return store[card.key];
  }

  function edit(card, field, value, delay) {
    var entry = entryOf(card);
    if (card.server && same(fieldsOf(card.server)[field], value) && entry.snapshot &&
        same(entry.snapshot[field], value)) {
      delete entry.changes[field];          // typed back to what is saved: nothing to send
    } else {
      entry.changes[field] = value;
    }
    if (empty(entry.changes) && card.mid) { delete store[card.key]; }
    persist();
    render(card);
    schedule(card, delay);
  }

  function schedule(card, delay) {
    clearTimeout(card.timer);
    card.timer = setTimeout(function () { flush(card); }, delay);
  }

  function flushAll() {
    Object.keys(store).forEach(function (key) {
      var card = cards[key];
      if (card) { flush(card); return; }
      var parts = key.split(":");                      // "v:<message id>:<language>"
      if (parts[0] === "v" && cards[parts[1]]) {
        var ed = versionEditor(cards[parts[1]], parts[2]);
        if (ed) { flushVersion(ed); }
      }
    });
  }

  function retryLater() {
    if (retryTimer) { return; }
    retryTimer = setTimeout(function () {
      retryTimer = null;
      flushAll();
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  }

  function flush(card) {
    var entry = store[card.key];
    if (!entry || empty(entry.changes) || card.inflight || card.conflict) { return; }
    var sent = JSON.parse(JSON.stringify(entry.changes));
    var creatingNow = !entry.mid;
    if (creatingNow && !(sent.text || "").trim()) { return; }     // nothing to create yet
    card.inflight = true;
    say(card, S.saving, "saving");
    var done;
    if (creatingNow) {
      creating++;
      done = request("POST", cfg.api, Object.assign({ client_key: entry.client_key }, sent));
    } else {
      done = request("PUT", cfg.api + "/" + encodeURIComponent(entry.mid), Object.assign({ base_revision: entry.base }, sent));
    }
    done.then(function (res) {
      card.inflight = false;
      if (creatingNow) { creating--; }
      if (res.ok) {
        retryDelay = 2000;
        accepted(card, entry, sent, res.body);
      } else if (res.status === 409 && res.body && res.body.error && res.body.error.current) {
        conflict(card, entry, res.body.error);
      } else if (res.status === 0 || res.status >= 500 || res.status === 429) {
        say(card, S.pending, "pending");
        retryLater();
      } else {
        var error = (res.body && res.body.error) || {};
        var reason = (S.field_errors[error.field]) || error.message || String(res.status);
        say(card, fill(S.refused, { reason: reason }), "refused");
      }
      if (creatingNow) { drainDeferred(); }
    });
  }

  function accepted(card, entry, sent, message) {
    if (!entry.mid) {                                   // a create: the card now has its id
      delete store[card.key];
      delete cards[card.key];
      if (cards[message.id]) {                          // its event came first: keep one card
        cards[message.id].el.remove();
      }
      card.key = card.el.dataset.key = message.id;
      card.mid = entry.mid = message.id;
      cards[message.id] = card;
      store[message.id] = entry;
    }
    Object.keys(sent).forEach(function (k) { if (same(entry.changes[k], sent[k])) { delete entry.changes[k]; } });
    entry.base = message.revision;
    entry.snapshot = fieldsOf(message);
    if (!card.server || message.revision >= card.server.revision) { card.server = message; }
    if (empty(entry.changes)) { delete store[card.key]; }
    persist();
    render(card);
    order();
    say(card, fill(S.saved, { n: message.revision }), "saved");
    card.note.textContent = "";
    if (store[card.key]) { schedule(card, 0); }        // typed on while the save was on its way
  }

  function conflict(card, entry, error) {
    var current = error.current, now = fieldsOf(current);
    card.server = current;
    if (!clashing(entry, now).length) {
      entry.base = current.revision;
      entry.snapshot = now;
      persist();
      card.note.textContent = fill(S.newer, { n: current.revision, author: current.author });
      render(card);
      schedule(card, 0);
      return;
    }
    card.conflict = error;
    showConflict(card.el.querySelector(".km-conflict"), S.conflict, entry, error);
    say(card, S.conflict, "conflict");
    render(card);
  }

  // Three-way check per field: only a field both sides changed needs a person to merge. `now` is
  // what the server has (a message's fields, or a version's text and status).
  function clashing(entry, now) {
    return Object.keys(entry.changes).filter(function (k) {
      return !entry.snapshot || (!same(entry.snapshot[k], now[k]) && !same(entry.changes[k], now[k]));
    });
  }

  // Fills a conflict box (a message's or a version's) with both texts side by side; the merge
  // box starts from this device's text.
  function showConflict(box, heading, entry, error) {
    var current = error.current;
    box.querySelector(".km-conflict-text").textContent = heading + " (" + error.message + ")";
    box.querySelector(".km-theirs-revision").textContent = "(" + fill(S.revision_line,
      { n: current.revision, author: current.author, time: when(current.saved_at) }) + ")";
    box.querySelector(".km-theirs").textContent = current.text;
    var yours = entry.changes.text !== undefined ? entry.changes.text : current.text;
    box.querySelector(".km-yours").textContent = yours;
    box.querySelector(".km-merged").value = yours;
    box.hidden = false;
  }

  function saveMerged(card) {
    var entry = store[card.key], error = card.conflict;
    if (!entry || !error) { return; }
    entry.changes.text = card.el.querySelector(".km-merged").value;
    entry.base = error.current.revision;
    entry.snapshot = fieldsOf(error.current);
    persist();
    closeConflict(card);
    render(card);
    flush(card);
  }

  function takeTheirs(card) {
    delete store[card.key];
    persist();
    closeConflict(card);
    render(card);
    say(card, fill(S.saved, { n: card.server.revision }), "saved");
  }

  function closeConflict(card) {
    card.conflict = null;
    card.el.querySelector(".km-conflict").hidden = true;
  }

  // An instant in the conference's zone and the reader's language (not the device's).
  function when(iso) {
    try {
      return new Date(iso).toLocaleString(cfg.lang || document.documentElement.lang,
                                          { timeZone: cfg.timezone, dateStyle: "medium", timeStyle: "short" });
    } catch (e) { return iso; }
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
        card.note.textContent = fill(S.refused, { reason: (res.body && res.body.error && res.body.error.message) || S.pending });
      }
    });
  }

  // -- history ----------------------------------------------------------------------------

  function loadHistory(card) {
    var target = card.el.querySelector(".km-history-list");
    if (!card.mid) { target.textContent = ""; return; }
    request("GET", cfg.api + "/" + encodeURIComponent(card.mid) + "/history").then(function (res) {
      if (!res.ok) { return; }
      target.textContent = "";
      res.body.slice().reverse().forEach(function (rev) {
        var li = document.createElement("li");
        var head = document.createElement("p");
        head.className = "km-history-head";
        head.textContent = fill(S.revision_line, { n: rev.revision, author: rev.author, time: when(rev.saved_at) }) +
          " · " + rev.status + (rev.objectives.length ? " · " + rev.objectives.join(", ") : "");
        var body = document.createElement("div");
        body.className = "km-history-text";
        body.dir = "auto";
        body.textContent = rev.text;
        li.appendChild(head);
        li.appendChild(body);
        if (card.server && rev.revision === card.server.revision) {
          var mark = document.createElement("span");
          mark.className = "km-current";
          mark.textContent = S.current;
          head.appendChild(mark);
        } else if (cfg.can_write) {                    // translators never restore an original
          var button = document.createElement("button");
          button.type = "button";
          button.className = "km-restore";
          button.textContent = S.restore;
          button.addEventListener("click", function () { restore(card, rev.revision); });
          li.appendChild(button);
        }
        target.appendChild(li);
      });
    });
  }

  function restore(card, number) {
    request("POST", cfg.api + "/" + encodeURIComponent(card.mid) + "/restore",
            { revision: number, base_revision: card.server.revision }).then(function (res) {
      if (res.ok) {
        apply(res.body, true);
        card.note.textContent = S.restored;
        loadHistory(card);
      } else if (res.status === 409 && res.body.error.current) {
        apply(res.body.error.current);
        card.note.textContent = fill(S.refused, { reason: res.body.error.message });
      } else {
        card.note.textContent = fill(S.refused, { reason: (res.body && res.body.error && res.body.error.message) || S.pending });
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
    if (event.language && cards[m.id]) { refreshVersion(cards[m.id], event.language); }
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

  // -- versions in the other languages ----------------------------------------------------

  var VERSION_TEMPLATE = document.getElementById("km-version");

  function otherLanguages(card) {
    var original = card.server ? card.server.language : null;
    return (cfg.languages || []).filter(function (code) { return code !== original; });
  }

  function versionState(card, code) {
    var v = card.server && card.server.versions && card.server.versions[code];
    if (!v) { return S.missing; }
    if (v.out_of_date) { return S.out_of_date; }
    return v.status === "agreed" ? labelOf("agreed") : labelOf("draft");
  }
  function labelOf(status) {
    var option = template.content.querySelector('.km-status option[value="' + status + '"]');
    return option ? option.textContent : status;
  }

  function renderVersionsState(card) {
    var target = card.el.querySelector(".km-versions-state");
    if (!card.server) { card.versionsBox.hidden = true; return; }
    card.versionsBox.hidden = false;
    target.textContent = otherLanguages(card).map(function (code) {
      return languageName(code) + ": " + versionState(card, code);
    }).join(" · ");
    otherLanguages(card).forEach(function (code) { if (card.versions[code]) { renderVersion(card.versions[code]); } });
  }

  function versionKey(card, code) { return "v:" + card.mid + ":" + code; }

  function versionEditor(card, code) {
    if (card.versions[code]) { return card.versions[code]; }
    if (!card.mid || otherLanguages(card).indexOf(code) < 0) { return null; }
    var el = VERSION_TEMPLATE.content.firstElementChild.cloneNode(true);
    var ed = { card: card, lang: code, el: el, server: null, loaded: false, inflight: false, conflict: null, timer: null };
    ed.text = el.querySelector(".km-version-text");
    ed.status = el.querySelector(".km-version-status");
    ed.save = el.querySelector(".km-save");
    el.querySelector(".km-version-title").textContent = fill(S.version, { name: languageName(code) });
    langAttrs(ed.text, code);
    langAttrs(el.querySelector(".km-theirs"), code);
    langAttrs(el.querySelector(".km-yours"), code);
    langAttrs(el.querySelector(".km-merged"), code);
    ed.text.addEventListener("input", function () { versionEdit(ed, "text", ed.text.value, TEXT_DELAY); });
    ed.status.addEventListener("change", function () { versionEdit(ed, "status", ed.status.value, FIELD_DELAY); });
    el.querySelector(".km-save-merged").addEventListener("click", function () {
      var entry = store[versionKey(card, code)], error = ed.conflict;
      if (!entry || !error) { return; }
      entry.changes.text = el.querySelector(".km-merged").value;
      entry.base = error.current.revision;
      entry.snapshot = { text: error.current.text, status: error.current.status };
      persist();
      ed.conflict = null;
      el.querySelector(".km-conflict").hidden = true;
      renderVersion(ed);
      flushVersion(ed);
    });
    el.querySelector(".km-take-theirs").addEventListener("click", function () {
      delete store[versionKey(card, code)];
      persist();
      ed.conflict = null;
      el.querySelector(".km-conflict").hidden = true;
      renderVersion(ed);
    });
    card.versions[code] = ed;
    card.el.querySelector(".km-versions-list").appendChild(el);
    return ed;
  }

  function loadVersions(card) {
    otherLanguages(card).forEach(function (code) {
      var ed = versionEditor(card, code);
      if (ed && !ed.loaded) { refreshVersion(card, code); }
    });
  }

  function refreshVersion(card, code) {
    var ed = card.versions[code];
    if (!ed) { return; }
    var exists = card.server && card.server.versions && card.server.versions[code];
    if (!exists) { ed.loaded = true; renderVersion(ed); return; }
    request("GET", cfg.api + "/" + encodeURIComponent(card.mid) + "/versions/" + code).then(function (res) {
      if (!res.ok) { return; }
      if (!ed.server || res.body.revision >= ed.server.revision) { ed.server = res.body; }
      ed.loaded = true;
      renderVersion(ed);
    });
  }

  function renderVersion(ed) {
    var entry = store[versionKey(ed.card, ed.lang)];
    var values = ed.server ? { text: ed.server.text, status: ed.server.status } : { text: "", status: "draft" };
    if (entry) { Object.keys(entry.changes).forEach(function (k) { values[k] = entry.changes[k]; }); }
    if (ed.text.value !== values.text && document.activeElement !== ed.text) { ed.text.value = values.text; }
    ed.status.value = values.status;
    var badge = ed.el.querySelector(".km-version-badge");
    badge.textContent = versionState(ed.card, ed.lang);
    badge.dataset.status = ed.server ? (ed.server.out_of_date ? "stale" : ed.server.status) : "missing";
    var summary = ed.card.server && ed.card.server.versions && ed.card.server.versions[ed.lang];
    ed.el.querySelector(".km-version-stale").hidden = !(summary && summary.out_of_date);
    ed.el.classList.toggle("km-pending", !!(entry && !empty(entry.changes)));
  }

  function versionEdit(ed, field, value, delay) {
    var key = versionKey(ed.card, ed.lang);
    if (!store[key]) {
      store[key] = { changes: {}, base: ed.server ? ed.server.revision : 0,
                     snapshot: ed.server ? { text: ed.server.text, status: ed.server.status } : null };
    }
    store[key].changes[field] = value;
    persist();
    renderVersion(ed);
    clearTimeout(ed.timer);
    ed.timer = setTimeout(function () { flushVersion(ed); }, delay);
  }

  function flushVersion(ed) {
    var key = versionKey(ed.card, ed.lang), entry = store[key];
    if (!entry || empty(entry.changes) || ed.inflight || ed.conflict) { return; }
    if (!entry.base && !(entry.changes.text || "").trim()) { return; }   // nothing to create yet
    var sent = JSON.parse(JSON.stringify(entry.changes));
    ed.inflight = true;
    ed.save.textContent = S.saving;
    ed.save.dataset.kind = "saving";
    request("PUT", cfg.api + "/" + encodeURIComponent(ed.card.mid) + "/versions/" + ed.lang,
            Object.assign({ base_revision: entry.base || 0 }, sent)).then(function (res) {
      ed.inflight = false;
      if (res.ok) {
        retryDelay = 2000;
        Object.keys(sent).forEach(function (k) { if (same(entry.changes[k], sent[k])) { delete entry.changes[k]; } });
        entry.base = res.body.revision;
        entry.snapshot = { text: res.body.text, status: res.body.status };
        ed.server = res.body;
        if (empty(entry.changes)) { delete store[key]; }
        persist();
        ed.save.textContent = fill(S.saved, { n: res.body.revision });
        ed.save.dataset.kind = "saved";
        renderVersion(ed);
        if (store[key]) { ed.timer = setTimeout(function () { flushVersion(ed); }, 0); }
      } else if (res.status === 409 && res.body && res.body.error && res.body.error.current) {
        versionConflict(ed, entry, res.body.error);
      } else if (res.status === 0 || res.status >= 500 || res.status === 429) {
        ed.save.textContent = S.pending;
        ed.save.dataset.kind = "pending";
        retryLater();
      } else {
        var error = (res.body && res.body.error) || {};
        ed.save.textContent = fill(S.refused, { reason: (S.field_errors[error.field]) || error.message || String(res.status) });
        ed.save.dataset.kind = "refused";
      }
    });
  }

  function versionConflict(ed, entry, error) {
    var current = error.current;
    ed.server = current;
    if (!clashing(entry, current).length) {             // someone changed the other field: rebase
      entry.base = current.revision;
      entry.snapshot = { text: current.text, status: current.status };
      persist();
      renderVersion(ed);
      flushVersion(ed);
      return;
    }
    ed.conflict = error;
    showConflict(ed.el.querySelector(".km-conflict"), S.version_conflict, entry, error);
    ed.save.textContent = S.version_conflict;
    ed.save.dataset.kind = "conflict";
    renderVersion(ed);
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
    flushAll();

    var newButton = document.getElementById("km-new");
    if (newButton) newButton.addEventListener("click", function () {
      var clientKey = newKey();
      var card = makeCard("new:" + clientKey, null, clientKey);
      list.appendChild(card.el);
      entryOf(card);
      persist();
      render(card);
      order();
      card.text.focus();
    });
    global.addEventListener("online", flushAll);

    var session = global.Minbar.startLive({ token: cfg.token, conference: cfg.conference, session: cfg.session });
    var connection = document.getElementById("km-connection");
    var wasDown = false;
    session.onStatus(function (status) {
      connection.dataset.status = status;
      connection.textContent = status === "connected" ? S.connected : (global.Minbar.text(status) || S.disconnected);
      if (status === "connected") {
        if (wasDown) { refresh().then(flushAll); }
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
  global.Minbar.rapporteur = { cards: cards, store: store, flushAll: flushAll, duration: duration };
})(window);
