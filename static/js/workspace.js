/* The secretariat's workspace: forms and buttons that call the workspace API.
 *
 * `form.api-form[data-method][data-url]` sends its fields as JSON; `button.api-button` sends its
 * `data-body`. URLs are relative to the conference's API (the page's JSON config). Field rules:
 * `name.ar` fills `{"name": {"ar": ...}}`; `data-null` turns an empty value into null; empty
 * optional fields are left out; `data-type="int"` sends a number; a checkbox sends true/false;
 * a datetime-local value is a wall time in the conference's zone. A signed-in browser sends the
 * CSRF token in X-CSRFToken. On success the page reloads and says so in `#workspace-saved` (a
 * polite live region; a form's own `data-saved` text, else the region's). Just before reloading
 * it fires a cancelable "workspace:saved" event (the answer and the form or button): a page script
 * that keeps a note of its own (workspace-links.js) cancels it. A refusal is shown with its
 * findings. A form or button with `data-confirm` asks first. `window.MinbarWorkspace` offers
 * `send`, `show` and `done` to the pages' own scripts (workspace-schedule.js).
 */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("workspace-config").textContent);
  var status = document.getElementById("workspace-status");
  var saved = document.getElementById("workspace-saved");
  var SAVED = "minbar-workspace-saved";

  // The page's own words, then the server's reason and findings: each in the page's language
  // where the server could say it (`text`, `text_lang`: conference/finding_text.py, its values
  // isolated), else the English `message`, marked lang="en" for screen readers.
  function line(part, prefix) {
    var span = document.createElement("span");
    var lang = part.text ? part.text_lang : "en";
    span.lang = lang || "en";
    if (span.lang === "en") { span.dir = "ltr"; }
    span.textContent = prefix + (part.text || part.message || "");
    return span;
  }

  function show(error) {
    status.textContent = config.messages.failed + " ";
    status.appendChild(line(error, ""));
    (error.findings || []).forEach(function (f) {
      status.appendChild(document.createTextNode("\n"));
      status.appendChild(line(f, "• "));
    });
    status.hidden = false;
    status.focus && status.focus();
  }

  function send(method, url, body, base) {
    return fetch((base || config.api) + url, {
      method: method,
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": config.csrf, "Accept": "application/json"},
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) { throw (data && data.error) || {message: String(response.status)}; }
        return data;
      });
    });
  }

  function fields(form) {
    var body = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled) { return; }
      var value;
      if (el.type === "checkbox") { value = el.checked; }
      else {
        value = el.value.trim();
        if (value === "") {
          if (!el.hasAttribute("data-null")) { return; }
          value = null;
        } else if (el.getAttribute("data-type") === "int") { value = parseInt(value, 10); }
      }
      if (el.getAttribute("data-type") === "list") { value = value === null ? [] : [value]; }
      var dot = el.name.indexOf(".");
      if (dot > 0) {
        var outer = el.name.slice(0, dot);
        if (value === null) { return; }
        body[outer] = body[outer] || {};
        body[outer][el.name.slice(dot + 1)] = value;
      } else {
        body[el.name] = value;
      }
    });
    return body;
  }

  function done(data, source) {
    var event = new CustomEvent("workspace:saved", {cancelable: true, detail: {data: data, source: source}});
    if (document.dispatchEvent(event) && saved) {
      var text = (source && source.getAttribute && source.getAttribute("data-saved")) || saved.getAttribute("data-saved");
      try { window.sessionStorage.setItem(SAVED, text); } catch (e) { /* private mode: no message */ }
    }
    window.location.reload();
  }

  function announceSaved(text) {
    // Emptied, then filled a moment later: screen readers hear the change, the same text twice too.
    saved.textContent = "";
    window.setTimeout(function () { saved.textContent = text; }, 100);
  }

  if (saved) {
    var pending = null;
    try { pending = window.sessionStorage.getItem(SAVED); window.sessionStorage.removeItem(SAVED); } catch (e) { /* none */ }
    if (pending) { announceSaved(pending); }
  }
  window.MinbarWorkspace = {send: send, show: show, done: done, saved: announceSaved};

  function sendFile(form) {
    // An agenda file, sent as the body itself (POST /api/v1/conferences).
    var file = form.querySelector("input[type=file]").files[0];
    if (!file) { return; }
    file.text().then(function (text) {
      return fetch(form.getAttribute("data-url"), {
        method: "POST", credentials: "same-origin",
        headers: {"Content-Type": "application/toml", "X-CSRFToken": config.csrf, "Accept": "application/json"},
        body: text
      });
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw data.error; }
        return data;
      });
    }).then(function (data) { done(data, form); }, show);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList) { return; }
    if (form.classList.contains("file-form")) { event.preventDefault(); sendFile(form); return; }
    if (!form.classList.contains("api-form")) { return; }
    event.preventDefault();
    var ask = form.getAttribute("data-confirm");
    if (ask && !window.confirm(config.messages[ask])) { return; }
    var url = form.getAttribute("data-url");
    var base = form.getAttribute("data-api");   // another conference's API than the page's
    send(form.getAttribute("data-method"), url, fields(form), base)
      .then(function (data) { done(data, form); }, show);
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.api-button");
    if (!button) { return; }
    var ask = button.getAttribute("data-confirm");
    if (ask && !window.confirm(config.messages[ask])) { return; }
    var body = button.getAttribute("data-body");
    send(button.getAttribute("data-method"), button.getAttribute("data-url"),
         body ? JSON.parse(body) : undefined).then(function (data) { done(data, button); }, show);
  });
})();
