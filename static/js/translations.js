// The translator's view of a key message: its versions in the other conference languages, each
// with its own revisions and status, on the rapporteur console's cards (static/js/rapporteur.js).
//
// Translators (cfg.can_write false) edit versions only. A version saves like the original, through
// the one revisioned editor (static/js/revisioned.js): pending edits kept on this device,
// `base_revision`, a 409 shows both texts to merge. A version's text is fetched when its panel is
// opened, and again when another writer's save of it arrives.
(function (global) {
  "use strict";

  var TEXT_DELAY = 900, FIELD_DELAY = 200;

  // `ctx`: {ws, cfg, S, languageName(code), langAttrs(node, code), statusLabel(status)}.
  global.Minbar.translations = function (ctx) {
    var ws = ctx.ws, cfg = ctx.cfg, S = ctx.S, fill = global.Minbar.fill;
    var request = global.Minbar.revisioned.request;
    var TEMPLATE = document.getElementById("km-version");

    function otherLanguages(card) {
      var original = card.server ? card.server.language : null;
      return (cfg.languages || []).filter(function (code) { return code !== original; });
    }

    function summary(card, code) { return card.server && card.server.versions && card.server.versions[code]; }

    function stateText(card, code) {
      var v = summary(card, code);
      if (!v) { return S.missing; }
      if (v.out_of_date) { return S.out_of_date; }
      return ctx.statusLabel(v.status === "agreed" ? "agreed" : "draft");
    }

    // The card's line of versions ("French: agreed · English: not translated yet") and open panels.
    function renderState(card) {
      var target = card.el.querySelector(".km-versions-state");
      if (!card.server) { card.versionsBox.hidden = true; return; }
      card.versionsBox.hidden = false;
      target.textContent = otherLanguages(card).map(function (code) {
        return Minbar.labelled(ctx.languageName(code), stateText(card, code));
      }).join(" · ");
      otherLanguages(card).forEach(function (code) { if (card.versions[code]) { render(card.versions[code]); } });
    }

    function keyOf(mid, code) { return "v:" + mid + ":" + code; }

    function fieldsOf(server) { return { text: server.text, status: server.status }; }

    function editor(card, code) {
      if (card.versions[code]) { return card.versions[code]; }
      if (!card.mid || otherLanguages(card).indexOf(code) < 0) { return null; }
      var el = TEMPLATE.content.firstElementChild.cloneNode(true);
      var ed = { card: card, lang: code, el: el, key: keyOf(card.mid, code), server: null, loaded: false,
                 inflight: false, conflict: null, timer: null, box: el.querySelector(".km-conflict"),
                 conflictText: S.version_conflict, fieldsOf: fieldsOf };
      ed.text = el.querySelector(".km-version-text");
      ed.status = el.querySelector(".km-version-status");
      ed.save = el.querySelector(".km-save");
      ed.newEntry = function () {
        return { changes: {}, base: ed.server ? ed.server.revision : 0, snapshot: ed.server ? fieldsOf(ed.server) : null };
      };
      ed.keepEmpty = function () { return false; };
      ed.send = function (entry, sent) {
        if (!entry.base && !(sent.text || "").trim()) { return null; }    // nothing to create yet
        return request("PUT", cfg.api + "/" + encodeURIComponent(card.mid) + "/versions/" + code,
                       Object.assign({ base_revision: entry.base || 0 }, sent));
      };
      ed.render = function () { render(ed); };
      ed.say = function (text, kind) { ed.save.replaceChildren(text); ed.save.dataset.kind = kind || ""; };
      el.querySelector(".km-version-title").textContent = fill(S.version, { name: ctx.languageName(code) });
      [ed.text, el.querySelector(".km-theirs"), el.querySelector(".km-yours"), el.querySelector(".km-merged")]
        .forEach(function (node) { ctx.langAttrs(node, code); });
      ed.text.addEventListener("input", function () { ws.edit(ed, "text", ed.text.value, TEXT_DELAY); });
      ed.status.addEventListener("change", function () { ws.edit(ed, "status", ed.status.value, FIELD_DELAY); });
      ws.bindConflict(ed);
      card.versions[code] = ed;
      card.el.querySelector(".km-versions-list").appendChild(el);
      return ed;
    }

    function load(card) {
      otherLanguages(card).forEach(function (code) {
        var ed = editor(card, code);
        if (ed && !ed.loaded) { refresh(card, code); }
      });
    }

    function refresh(card, code) {
      var ed = card.versions[code];
      if (!ed) { return; }
      if (!summary(card, code)) { ed.loaded = true; render(ed); return; }
      request("GET", cfg.api + "/" + encodeURIComponent(card.mid) + "/versions/" + code).then(function (res) {
        if (!res.ok) { return; }
        if (!ed.server || res.body.revision >= ed.server.revision) { ed.server = res.body; }
        ed.loaded = true;
        render(ed);
      });
    }

    function render(ed) {
      var entry = ws.store[ed.key];
      var values = ed.server ? fieldsOf(ed.server) : { text: "", status: "draft" };
      if (entry) { Object.keys(entry.changes).forEach(function (k) { values[k] = entry.changes[k]; }); }
      if (ed.text.value !== values.text && document.activeElement !== ed.text) { ed.text.value = values.text; }
      ed.status.value = values.status;
      var badge = ed.el.querySelector(".km-version-badge");
      badge.textContent = stateText(ed.card, ed.lang);
      badge.dataset.status = ed.server ? (ed.server.out_of_date ? "stale" : ed.server.status) : "missing";
      var v = summary(ed.card, ed.lang);
      ed.el.querySelector(".km-version-stale").hidden = !(v && v.out_of_date);
      ed.el.classList.toggle("km-pending", ws.pending(ed));
    }

    // The editor of a stored edit "v:<message id>:<language>", if its card is on the page.
    function resolve(key, cards) {
      var parts = key.split(":");
      return parts[0] === "v" && cards[parts[1]] ? editor(cards[parts[1]], parts[2]) : null;
    }

    return { renderState: renderState, load: load, refresh: refresh, resolve: resolve };
  };
})(window);
