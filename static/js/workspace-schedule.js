/* The workspace's schedule page: session times and the order of speakers.
 *
 * `form.session-times` sends only the times that differ from those shown (a start changed alone
 * moves the session keeping its length; docs/http-api.md); without this script the form posts to
 * the page's own route, which applies the same rule. `ol.slot-order-list` is reordered by drag and
 * drop or by its move-up/move-down buttons; each change is saved at once (PUT …/slot-order), the
 * focus stays on the button pressed, and the result is announced in `#workspace-saved`. A refused
 * change puts the list back and shows the reason, with session titles in place of their ids.
 * Loaded after live-rules.js (`Minbar.fill`) and workspace.js (`window.MinbarWorkspace`).
 */
(function () {
  "use strict";
  var kit = window.MinbarWorkspace;
  var messages = JSON.parse(document.getElementById("schedule-config").textContent).messages;

  var fill = window.Minbar.fill;   // the one fill of the pages (live-rules.js)

  function titles() {
    var out = {};
    document.querySelectorAll("tr[data-session]").forEach(function (row) {
      out[row.getAttribute("data-session")] = row.querySelector(".session-title").textContent.trim();
    });
    return out;
  }

  function named(text) {
    // "item plenary-1 (11:15-12:30) overlaps …" -> "“Plenary 1” (11:15-12:30) overlaps …"
    var known = titles();
    return String(text || "").replace(/\b(?:item|session|Session) ([a-z0-9]+(?:-[a-z0-9]+)*)/g, function (all, id) {
      return known[id] ? "“" + known[id] + "”" : all;
    });
  }

  // A sentence in the page's language names a session by its id, isolated and quoted
  // ("\u2068«plenary-1»\u2069"): the title replaces the id there too.
  function namedText(text) {
    var known = titles();
    return String(text || "").replace(/\u2068([«“]\u202f?)([a-z0-9]+(?:-[a-z0-9]+)*)(\u202f?[»”])\u2069/g,
      function (all, open, id, close) { return known[id] ? "\u2068" + open + known[id] + close + "\u2069" : all; });
  }

  function renamed(part) {
    return {message: named(part.message), text: part.text && namedText(part.text), text_lang: part.text_lang};
  }

  function refused(error) {
    error = error || {};
    var shown = renamed(error);
    shown.findings = (error.findings || []).map(renamed);
    kit.show(shown);
  }

  // -- times: only what changed -------------------------------------------------------------

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("session-times")) { return; }
    event.preventDefault();
    var body = {};
    ["starts_at", "ends_at"].forEach(function (name) {
      var input = form.elements[name];
      if (input.value !== input.defaultValue) { body[name] = input.value; }
    });
    if (!("starts_at" in body) && !("ends_at" in body)) { kit.saved(messages.unchanged); return; }
    body.shift_following = form.elements.shift_following.checked;
    kit.send("PATCH", form.getAttribute("data-url"), body).then(function (data) { kit.done(data, form); }, refused);
  });

  // -- the order of speakers ----------------------------------------------------------------

  function order(list) {
    return Array.prototype.map.call(list.children, function (li) { return li.getAttribute("data-slot"); });
  }

  function restore(list, ids) {
    ids.forEach(function (id) { list.appendChild(list.querySelector("li[data-slot='" + id + "']")); });
  }

  function save(list, before, moved, focus) {
    var after = order(list);
    if (after.join("\n") === before.join("\n")) { return; }
    if (focus) { focus.focus(); }
    kit.send("PUT", list.getAttribute("data-url"), {slots: after}).then(function () {
      kit.saved(fill(messages.moved, {slot: moved.getAttribute("data-label"),
                                      place: after.indexOf(moved.getAttribute("data-slot")) + 1,
                                      count: after.length}));
    }, function (error) {
      restore(list, before);
      refused(error);
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("ol.slot-order-list button");
    if (!button) { return; }
    var li = button.closest("li");
    var list = li.parentNode;
    var before = order(list);
    var up = button.classList.contains("slot-up");
    var neighbour = up ? li.previousElementSibling : li.nextElementSibling;
    if (!neighbour) {
      kit.saved(fill(up ? messages.first : messages.last, {slot: li.getAttribute("data-label")}));
      return;
    }
    list.insertBefore(li, up ? neighbour : neighbour.nextElementSibling);
    save(list, before, li, button);
  });

  var dragged = null;
  var draggedBefore = null;

  document.addEventListener("dragstart", function (event) {
    var li = event.target.closest && event.target.closest("ol.slot-order-list > li");
    if (!li) { return; }
    dragged = li;
    draggedBefore = order(li.parentNode);
    li.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", li.getAttribute("data-slot"));
  });

  document.addEventListener("dragover", function (event) {
    if (!dragged) { return; }
    var over = event.target.closest && event.target.closest("ol.slot-order-list > li");
    if (!over || over.parentNode !== dragged.parentNode) { return; }
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    if (over === dragged) { return; }
    var box = over.getBoundingClientRect();
    var after = event.clientY > box.top + box.height / 2;
    over.parentNode.insertBefore(dragged, after ? over.nextElementSibling : over);
  });

  document.addEventListener("drop", function (event) {
    if (!dragged) { return; }
    event.preventDefault();
  });

  document.addEventListener("dragend", function (event) {
    if (!dragged) { return; }
    var li = dragged;
    dragged = null;
    li.classList.remove("dragging");
    if (event.dataTransfer && event.dataTransfer.dropEffect === "none") {   // cancelled (Escape)
      restore(li.parentNode, draggedBefore);
      return;
    }
    save(li.parentNode, draggedBefore, li, null);
  });
})();
