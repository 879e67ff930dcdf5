// The chair's list of speakers (#queue-panel, templates/sessions/_queue_panel.html): grant, remove,
// reorder (buttons, keys and drag), and each entry's time waiting. The shared part is
// static/js/queue.js.
(function (global) {
  "use strict";

  var Q = global.Minbar.queue;     // the shared part: static/js/queue.js
  var $ = Q.$;

  function chair(session) {
    var root = $("queue-panel");
    var cfg = Q.readConfig("queue-panel-config");
    if (!root || !cfg) { return; }
    var text = cfg.text;
    var list = $("queue-list"), empty = $("queue-empty"), feedback = $("queue-feedback");
    var budget = $("queue-budget"), closedNote = $("queue-closed");
    var speakingBox = $("queue-speaking"), speakingName = $("queue-speaking-name");
    var policy = $("queue-policy"), closeButton = $("queue-close"), openButton = $("queue-open");
    var finishButton = $("queue-finish");
    var dragged = null;
    var renderedVersion = null;   // the STATE version the list shows
    var renderAfterDrag = false;

    function send(action, extra) {
      return session.send("queue", Object.assign({ action: action }, extra || {})).then(function (ack) {
        feedback.textContent = ack.ok ? "" : Q.errorText(cfg, ack);
        Q.acceptState(session, ack);
        return ack;
      });
    }

    function entries() { return (session.state && session.state.queue && session.state.queue.entries) || []; }

    function indexOf(id) {
      var all = entries();
      for (var i = 0; i < all.length; i++) { if (all[i].id === id) { return i; } }
      return -1;
    }

    function moveTo(id, position) {
      var all = entries();
      var from = indexOf(id);
      if (from < 0 || position < 0 || position >= all.length || position === from) { return Promise.resolve(null); }
      return send("move", { entry: id, position: position }).then(function (ack) {
        if (ack.ok) { Minbar.fillInto(feedback, text.moved, { name: all[from].name, position: String(position + 1) }); }
        return ack;
      });
    }

    closeButton.addEventListener("click", function () { send("close"); });
    openButton.addEventListener("click", function () { send("open"); });
    finishButton.addEventListener("click", function () { send("finish"); });
    policy.addEventListener("change", function () { send("policy", { policy: policy.value }); });

    list.addEventListener("click", function (event) {
      var toggle = event.target.closest("button[data-menu]");
      if (toggle) { if (toggle.getAttribute("aria-expanded") === "true") { closeMenu(toggle, true); } else { openMenu(toggle, 0); } return; }
      var button = event.target.closest("button[data-act]");
      if (!button) { return; }
      var id = button.closest("li[data-entry]").getAttribute("data-entry");
      var act = button.getAttribute("data-act");
      // An action of the menu: the menu closes and the keyboard goes back to its button.
      var menu = button.closest("[role=menu]");
      if (menu) { closeMenu(menu.previousElementSibling, true); }
      if (act === "up") { moveTo(id, indexOf(id) - 1); }
      else if (act === "down") { moveTo(id, indexOf(id) + 1); }
      else { send(act, { entry: id }); }
    });

    // The less used actions of an entry (move up, move down, skip, remove) sit in a menu: a button
    // with aria-haspopup="menu" opening a list of menu items; Enter, Space or Down open it on the
    // first item, Up on the last; Up/Down/Home/End move, Escape closes (back on the button), Tab
    // closes and moves on.
    function menuItems(menu) { return Array.prototype.slice.call(menu.querySelectorAll("[role=menuitem]:not(:disabled)")); }
    function openMenu(toggle, which) {
      list.querySelectorAll('button[data-menu][aria-expanded="true"]').forEach(function (other) {
        if (other !== toggle) { closeMenu(other, false); }
      });
      var menu = toggle.nextElementSibling;
      toggle.setAttribute("aria-expanded", "true");
      menu.hidden = false;
      var items = menuItems(menu);
      if (items.length) { items[which < 0 ? items.length - 1 : 0].focus(); }
    }
    function closeMenu(toggle, focusToggle) {
      if (!toggle) { return; }
      toggle.setAttribute("aria-expanded", "false");
      toggle.nextElementSibling.hidden = true;
      if (focusToggle) { toggle.focus(); }
    }
    list.addEventListener("keydown", function (event) {
      var toggle = event.target.closest && event.target.closest("button[data-menu]");
      if (toggle && (event.key === "ArrowDown" || event.key === "ArrowUp") && !event.altKey) {
        event.preventDefault();
        event.stopPropagation();
        openMenu(toggle, event.key === "ArrowUp" ? -1 : 0);
        return;
      }
      var menu = event.target.closest && event.target.closest("[role=menu]");
      if (!menu) { return; }
      var items = menuItems(menu), at = items.indexOf(event.target), to = null;
      if (event.key === "ArrowDown") { to = (at + 1) % items.length; }
      else if (event.key === "ArrowUp") { to = (at - 1 + items.length) % items.length; }
      else if (event.key === "Home") { to = 0; }
      else if (event.key === "End") { to = items.length - 1; }
      else if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); closeMenu(menu.previousElementSibling, true); return; }
      else if (event.key === "Tab") { closeMenu(menu.previousElementSibling, false); return; }
      else { event.stopPropagation(); return; }         // the console's shortcuts stay out of the menu
      event.preventDefault();
      event.stopPropagation();
      if (items[to]) { items[to].focus(); }
    });
    document.addEventListener("click", function (event) {
      if (list.contains(event.target) && event.target.closest("[data-menu], [role=menu]")) { return; }
      list.querySelectorAll('button[data-menu][aria-expanded="true"]').forEach(function (open) { closeMenu(open, false); });
    });

    // Keyboard: Up/Down walk the list; Alt+Up/Alt+Down move the focused entry.
    list.addEventListener("keydown", function (event) {
      var item = event.target.closest && event.target.closest("li[data-entry]");
      if (!item || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) { return; }
      var id = item.getAttribute("data-entry");
      var step = event.key === "ArrowUp" ? -1 : 1;
      event.preventDefault();
      event.stopPropagation();
      if (event.altKey) {
        moveTo(id, indexOf(id) + step);
      } else if (event.target === item) {
        var next = step < 0 ? item.previousElementSibling : item.nextElementSibling;
        if (next) { next.focus(); }
      }
    });

    // Drag and drop (HTML5): dropping an entry on another puts it at that entry's place.
    list.addEventListener("dragstart", function (event) {
      var item = event.target.closest("li[data-entry]");
      if (!item) { return; }
      dragged = item.getAttribute("data-entry");
      item.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", dragged);
    });
    list.addEventListener("dragover", function (event) {
      if (!dragged) { return; }
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      var over = event.target.closest("li[data-entry]");
      Array.prototype.forEach.call(list.children, function (li) { li.classList.toggle("drop-target", li === over); });
    });
    function dragDone() {
      dragged = null;
      Array.prototype.forEach.call(list.children, function (li) { li.classList.remove("dragging", "drop-target"); });
      if (renderAfterDrag) { renderAfterDrag = false; render(); }
    }
    list.addEventListener("dragend", dragDone);
    list.addEventListener("drop", function (event) {
      event.preventDefault();
      var over = event.target.closest("li[data-entry]");
      var id = dragged || event.dataTransfer.getData("text/plain");
      dragDone();
      if (over && id) { moveTo(id, indexOf(over.getAttribute("data-entry"))); }
    });

    function el(tag, className, content) {
      var node = document.createElement(tag);
      if (className) { node.className = className; }
      if (content !== undefined && content !== null) { node.textContent = content; }
      return node;
    }

    function entryItem(entry, index, count) {
      var li = el("li", "queue-entry priority-" + entry.priority + (entry.pinned ? " pinned" : ""));
      li.setAttribute("data-entry", entry.id);
      li.setAttribute("tabindex", "0");
      li.setAttribute("draggable", "true");
      li.setAttribute("aria-keyshortcuts", "Alt+ArrowUp Alt+ArrowDown");
      li.setAttribute("aria-label", Minbar.fillIsolated(text.entry_label, {
        position: String(index + 1), name: entry.name, delegation: entry.delegation }));

      var who = el("div", "queue-who");
      who.appendChild(el("span", "queue-position", String(index + 1)));
      who.appendChild(el("bdi", "queue-name", entry.name));
      if (entry.delegation) { who.appendChild(el("bdi", "queue-delegation", entry.delegation)); }
      li.appendChild(who);

      var meta = el("div", "queue-meta");
      if (entry.priority !== "ordinary") { meta.appendChild(el("span", "queue-priority", text[entry.priority])); }
      meta.appendChild(el("span", "queue-group", cfg.groups[entry.group] || cfg.groups.other));
      if (entry.language) {
        var language = el("bdi", "queue-language", cfg.languages[entry.language] || entry.language);
        language.setAttribute("lang", entry.language);
        meta.appendChild(language);
      }
      var waiting = el("span", "queue-waiting");
      waiting.setAttribute("data-since", String(Date.parse(entry.requested_at)));
      meta.appendChild(waiting);
      if (entry.pinned) { meta.appendChild(el("span", "queue-pinned", text.pinned)); }
      li.appendChild(meta);

      // One action in sight (give the floor), the less used ones in a menu: compact rows, so the
      // list shows five requests and more on a laptop screen.
      var actions = el("div", "queue-actions");
      var grant = el("button", "queue-grant primary", text.grant);
      grant.type = "button";
      grant.setAttribute("data-act", "grant");
      actions.appendChild(grant);
      var menuId = "queue-menu-" + entry.id;
      var toggle = el("button", "queue-more", text.more);
      toggle.type = "button";
      toggle.setAttribute("data-menu", "");
      toggle.setAttribute("data-act", "more");
      toggle.setAttribute("aria-haspopup", "menu");
      toggle.setAttribute("aria-expanded", "false");
      toggle.setAttribute("aria-controls", menuId);
      actions.appendChild(toggle);
      var menu = el("div", "queue-menu");
      menu.id = menuId;
      menu.setAttribute("role", "menu");
      menu.setAttribute("aria-label", Minbar.fillIsolated(text.more_for, { name: entry.name }));
      menu.hidden = true;
      [["up", text.up, index === 0], ["down", text.down, index === count - 1],
       ["skip", text.skip, false], ["remove", text.remove, false]].forEach(function (spec) {
        var button = el("button", "queue-" + spec[0], spec[1]);
        button.type = "button";
        button.setAttribute("role", "menuitem");
        button.setAttribute("data-act", spec[0]);
        button.disabled = spec[2];
        menu.appendChild(button);
      });
      actions.appendChild(menu);
      li.appendChild(actions);
      return li;
    }

    function render() {
      var state = session.state;
      var q = state && state.queue;
      if (!q) { return; }
      // The list is rebuilt only for a new version (listener counts and clock syncs also notify),
      // and never under a drag in progress: the dragged item would leave the page and the drop be lost.
      if (state.version === renderedVersion) { tick(); return; }
      if (dragged) { renderAfterDrag = true; return; }
      renderedVersion = state.version;
      // Keep the keyboard where it was across the re-render (the same entry, the same button).
      var active = document.activeElement;
      var focusedEntry = active && list.contains(active) && active.closest("li[data-entry]");
      var focusId = focusedEntry && focusedEntry.getAttribute("data-entry");
      var focusAct = focusedEntry && active !== focusedEntry
        ? (active.closest("[role=menu]") ? "more" : active.getAttribute("data-act")) : null;

      closedNote.hidden = q.open;
      closeButton.hidden = !q.open;
      openButton.hidden = q.open;
      policy.value = q.policy;
      root.classList.toggle("is-closed", !q.open);

      speakingBox.hidden = !q.speaking;
      speakingName.textContent = q.speaking
        ? q.speaking.name + (q.speaking.delegation ? " (" + q.speaking.delegation + ")" : "") : "";

      list.textContent = "";
      q.entries.forEach(function (entry, index) { list.appendChild(entryItem(entry, index, q.entries.length)); });
      empty.hidden = q.entries.length > 0;

      if (focusId) {
        var again = list.querySelector('li[data-entry="' + CSS.escape(focusId) + '"]');
        var target = again && (focusAct ? again.querySelector('button[data-act="' + focusAct + '"]:not(:disabled)') : again);
        (target || again) && (target || again).focus();
      }
      tick();
    }

    // Between two states: time waiting grows, and the discussion's time left shrinks while an
    // intervention runs (the budget in STATE is as of its server_time).
    function tick() {
      var state = session.state;
      if (!state || !state.queue) { return; }
      var now = session.serverNow();
      Array.prototype.forEach.call(list.querySelectorAll(".queue-waiting"), function (node) {
        var since = Number(node.getAttribute("data-since"));
        node.textContent = isNaN(since) ? "" : Q.fill(text.waiting, { time: Minbar.formatClock(Math.max(0, now - since)) });
      });
      var b = state.queue.budget;
      budget.hidden = !b;
      if (!b) { return; }
      var running = state.queue.speaking && state.timer && state.timer.status === "running";
      var remaining = b.remaining_s - (running ? Math.max(0, now - state.server_time) / 1000 : 0);
      remaining = Math.max(0, remaining);
      var fits = b.needed_s <= remaining;
      var values = {
        needed: Q.minutesText(cfg.minutes, Math.ceil(b.needed_s / 60)),
        remaining: Q.minutesText(cfg.minutes, Math.floor(remaining / 60)),
      };
      var line = Q.fill(fits ? text.budget : text.budget_over, values);
      if (budget.textContent !== line) { budget.textContent = line; }
      budget.classList.toggle("queue-budget-over", !fits);
    }

    session.onState(function () { render(); });
    setInterval(tick, 1000);
  }

  Q.whenPanel("queue-panel", chair);
})(window);
