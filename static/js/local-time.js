// Shows each agenda time in the reader's own time zone as well, from the browser's zone, and
// remembers that zone in a cookie so server-rendered pages (and no-JS reloads) show it too.
(function () {
  "use strict";
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  if (!zone) { return; }
  document.cookie = "minbar_tz=" + encodeURIComponent(zone) + ";path=/;max-age=31536000;samesite=lax";
  var note = document.querySelector("[data-conference-zone]");
  var conferenceZone = note ? note.getAttribute("data-conference-zone") : null;
  if (zone === conferenceZone) { return; }
  var lang = document.documentElement.lang || "en";
  // As timing/un_dates.py writes times: 24-hour "09:30" in English and French, "9:30 ص" in Arabic.
  var arabic = lang === "ar";
  var fmt = new Intl.DateTimeFormat(lang + "-u-nu-latn", { hour: arabic ? "numeric" : "2-digit", minute: "2-digit",
                                                          hourCycle: arabic ? "h12" : "h23", timeZone: zone });
  document.querySelectorAll(".reader-time").forEach(function (el) {
    var start = new Date(Number(el.getAttribute("data-start")));
    var end = new Date(Number(el.getAttribute("data-end")));
    el.textContent = "";
    el.appendChild(document.createTextNode(" · " + fmt.format(start) + "–" + fmt.format(end) + " "));
    var label = document.createElement("span");
    label.className = "zone-label";
    label.textContent = el.getAttribute("data-label") + " (" + zone + ")";
    el.appendChild(label);
  });
})();
