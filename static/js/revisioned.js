// One revisioned editor for the browser: the save-and-conflict rule every revisioned text follows,
// a key message's original (static/js/rapporteur.js) and its versions (static/js/translations.js)
// alike, as the server's one rule (sessions/key_messages/revisioned.py).
//
// No edit is lost: every change goes first into localStorage as a pending edit together with the
// revision it is based on (and the fields as they stood at that revision), then to the server,
// debounced. A pending edit leaves localStorage only when the server has acknowledged it, so a
// dropped connection, a closed tab or a crash keeps it; it is sent again on reconnect or reload.
//
// Conflicts: a 409 whose intervening change touched none of the fields being saved is rebased and
// re-sent at once; otherwise both texts are shown side by side with a merge box, and nothing is
// sent until the writer decides (save the merged text, or take theirs).
//
// An editor is a plain object: `key` (its place in the store), `server` (the text as the server
// last said), `box` (its conflict box), `conflictText`, and the hooks `fieldsOf(server)`,
// `newEntry()`, `keepEmpty()`, `send(entry, sent)` (a request, or null when there is nothing to
// send yet), `render()`, `say(text, kind)` (text: a string or a node), and optionally `adopt(entry, body)` (a create got its
// id), `saved(body)`, `rebased(current)` and `settled()`.
(function (global) {
  "use strict";

  var REQUEST_TIMEOUT = 15000;

  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  // "Not saved: <reason>" in the page's language: the reason by the refused field, else by the
  // refusal's code (S.errors); a reason the page cannot say is the server's English, marked
  // lang="en" and isolated (dir="ltr") inside the translated sentence.
  function refusal(S, error, status) {
    error = error || {};
    var known = (S.field_errors || {})[error.field] || (S.errors || {})[error.code];
    if (known || !error.message) { return global.Minbar.fill(S.refused, { reason: known || String(status || "") }); }
    var english = document.createElement("span");
    english.lang = "en";
    english.dir = "ltr";
    english.textContent = error.message;
    return global.Minbar.fillInto(document.createElement("span"), S.refused, { reason: english });
  }
  function empty(o) { return !o || Object.keys(o).length === 0; }

  // JSON over HTTP with the page's session; never throws: {ok, status, body} (status 0 offline).
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

  // The pending edits of one page (localStorage under `storeKey`) and the rule its editors follow.
  // `resolve(key)` finds the editor of a stored edit (set by the page), for retries and reloads.
  function workspace(storeKey, S, cfg) {
    var fill = global.Minbar.fill;
    var store = load();
    var retryDelay = 2000, retryTimer = null;
    var ws = { store: store, resolve: function () { return null; } };

    function load() {
      try { return JSON.parse(global.localStorage.getItem(storeKey) || "{}") || {}; } catch (e) { return {}; }
    }
    function persist() {
      try { global.localStorage.setItem(storeKey, JSON.stringify(store)); } catch (e) { /* private mode: memory only */ }
    }

    function entry(ed) {
      if (!store[ed.key]) { store[ed.key] = ed.newEntry(); }
      return store[ed.key];
    }

    function edit(ed, field, value, delay) {
      var e = entry(ed);
      if (ed.server && same(ed.fieldsOf(ed.server)[field], value) && e.snapshot && same(e.snapshot[field], value)) {
        delete e.changes[field];          // typed back to what is saved: nothing to send
      } else {
        e.changes[field] = value;
      }
      if (empty(e.changes) && !ed.keepEmpty()) { delete store[ed.key]; }
      persist();
      ed.render();
      schedule(ed, delay);
    }

    function schedule(ed, delay) {
      clearTimeout(ed.timer);
      ed.timer = setTimeout(function () { flush(ed); }, delay);
    }

    function flushAll() {
      Object.keys(store).forEach(function (key) {
        var ed = ws.resolve(key);
        if (ed) { flush(ed); }
      });
    }

    function retryLater() {
      if (retryTimer) { return; }
      retryTimer = setTimeout(function () { retryTimer = null; flushAll(); }, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 30000);
    }

    function flush(ed) {
      var e = store[ed.key];
      if (!e || empty(e.changes) || ed.inflight || ed.conflict) { return; }
      var sent = JSON.parse(JSON.stringify(e.changes));
      var call = ed.send(e, sent);
      if (!call) { return; }                           // nothing to send yet
      ed.inflight = true;
      ed.say(S.saving, "saving");
      call.then(function (res) {
        ed.inflight = false;
        if (res.ok) {
          retryDelay = 2000;
          accepted(ed, e, sent, res.body);
        } else if (res.status === 409 && res.body && res.body.error && res.body.error.current) {
          conflict(ed, e, res.body.error);
        } else if (res.status === 0 || res.status >= 500 || res.status === 429) {
          ed.say(S.pending, "pending");
          retryLater();
        } else {
          var error = (res.body && res.body.error) || {};
          ed.say(refusal(S, error, res.status), "refused");
        }
        if (ed.settled) { ed.settled(); }
      });
    }

    function accepted(ed, e, sent, body) {
      if (ed.adopt) { ed.adopt(e, body); }
      Object.keys(sent).forEach(function (k) { if (same(e.changes[k], sent[k])) { delete e.changes[k]; } });
      e.base = body.revision;
      e.snapshot = ed.fieldsOf(body);
      if (!ed.server || body.revision >= ed.server.revision) { ed.server = body; }
      if (empty(e.changes)) { delete store[ed.key]; }
      persist();
      ed.render();
      ed.say(fill(S.saved, { n: body.revision }), "saved");
      if (ed.saved) { ed.saved(body); }
      if (store[ed.key]) { schedule(ed, 0); }          // typed on while the save was on its way
    }

    function conflict(ed, e, error) {
      var current = error.current, now = ed.fieldsOf(current);
      ed.server = current;
      if (!clashing(e, now).length) {                  // someone changed other fields: rebase
        e.base = current.revision;
        e.snapshot = now;
        persist();
        if (ed.rebased) { ed.rebased(current); }
        ed.render();
        schedule(ed, 0);
        return;
      }
      ed.conflict = error;
      showConflict(ed, e, error);
      ed.say(ed.conflictText, "conflict");
      ed.render();
    }

    // Three-way check per field: only a field both sides changed needs a person to merge.
    function clashing(e, now) {
      return Object.keys(e.changes).filter(function (k) {
        return !e.snapshot || (!same(e.snapshot[k], now[k]) && !same(e.changes[k], now[k]));
      });
    }

    // Both texts side by side; the merge box starts from this device's text.
    function showConflict(ed, e, error) {
      var box = ed.box, current = error.current;
      // The server's reason is in English (the API's language): marked so for screen readers.
      var said = box.querySelector(".km-conflict-text"), reason = document.createElement("span");
      reason.lang = "en";
      reason.dir = "ltr";
      reason.textContent = error.message;
      said.textContent = ed.conflictText + " (";
      said.appendChild(reason);
      said.appendChild(document.createTextNode(")"));
      box.querySelector(".km-theirs-revision").textContent = "(" + fill(S.revision_line,
        { n: current.revision, author: current.author, time: when(current.saved_at) }) + ")";
      box.querySelector(".km-theirs").textContent = current.text;
      var yours = e.changes.text !== undefined ? e.changes.text : current.text;
      box.querySelector(".km-yours").textContent = yours;
      box.querySelector(".km-merged").value = yours;
      box.hidden = false;
    }

    function closeConflict(ed) {
      ed.conflict = null;
      ed.box.hidden = true;
    }

    // The conflict box's two buttons: save the merged text on top of theirs, or take theirs.
    function bindConflict(ed) {
      ed.box.querySelector(".km-save-merged").addEventListener("click", function () {
        var e = store[ed.key], error = ed.conflict;
        if (!e || !error) { return; }
        e.changes.text = ed.box.querySelector(".km-merged").value;
        e.base = error.current.revision;
        e.snapshot = ed.fieldsOf(error.current);
        persist();
        closeConflict(ed);
        ed.render();
        flush(ed);
      });
      ed.box.querySelector(".km-take-theirs").addEventListener("click", function () {
        delete store[ed.key];
        persist();
        closeConflict(ed);
        ed.render();
        if (ed.server) { ed.say(fill(S.saved, { n: ed.server.revision }), "saved"); }
      });
    }

    // An instant in the conference's zone and the reader's language (not the device's), written
    // as timing/un_dates.py writes it: "24 February 2021, 11:14", "1er mars 2021, 09:05",
    // "24 شباط/فبراير 2021، 11:14 ص".
    var AR_MONTHS = ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو",
                     "حزيران/يونيو", "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر",
                     "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر"];
    function when(iso) {
      try {
        var lang = cfg.lang || document.documentElement.lang || "en";
        var arabic = lang === "ar";
        var parts = {};
        new Intl.DateTimeFormat(lang + "-u-nu-latn", {
          timeZone: cfg.timezone, day: "numeric", month: "long", year: "numeric",
          hour: arabic ? "numeric" : "2-digit", minute: "2-digit", hourCycle: arabic ? "h12" : "h23"
        }).formatToParts(new Date(iso)).forEach(function (p) { parts[p.type] = p.value; });
        var month = arabic ? AR_MONTHS[Number(new Intl.DateTimeFormat("en-u-nu-latn",
          { timeZone: cfg.timezone, month: "numeric" }).format(new Date(iso))) - 1] : parts.month;
        var day = lang === "fr" && parts.day === "1" ? "1er" : parts.day;
        var time = parts.hour + ":" + parts.minute + (arabic && parts.dayPeriod ? " " + parts.dayPeriod : "");
        return day + " " + month + " " + parts.year + (arabic ? "، " : ", ") + time;
      } catch (e) { return iso; }
    }

    function pending(ed) { var e = store[ed.key]; return !!(e && !empty(e.changes)); }

    return Object.assign(ws, { persist: persist, entry: entry, edit: edit, flush: flush, flushAll: flushAll,
                               bindConflict: bindConflict, when: when, pending: pending });
  }

  global.Minbar.revisioned = { workspace: workspace, request: request, same: same, empty: empty, refusal: refusal };
})(window);
