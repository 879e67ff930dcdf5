// A key message's history on the rapporteur console (static/js/rapporteur.js): every revision,
// newest first, and "restore this revision" for those who write originals (a restore appends a
// copy; history is never rewritten).
(function (global) {
  "use strict";

  // `ctx`: {cfg, S, when(iso), apply(message, force)} (apply: show the message as the server has it).
  global.Minbar.keyMessageHistory = function (ctx) {
    var cfg = ctx.cfg, S = ctx.S, fill = global.Minbar.fill, request = global.Minbar.revisioned.request;

    function load(card) {
      var target = card.el.querySelector(".km-history-list");
      if (!card.mid) { target.textContent = ""; return; }
      request("GET", cfg.api + "/" + encodeURIComponent(card.mid) + "/history").then(function (res) {
        if (!res.ok) { return; }
        target.textContent = "";
        res.body.slice().reverse().forEach(function (rev) {
          var li = document.createElement("li");
          var head = document.createElement("p");
          head.className = "km-history-head";
          head.textContent = fill(S.revision_line, { n: rev.revision, author: rev.author, time: ctx.when(rev.saved_at) }) +
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
          ctx.apply(res.body, true);
          card.note.textContent = S.restored;
          load(card);
        } else if (res.status === 409 && res.body.error.current) {
          ctx.apply(res.body.error.current);
          card.note.textContent = fill(S.refused, { reason: res.body.error.message });
        } else {
          card.note.textContent = fill(S.refused, { reason: (res.body && res.body.error && res.body.error.message) || S.pending });
        }
      });
    }

    return { load: load };
  };
})(window);
