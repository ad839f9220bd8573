"""Golden examples for German time expressions (own sentences in the style of minutes)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.extraction import timex
from core.extraction.timex import TimeExpr, find_times
from core.extraction.timex_resolve import resolve

MEETING = dt.date(2024, 3, 14)


def _first(sentence: str, meeting: dt.date | None = MEETING, **kw: object) -> tuple[str, dt.date | None, bool]:
    times = find_times(sentence, meeting=meeting, **kw)  # type: ignore[arg-type]
    assert times, f"no time expression in {sentence!r}"
    return times[0].text, times[0].due, times[0].vague


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("Die Unterlagen werden bis zum 22.04.2024 nachgereicht.", dt.date(2024, 4, 22)),
        ("Der Bauhof erledigt das am 05.06.", dt.date(2024, 6, 5)),
        ("Der Bericht folgt bis 30.6. an die Fraktionen.", dt.date(2024, 6, 30)),
        ("Die Entscheidung fällt am 2. Februar.", dt.date(2025, 2, 2)),  # future-preferring
        ("Ausschreibung am 1. Oktober 2024 veröffentlichen.", dt.date(2024, 10, 1)),
        ("Die Planung liegt bis Ende des Jahres vor.", dt.date(2024, 12, 31)),
        ("Fertigstellung zum Jahresende.", dt.date(2024, 12, 31)),
        ("Die Umrüstung ist Ende November abgeschlossen.", dt.date(2024, 11, 30)),
        ("Die Evaluation liegt Ende Q3 vor.", dt.date(2024, 9, 30)),
        ("Die Auswertung erfolgt in vier Wochen.", dt.date(2024, 4, 11)),
        ("Die Mängelliste wird in 14 Tagen versandt.", dt.date(2024, 3, 28)),
        ("Das Protokoll geht bis Ende der Woche raus.", dt.date(2024, 3, 15)),  # the Friday of the meeting's week
        ("Die Zahlen folgen Ende nächster Woche.", dt.date(2024, 3, 22)),
        ("Die Liste kommt Ende der übernächsten Woche.", dt.date(2024, 3, 29)),
        ("Die Pläne werden bis zum Ende des Schuljahres 2024/2025 erarbeitet.", dt.date(2025, 7, 31)),
        ("Der Umzug ist zum Schuljahresende abgeschlossen.", dt.date(2024, 7, 31)),
    ],
)
def test_it_resolves_firm_dates_against_the_meeting_date(sentence: str, due: dt.date) -> None:
    assert _first(sentence)[1] == due


def test_it_reads_ende_des_jahres_as_december_31() -> None:
    assert _first("Ein Konzept wird bis Ende des Jahres erarbeitet.")[1] == dt.date(2024, 12, 31)


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Arbeiten beginnen Anfang Juli.",
        "Der Umbau ist bis Mitte Mai 2024 fertig.",
        "Der Entwurf kommt im zweiten Quartal 2025.",
        "Das Gutachten folgt im 1. Halbjahr.",
        "Der Container wird in der KW 42 aufgestellt.",
        "Die Übergabe ist für die 28. Kalenderwoche geplant.",
        "Die Fortschreibung soll im Herbst 2024 vorliegen.",
        "Die Vorlage wird nach den Sommerferien eingebracht.",
        "Herr Kluge meldet sich in der kommenden Woche.",
        "Der Termin wird Anfang nächster Woche abgestimmt.",
    ],
)
def test_it_keeps_periods_vague_without_a_due_date(sentence: str) -> None:
    _text, due, vague = _first(sentence)
    assert due is None and vague


def test_relative_dates_stay_null_without_a_meeting_date() -> None:
    assert _first("Die Antwort kommt am 13.09.", meeting=None)[1] is None
    assert _first("Die Antwort kommt am 13.09.2023.", meeting=None)[1] == dt.date(2023, 9, 13)


def test_the_end_of_the_week_of_a_friday_meeting_has_no_due_date() -> None:
    assert _first("Das Protokoll geht bis Ende der Woche raus.", meeting=dt.date(2024, 3, 15))[1:] == (None, True)


@pytest.mark.parametrize(
    "sentence",
    [
        "Beratung der Vorlage Nr. 50/017/2024 im Ausschuss.",
        "Gemäß § 62 Absatz 2 der Gemeindeordnung.",
        "Die Schulung dauert 15 Tage.",
        "Zu Punkt 10 gibt es keine Wortmeldungen.",
        "Unter TOP 5.1. wird berichtet.",
        "Frau Mai dankt für den Hinweis.",
        "Die Sitzung endet um 16:35 Uhr.",
    ],
)
def test_it_ignores_numbers_that_are_not_dates(sentence: str) -> None:
    assert all(t.due is None for t in find_times(sentence, meeting=MEETING))


def test_next_meeting_of_a_named_body_resolves_from_the_calendar() -> None:
    sentence = "Das Thema wird in der nächsten Sitzung des Ausschusses für Umwelt und Verkehr beraten."
    calendar = {"ausschuss für umwelt und verkehr": (dt.date(2024, 2, 1), dt.date(2024, 4, 18))}
    times = find_times(sentence, meeting=MEETING, next_meetings=calendar)
    assert times[0].due == dt.date(2024, 4, 18)
    assert times[0].body == "Ausschuss für Umwelt und Verkehr"


def test_next_meeting_without_a_calendar_keeps_the_wording() -> None:
    times = find_times("Wiedervorlage in der nächsten Sitzung.", meeting=MEETING)
    assert times[0].due is None and "nächsten Sitzung" in times[0].text


def test_bis_zur_sommerpause_ends_the_day_before_the_school_summer_holidays() -> None:
    times = find_times("Die Satzung wird bis zur Sommerpause überarbeitet.", meeting=dt.date(2024, 3, 1), land="NW")
    assert times[0].due is not None
    assert dt.date(2024, 6, 1) <= times[0].due <= dt.date(2024, 8, 31)


def _every_pattern(text: str, meeting: dt.date | None) -> list[TimeExpr]:
    """Reference: all fifteen patterns without the cheap pre-checks, longest reading first."""
    found = sorted(
        (m.start(), -(m.end() - m.start()), timex._PRIORITY[name], name, m)
        for name, rx in timex._COMPILED
        for m in rx.finditer(text)
    )
    result: list[TimeExpr] = []
    last_end = -1
    for start, _neg, _p, name, m in found:
        if start >= last_end and (expr := resolve(name, m, meeting, "NW", {}, None)) is not None:
            result.append(expr)
            last_end = m.end()
    return result


_TIME_FRAGMENTS = st.sampled_from([
    "bis zum 13.09.", "13.09.2023", "31.02.2023", "Ende des Jahres", "KW 42", "42. KW", "im Juni 2024", "Ende Juni",
    "Anfang Juli", "in vier Wochen", "bis zur Sommerpause", "in der nächsten Sitzung des Ausschusses für Sport",
    "Juni-Sitzung", "Ende des ersten Quartals 2024", "im 2. Halbjahr", "Q3", "im nächsten Jahr", "zeitnah",
    "im Anschluss", "Ende der Woche", "in der kommenden Woche", "Ende übernächster Woche",
    "1. Oktober 2023", "am 1.10.", "Ende des Schuljahres 2025/26", "zum Schuljahresbeginn",
    "TOP 5.1.", "§ 62", "Frau Mai", " und ", " ", "Jahresende 2025", "im Jänner", "Jännersitzung",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_TIME_FRAGMENTS, st.text(max_size=8)), max_size=8))
def test_the_pre_checks_never_hide_a_time_expression(parts: list[str]) -> None:
    text = "".join(parts)
    for meeting in (None, dt.date(2023, 6, 1)):
        assert find_times(text, meeting=meeting) == _every_pattern(text, meeting)


def test_the_austrian_jaenner_passes_the_pre_check_as_every_month_does() -> None:
    assert timex.find_times_possible("Die Kosten werden im Jänner vorgelegt.")
    assert [t.text for t in find_times("Die Kosten werden im Jänner vorgelegt.", meeting=MEETING)] == ["im Jänner"]


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("Der Bericht wird bis zur nächsten Sitzung des Bauausschusses vorgelegt.", "Bauausschuss"),
        ("Das Thema wird im nächsten Sozialausschuss beraten.", "Sozialausschuss"),
        ("Die Liste folgt zum nächsten Ausschuss.", "Ausschuss"),
    ],
)
def test_next_meeting_after_a_contracted_article_names_its_body(sentence: str, body: str) -> None:
    times = find_times(sentence, meeting=MEETING)
    assert times and times[0].kind == "next_meeting" and times[0].body == body


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("Der Umbau ist bis Ende 2025 abgeschlossen.", dt.date(2025, 12, 31)),
        ("Die Satzung wird bis Ende nächsten Jahres überarbeitet.", dt.date(2025, 12, 31)),
        ("Das Konzept kommt noch in diesem Jahr.", dt.date(2024, 12, 31)),
        ("Die Planung beginnt Anfang 2026.", None),
        ("Die Fertigstellung ist bis Mitte 2026 vorgesehen.", None),
        ("Die Ausschreibung erfolgt in der zweiten Jahreshälfte.", None),
        ("Ein Entwurf folgt im Laufe des Jahres.", None),
    ],
)
def test_it_reads_parts_of_years(sentence: str, due: dt.date | None) -> None:
    _text, found, vague = _first(sentence)
    assert found == due and vague == (due is None)


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("Die Mitglieder werden gebeten, ihre Terminwünsche bis Freitag mitzuteilen.", dt.date(2024, 6, 7)),
        ("Am kommenden Dienstag wird die Liste verschickt.", dt.date(2024, 6, 11)),
        ("Bis zum Montag liegt der Entwurf vor.", dt.date(2024, 6, 10)),
    ],
)
def test_a_weekday_is_the_first_such_day_after_the_meeting(sentence: str, due: dt.date) -> None:
    (expr,) = find_times(sentence, meeting=dt.date(2024, 6, 4))  # a Tuesday
    assert expr.due == due


def test_a_weekday_before_a_date_leaves_the_date_to_count() -> None:
    (expr,) = find_times("Die Sitzung findet am Montag, 14. November 2011 statt.", meeting=dt.date(2011, 11, 2))
    assert expr.due == dt.date(2011, 11, 14)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        # NRW: Easter holidays 2027 start on 22 March, Christmas holidays 2026 on 23 December,
        # autumn holidays 2027 on 23 October (``holidays`` package data)
        ("Die Grundschulen folgen bis zu den Osterferien 2027.", dt.date(2027, 3, 21)),
        ("Der Umbau ist bis zu den Weihnachtsferien fertig.", dt.date(2026, 12, 22)),
        ("Die Bänke werden vor den Herbstferien 2027 aufgestellt.", dt.date(2027, 10, 22)),
    ],
)
def test_bis_zu_any_school_holidays_ends_the_day_before_they_start(phrase: str, due: dt.date) -> None:
    times = find_times(phrase, meeting=dt.date(2026, 11, 11), land="NW")
    assert [t.due for t in times] == [due]


def test_school_holidays_of_a_year_without_data_stay_vague() -> None:
    times = find_times("Die Arbeiten enden bis zu den Osterferien 2031.", meeting=dt.date(2026, 11, 11), land="NW")
    assert [(t.due, t.vague) for t in times] == [(None, True)]
