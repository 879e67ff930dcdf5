// The agenda page's personal calendar: as the reader ticks sessions, show a subscribe (webcal://)
// and a download link for exactly that selection, and remember the ticks in this browser
// (localStorage, no account). Without JavaScript the same checkboxes submit the GET form to
// agenda.ics; this script only adds the live links. Strings come translated from #calendar-config.
(function () {
  "use strict";
  var form = document.getElementById("calendar-selection");
  var configElement = document.getElementById("calendar-config");
  if (!form || !configElement) { return; }
  var config;
  try { config = JSON.parse(configElement.textContent); } catch (e) { return; }
  var storageKey = "minbar.calendar." + config.slug;
  var live = form.querySelector(".calendar-selection-live");
  var count = form.querySelector(".calendar-selection-count");
  var subscribe = form.querySelector(".calendar-selection-subscribe");
  var download = form.querySelector(".calendar-selection-download");
  var clear = form.querySelector(".calendar-selection-clear");
  var alarm = form.querySelector("select[name=alarm]");
  var lang = form.querySelector("input[name=lang]");

  function boxes() {
    return Array.prototype.slice.call(document.querySelectorAll('input[type=checkbox][form="calendar-selection"]'));
  }

  function selected() {
    return boxes().filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
  }

  function feedUrl(ids) {
    var url = new URL(form.getAttribute("action"), window.location.href);
    if (lang && lang.value) { url.searchParams.set("lang", lang.value); }
    url.searchParams.set("sessions", ids.join(","));
    if (alarm && alarm.value && alarm.value !== "none") { url.searchParams.set("alarm", alarm.value); }
    // URLSearchParams writes "," as %2C; the server takes both, people read the plain form better.
    return url.toString().replace(/%2C/g, ",");
  }

  function remember(ids) {
    try { window.localStorage.setItem(storageKey, JSON.stringify({ sessions: ids, alarm: alarm ? alarm.value : "" })); }
    catch (e) { /* private mode or storage full: the selection simply is not kept */ }
  }

  function restore() {
    var saved;
    try { saved = JSON.parse(window.localStorage.getItem(storageKey) || "null"); } catch (e) { saved = null; }
    if (!saved || !Array.isArray(saved.sessions)) { return; }
    boxes().forEach(function (box) { box.checked = saved.sessions.indexOf(box.value) !== -1; });
    if (alarm && typeof saved.alarm === "string") { alarm.value = saved.alarm || "none"; }
  }

  function update() {
    var ids = selected();
    remember(ids);
    live.hidden = false;
    if (!ids.length) {
      count.textContent = config.strings.none;
      subscribe.hidden = download.hidden = clear.hidden = true;
      return;
    }
    var url = feedUrl(ids);
    count.textContent = config.strings.count + " " + ids.length.toLocaleString(document.documentElement.lang || undefined);
    download.href = url;
    subscribe.href = url.replace(/^https?:\/\//, "webcal://");
    subscribe.hidden = download.hidden = clear.hidden = false;
  }

  restore();
  boxes().forEach(function (box) { box.addEventListener("change", update); });
  if (alarm) { alarm.addEventListener("change", update); }
  clear.addEventListener("click", function () {
    boxes().forEach(function (box) { box.checked = false; });
    update();
  });
  update();
})();
