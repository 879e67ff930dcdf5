// Reads one iCalendar document from stdin with ical.js (the parser Thunderbird uses) and prints
// what a calendar client would see, as JSON on stdout:
//   {"events": [{"uid", "summary", "sequence", "zone", "start", "end", "alarms"}], "timezones": [...],
//    "warnings": [...]}
// `start`/`end` are UTC instants (ISO 8601, "Z"), converted through the document's own VTIMEZONE;
// `zone` is the TZID ical.js resolved ("floating" when it could not: a wrong time in every client).
// Anything ical.js throws is printed on stderr and the exit status is 1; anything it logs with
// console.warn/console.error is returned in `warnings`, so a test can require that there is none.
import ICAL from "ical.js";

const warnings = [];
for (const level of ["warn", "error"]) {
  console[level] = (...args) => warnings.push(args.map(String).join(" "));
}

function readStdin() {
  return new Promise((resolve, reject) => {
    const chunks = [];
    process.stdin.on("data", (chunk) => chunks.push(chunk));
    process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    process.stdin.on("error", reject);
  });
}

function utc(time) {
  return time.toJSDate().toISOString().replace(".000Z", "Z");
}

const text = await readStdin();
try {
  const root = new ICAL.Component(ICAL.parse(text));
  const events = root.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      sequence: event.sequence,
      zone: event.startDate.zone ? event.startDate.zone.tzid : null,
      start: utc(event.startDate),
      end: utc(event.endDate),
      alarms: component.getAllSubcomponents("valarm").map((alarm) => ({
        action: alarm.getFirstPropertyValue("action"),
        trigger: String(alarm.getFirstPropertyValue("trigger")),
      })),
    };
  });
  const timezones = root.getAllSubcomponents("vtimezone").map((tz) => tz.getFirstPropertyValue("tzid"));
  process.stdout.write(JSON.stringify({ events, timezones, warnings }));
} catch (error) {
  process.stderr.write(`ical.js could not read the calendar: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
}
