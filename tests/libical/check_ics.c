/* Test helper: reads an iCalendar file on stdin with libical (the C library behind Evolution and
 * many servers), runs its RFC 5545 / iTIP restriction check, and prints what it read as JSON:
 * {"errors": [...], "name": "...", "method": "...", "events": [{"uid", "start", "end", "summary",
 *  "status", "sequence"}]}, times as UTC instants. Built by tests/http/test_calendar_parsers.py.
 * Exit status 2 when the text does not parse at all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libical/ical.h>

static void json_string(const char *text) {
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)(text ? text : ""); *p; p++) {
        if (*p == '"' || *p == '\\') { putchar('\\'); putchar(*p); }
        else if (*p == '\n') { fputs("\\n", stdout); }
        else if (*p == '\r') { fputs("\\r", stdout); }
        else if (*p == '\t') { fputs("\\t", stdout); }
        else if (*p < 0x20) { printf("\\u%04x", *p); }
        else { putchar(*p); }
    }
    putchar('"');
}

static void utc(struct icaltimetype t) {
    icaltimezone *zone = (icaltimezone *)t.zone;
    time_t seconds = icaltime_as_timet_with_zone(t, zone ? zone : icaltimezone_get_utc_timezone());
    char text[32];
    strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", gmtime(&seconds));
    json_string(text);
}

static void errors_of(icalcomponent *component, int *first) {
    for (icalproperty *p = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)) {
        if (!*first) putchar(',');
        *first = 0;
        json_string(icalproperty_get_xlicerror(p));
    }
    for (icalcomponent *c = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT); c;
         c = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)) {
        errors_of(c, first);
    }
}

static const char *x_property(icalcomponent *component, const char *name) {
    for (icalproperty *p = icalcomponent_get_first_property(component, ICAL_X_PROPERTY); p;
         p = icalcomponent_get_next_property(component, ICAL_X_PROPERTY)) {
        // The value as a client reads it: unescaped (get_value_as_string would escape it again).
        if (strcmp(icalproperty_get_x_name(p), name) == 0) return icalproperty_get_x(p);
    }
    return "";
}

int main(void) {
    size_t size = 0, used = 0;
    char *text = NULL;
    for (;;) {
        if (used + 4096 + 1 > size) { size = (size + 4096) * 2; text = realloc(text, size); }
        size_t n = fread(text + used, 1, size - used - 1, stdin);
        if (n == 0) break;
        used += n;
    }
    if (!text) return 2;
    text[used] = '\0';
    icalcomponent *calendar = icalparser_parse_string(text);
    if (!calendar || icalcomponent_isa(calendar) != ICAL_VCALENDAR_COMPONENT) return 2;
    icalrestriction_check(calendar);

    int first = 1;
    fputs("{\"errors\":[", stdout);
    errors_of(calendar, &first);
    fputs("],\"name\":", stdout);
    json_string(x_property(calendar, "X-WR-CALNAME"));
    fputs(",\"method\":", stdout);
    icalproperty *method = icalcomponent_get_first_property(calendar, ICAL_METHOD_PROPERTY);
    json_string(method ? icalproperty_get_value_as_string(method) : "");
    fputs(",\"events\":[", stdout);
    first = 1;
    for (icalcomponent *e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
        if (!first) putchar(',');
        first = 0;
        fputs("{\"uid\":", stdout); json_string(icalcomponent_get_uid(e));
        fputs(",\"start\":", stdout); utc(icalcomponent_get_dtstart(e));
        fputs(",\"end\":", stdout); utc(icalcomponent_get_dtend(e));
        fputs(",\"summary\":", stdout); json_string(icalcomponent_get_summary(e));
        icalproperty *status = icalcomponent_get_first_property(e, ICAL_STATUS_PROPERTY);
        fputs(",\"status\":", stdout); json_string(status ? icalproperty_get_value_as_string(status) : "");
        printf(",\"sequence\":%d}", icalcomponent_get_sequence(e));
    }
    fputs("]}\n", stdout);
    icalcomponent_free(calendar);
    free(text);
    return 0;
}
