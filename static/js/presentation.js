// Presentation mode (templates/sessions/presentation.html).
//
// The page joins the presentation session and renders the agreed message that the session's STATE
// names (`presentation.message`, else `presentation.index`). The list of agreed messages comes with
// the page and is fetched again whenever `presentation.digest` changes (a message was agreed,
// edited or moved). Drivers send `presentation` commands; nobody's page counts on its own.
(function (global) {
  "use strict";

  var cfg = global.Minbar.config();
  var S = cfg.strings;
  var messages = cfg.messages || [];
  var digest = cfg.digest;
  var fetching = null;

  var fill = global.Minbar.fill;      // %(name)s placeholders, as every translated string has

  function current(state) {
    var p = state && state.presentation;
    if (!p || !messages.length) { return null; }
    var index = -1;
    if (p.message) {
      messages.forEach(function (m, i) { if (m.id === p.message) { index = i; } });
    }
    if (index < 0) { index = Math.min(p.index, messages.length - 1); }
    return { index: index, message: messages[index], count: messages.length };
  }

  function render(state) {
    var shown = current(state);
    var slide = document.getElementById("pres-slide");
    var text = document.getElementById("pres-text");
    var pending = document.getElementById("pres-pending");
    if (!shown) {
      pending.textContent = "";
      slide.dataset.empty = "true";
      document.getElementById("pres-counter").textContent = "";
      document.getElementById("pres-session").textContent = "";
      document.getElementById("pres-objectives").textContent = "";
      text.textContent = S.empty;
      text.lang = cfg.lang;
      text.dir = (cfg.directions || {})[cfg.lang] || "auto";
      return;
    }
    var m = shown.message;
    slide.dataset.empty = "false";
    slide.dataset.index = String(shown.index);
    slide.dataset.message = m.id;
    document.getElementById("pres-counter").textContent = fill(S.counter, { n: shown.index + 1, count: shown.count });
    document.getElementById("pres-session").textContent = cfg.titles[m.session] || m.session;
    // The agreed version in the page's language when it is complete; else the original, in its own
    // language and direction, marked as pending translation.
    var version = m.versions && m.versions[cfg.lang];
    var translated = m.language !== cfg.lang && version && version.status === "agreed" && !version.out_of_date && version.html;
    var language = translated ? cfg.lang : (m.language || cfg.lang);
    text.innerHTML = translated ? version.html : m.html;   // sanitised by the server (sessions/markup.render_html)
    text.lang = language;
    text.dir = (cfg.directions || {})[language] || "auto";
    pending.textContent = language !== cfg.lang ? ((S.pending || {})[language] || "") : "";
    document.getElementById("pres-objectives").textContent = m.objectives.length
      ? Minbar.labelled(S.objectives, m.objectives.map(function (n) { return n + ". " + (cfg.objectives[n] || ""); }).join(" · "))
      : "";
  }

  function refetch(session, wanted) {
    if (fetching) { return; }
    fetching = fetch(cfg.api, { cache: "no-store", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (list) {
        fetching = null;
        if (list) { messages = list; digest = wanted; }
        render(session.state);
        if (session.state && session.state.presentation.digest !== digest) { refetch(session, session.state.presentation.digest); }
      }, function () { fetching = null; });
  }

  function start() {
    var session = global.Minbar.startLive({ token: cfg.token, conference: cfg.conference, session: cfg.session });
    session.onState(function (state) {
      if (state.presentation && state.presentation.digest !== digest) {
        refetch(session, state.presentation.digest);
      }
      render(state);
    });
    var connection = document.getElementById("pres-connection");
    session.onStatus(function (status) {
      connection.dataset.status = status;
      connection.textContent = status === "connected" ? "" : (global.Minbar.text(status) || S.disconnected);
    });
    if (!cfg.driver) { return; }

    var feedback = document.getElementById("pres-feedback");
    function send(payload) {
      session.send("presentation", payload).then(function (ack) {
        feedback.textContent = ack.ok ? "" : ack.error.message;
      });
    }
    document.getElementById("pres-next").addEventListener("click", function () { send({ action: "next" }); });
    document.getElementById("pres-prev").addEventListener("click", function () { send({ action: "prev" }); });
    var rtl = document.documentElement.dir === "rtl";
    document.addEventListener("keydown", function (e) {
      if (e.target && /INPUT|TEXTAREA|SELECT/.test(e.target.tagName)) { return; }
      var forward = e.key === "PageDown" || e.key === (rtl ? "ArrowLeft" : "ArrowRight");
      var back = e.key === "PageUp" || e.key === (rtl ? "ArrowRight" : "ArrowLeft");
      if (forward) { e.preventDefault(); send({ action: "next" }); }
      if (back) { e.preventDefault(); send({ action: "prev" }); }
    });
  }

  render({ presentation: cfg.presentation });   // the state as the page was made, until the join answers
  start();
})(window);
