/* The workspace's links and people pages, on top of workspace.js.
 *
 * - After every save (workspace.js's "workspace:saved", just before it reloads the page) a note is
 *   kept for the reloaded page: it is announced in the polite live region #workspace-saved
 *   ("Saved.", "Link issued…", the people a bulk issue could not mail) and the new or changed
 *   rows are highlighted (class "just-added").
 * - "Issue a link": the organiser's confirmation box shows only for the organiser role, and the
 *   form is not sent until it is ticked (the API refuses an unconfirmed organiser link anyway).
 * - "Links for a whole group": the session menu for speakers and chairs, the booth for interpreters.
 * - The filter forms (plain GET forms that work without JavaScript) apply a menu as it changes.
 * Everything shown is set as text, never as HTML. Messages come from #workspace-links-config,
 * filled by the kit's Minbar.fill (static/js/live-rules.js, loaded first).
 */
(function () {
  "use strict";
  var KEY = "minbar.workspace.saved";
  var configElement = document.getElementById("workspace-links-config");
  if (!configElement) { return; }
  var messages = JSON.parse(configElement.textContent);
  var separator = document.documentElement.lang === "ar" ? "، " : ", ";

  var fill = window.Minbar.fill;   // %(name)s placeholders, the kit's one way (live-rules.js)

  function names(links, mail) {
    return links.filter(function (l) { return l.mail === mail; })
      .map(function (l) { return l.name || l.person || l.id; });
  }

  function note(data, source) {
    var id = source && source.id;
    if (id === "issue-link" && data && data.id) {
      return {lines: [messages.issued], rows: ["tr[data-link='" + data.id + "']"]};
    }
    if (id === "add-person" && data && data.key) {
      return {lines: [messages.added], rows: ["tr[data-person='" + data.key + "']"]};
    }
    if (id === "bulk-links" && data && data.links) {
      var lines = [fill(messages.bulk, {issued: data.issued, held: data.held})];
      [["sent", "mailed"], ["no_email", "no_email"], ["failed", "failed"]].forEach(function (pair) {
        var who = names(data.links, pair[0]);
        if (who.length) { lines.push(fill(messages[pair[1]], {names: who.join(separator)})); }
      });
      return {lines: lines, rows: data.links.filter(function (l) { return l.new; })
        .map(function (l) { return "tr[data-link='" + l.id + "']"; })};
    }
    var link = source && source.closest && source.closest("tr[data-link]");
    if (link && data && data.sent) {
      return {lines: [fill(messages.invited, {to: data.to})], rows: ["tr[data-link='" + link.getAttribute("data-link") + "']"]};
    }
    if (source && source.classList && source.classList.contains("revoke") && data && data.id) {
      return {lines: [messages.revoked], rows: ["tr[data-link='" + data.id + "']"]};
    }
    var row = source && source.closest && source.closest("tr[data-person], li[data-slot], article[id]");
    return {lines: [messages.saved], rows: row && row.id ? ["#" + row.id] : []};
  }

  document.addEventListener("workspace:saved", function (event) {
    try {
      sessionStorage.setItem(KEY, JSON.stringify(note(event.detail.data, event.detail.source)));
      event.preventDefault();   // this page's own note replaces the generic "Saved."
    } catch (e) { /* no storage: the page still reloads */ }
  });

  function restore() {
    var kept;
    try {
      kept = JSON.parse(sessionStorage.getItem(KEY) || "null");
      sessionStorage.removeItem(KEY);
    } catch (e) { kept = null; }
    if (!kept) { return; }
    var first = null;
    (kept.rows || []).forEach(function (selector) {
      var found;
      try { found = document.querySelectorAll(selector); } catch (e) { return; }
      Array.prototype.forEach.call(found, function (el) {
        el.classList.add("just-added");
        first = first || el;
      });
    });
    if (first && first.scrollIntoView) { first.scrollIntoView({block: "center"}); }
    var region = document.getElementById("workspace-saved");
    if (region) {
      // Set after the page settled, so that screen readers hear the change of the live region.
      window.setTimeout(function () { region.textContent = (kept.lines || []).join("\n"); }, 150);
    }
  }

  function organiserConfirmation() {
    var role = document.getElementById("l-role");
    var row = document.getElementById("l-confirm-row");
    var box = document.getElementById("l-confirm");
    if (!role || !row || !box) { return; }
    function sync() {
      var organiser = role.value === "organiser";
      row.hidden = !organiser;
      if (!organiser) { box.checked = false; }
    }
    role.addEventListener("change", sync);
    sync();
    // Before workspace.js sends the form (capture phase): no organiser link without the tick.
    document.addEventListener("submit", function (event) {
      if (event.target.id !== "issue-link" || role.value !== "organiser" || box.checked) { return; }
      event.preventDefault();
      event.stopImmediatePropagation();
      var status = document.getElementById("workspace-status");
      status.textContent = messages.confirm_organiser;
      status.hidden = false;
      box.focus();
    }, true);
  }

  function bulkForm() {
    var group = document.getElementById("b-group");
    if (!group) { return; }
    var session = document.getElementById("b-session");
    var booth = document.getElementById("b-booth");
    function sync() {
      var interpreters = group.value === "interpreters";
      session.closest("p").hidden = interpreters;
      session.disabled = interpreters;
      booth.closest("p").hidden = !interpreters;
      booth.disabled = !interpreters;
    }
    group.addEventListener("change", sync);
    sync();
  }

  function filters() {
    Array.prototype.forEach.call(document.querySelectorAll("form.table-filter select"), function (select) {
      select.addEventListener("change", function () { select.form.requestSubmit ? select.form.requestSubmit() : select.form.submit(); });
    });
  }

  restore();
  organiserConfirmation();
  bulkForm();
  filters();
})();
