"""Days and months in the user's language: "Tue 24 Nov", "Tuesday 24 November", "Monday to Friday".

Not strftime: its names follow the C library's locale, which a Python program does not set (and setting it
changes number parsing for everything else in the process). The names are in the catalogue like any text,
and so is each date's order ("24 Nov" in English, "11月24日" in Japanese). Times stay 24-hour "14:30",
which all of backbreak's languages read.
"""

from __future__ import annotations

import datetime as dt

from backbreak.core.i18n import _, p_


def weekdays() -> tuple[str, ...]:
    """Monday to Sunday."""
    return (_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday"))


def weekdays_short() -> tuple[str, ...]:
    """Mon to Sun, as on a button or under a chart's bar."""
    return (
        p_("short weekday", "Mon"),
        p_("short weekday", "Tue"),
        p_("short weekday", "Wed"),
        p_("short weekday", "Thu"),
        p_("short weekday", "Fri"),
        p_("short weekday", "Sat"),
        p_("short weekday", "Sun"),
    )


def months() -> tuple[str, ...]:
    """January to December."""
    return (
        _("January"),
        _("February"),
        _("March"),
        _("April"),
        p_("long month", "May"),
        _("June"),
        _("July"),
        _("August"),
        _("September"),
        _("October"),
        _("November"),
        _("December"),
    )


def months_short() -> tuple[str, ...]:
    """Jan to Dec."""
    return (
        p_("short month", "Jan"),
        p_("short month", "Feb"),
        p_("short month", "Mar"),
        p_("short month", "Apr"),
        p_("short month", "May"),
        p_("short month", "Jun"),
        p_("short month", "Jul"),
        p_("short month", "Aug"),
        p_("short month", "Sep"),
        p_("short month", "Oct"),
        p_("short month", "Nov"),
        p_("short month", "Dec"),
    )


def date_words(day: dt.date, long: bool = False) -> str:
    """A date: "Tue 24 Nov", or with `long` "Tuesday 24 November"."""
    if long:
        # i18n: a date in full, like "Tuesday 24 November"; put the parts in your language's order
        form = p_("long date", "{weekday} {day} {month}")
        return form.format(weekday=weekdays()[day.weekday()], day=day.day, month=months()[day.month - 1])
    # i18n: a short date, like "Tue 24 Nov"; put the parts in your language's order
    form = p_("short date", "{weekday} {day} {month}")
    return form.format(weekday=weekdays_short()[day.weekday()], day=day.day, month=months_short()[day.month - 1])
