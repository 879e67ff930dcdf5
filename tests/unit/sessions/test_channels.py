import copy

import pytest

from sessions.live.channels import (
    Booth, BoothStatus, ChannelRefused, ChannelWarning, Mode, compute, set_booth, set_floor,
    to_contract, warnings_for, would_strand,
)

FLOOR, DIRECT, RELAY, UNAVAILABLE = Mode.FLOOR, Mode.DIRECT, Mode.RELAY, Mode.UNAVAILABLE

# The standard three booths: every booth works from both other languages.
STANDARD = (Booth("ar", ("en", "fr")), Booth("en", ("ar", "fr")), Booth("fr", ("en", "ar")))
# A French booth without Arabic: with Arabic on the floor it takes relay from English.
FR_FROM_EN = (Booth("ar", ("en", "fr")), Booth("en", ("ar", "fr")), Booth("fr", ("en",)))
# The same, with the English booth switched off.
FR_FROM_EN_EN_OFF = (Booth("ar", ("en", "fr")), Booth("en", ("ar", "fr"), on=False),
                     Booth("fr", ("en",)))


# --- compute: the standard booths ------------------------------------------------------------

def test_compute_standard_arabic_floor_is_all_direct():
    assert compute("ar", STANDARD) == [
        BoothStatus("ar", True, FLOOR, None, ("ar",)),
        BoothStatus("en", True, DIRECT, None, ("ar", "en")),
        BoothStatus("fr", True, DIRECT, None, ("ar", "fr")),
    ]


def test_compute_standard_english_floor_is_all_direct():
    assert compute("en", STANDARD) == [
        BoothStatus("ar", True, DIRECT, None, ("en", "ar")),
        BoothStatus("en", True, FLOOR, None, ("en",)),
        BoothStatus("fr", True, DIRECT, None, ("en", "fr")),
    ]


def test_compute_standard_french_floor_is_all_direct():
    assert compute("fr", STANDARD) == [
        BoothStatus("ar", True, DIRECT, None, ("fr", "ar")),
        BoothStatus("en", True, DIRECT, None, ("fr", "en")),
        BoothStatus("fr", True, FLOOR, None, ("fr",)),
    ]


# --- compute: a French booth working from English only ---------------------------------------

def test_compute_french_from_english_arabic_floor_relays_via_english():
    assert compute("ar", FR_FROM_EN) == [
        BoothStatus("ar", True, FLOOR, None, ("ar",)),
        BoothStatus("en", True, DIRECT, None, ("ar", "en")),
        BoothStatus("fr", True, RELAY, "en", ("ar", "en", "fr")),
    ]


def test_compute_french_from_english_english_floor_is_direct():
    assert compute("en", FR_FROM_EN) == [
        BoothStatus("ar", True, DIRECT, None, ("en", "ar")),
        BoothStatus("en", True, FLOOR, None, ("en",)),
        BoothStatus("fr", True, DIRECT, None, ("en", "fr")),
    ]


def test_compute_french_from_english_french_floor_rests_french_booth():
    assert compute("fr", FR_FROM_EN) == [
        BoothStatus("ar", True, DIRECT, None, ("fr", "ar")),
        BoothStatus("en", True, DIRECT, None, ("fr", "en")),
        BoothStatus("fr", True, FLOOR, None, ("fr",)),
    ]


# --- compute: a booth switched off -----------------------------------------------------------

def test_compute_english_off_arabic_floor_leaves_french_unavailable():
    assert compute("ar", FR_FROM_EN_EN_OFF) == [
        BoothStatus("ar", True, FLOOR, None, ("ar",)),
        BoothStatus("en", False, UNAVAILABLE),
        BoothStatus("fr", True, UNAVAILABLE),
    ]


def test_compute_english_off_english_floor_is_floor_and_french_direct():
    assert compute("en", FR_FROM_EN_EN_OFF) == [
        BoothStatus("ar", True, DIRECT, None, ("en", "ar")),
        BoothStatus("en", False, FLOOR, None, ("en",)),
        BoothStatus("fr", True, DIRECT, None, ("en", "fr")),
    ]


def test_compute_english_off_french_floor_only_english_unavailable():
    assert compute("fr", FR_FROM_EN_EN_OFF) == [
        BoothStatus("ar", True, DIRECT, None, ("fr", "ar")),
        BoothStatus("en", False, UNAVAILABLE),
        BoothStatus("fr", True, FLOOR, None, ("fr",)),
    ]


def test_compute_standard_french_off_arabic_floor_others_unaffected():
    booths = set_booth(STANDARD, "fr", False)

    assert compute("ar", booths) == [
        BoothStatus("ar", True, FLOOR, None, ("ar",)),
        BoothStatus("en", True, DIRECT, None, ("ar", "en")),
        BoothStatus("fr", False, UNAVAILABLE),
    ]


def test_compute_off_booth_gives_no_relay_even_when_its_own_source_is_on_floor():
    # English could work from Arabic, but it is off, so French (English only) gets nothing.
    booths = (Booth("en", ("ar",), on=False), Booth("fr", ("en",)))

    assert compute("ar", booths) == [
        BoothStatus("en", False, UNAVAILABLE),
        BoothStatus("fr", True, UNAVAILABLE),
    ]


def test_compute_booth_with_no_usable_source_is_unavailable():
    booths = (Booth("en", ("ar",)), Booth("fr", ("es",)))

    assert compute("ar", booths) == [
        BoothStatus("en", True, DIRECT, None, ("ar", "en")),
        BoothStatus("fr", True, UNAVAILABLE),
    ]


# --- compute: chains and ties ----------------------------------------------------------------

def test_compute_relay_tie_prefers_source_listed_first():
    booths = (Booth("en", ("ar",)), Booth("es", ("ar",)), Booth("fr", ("es", "en")))

    assert compute("ar", booths)[2] == BoothStatus("fr", True, RELAY, "es", ("ar", "es", "fr"))


def test_compute_relay_tie_follows_source_order_not_booth_order():
    booths = (Booth("en", ("ar",)), Booth("es", ("ar",)), Booth("fr", ("en", "es")))

    assert compute("ar", booths)[2] == BoothStatus("fr", True, RELAY, "en", ("ar", "en", "fr"))


def test_compute_shorter_chain_beats_source_order():
    # French prefers Spanish, but Spanish is two hops from the floor and English one.
    booths = (Booth("en", ("ar",)), Booth("es", ("en",)), Booth("fr", ("es", "en")))

    assert compute("ar", booths) == [
        BoothStatus("en", True, DIRECT, None, ("ar", "en")),
        BoothStatus("es", True, RELAY, "en", ("ar", "en", "es")),
        BoothStatus("fr", True, RELAY, "en", ("ar", "en", "fr")),
    ]


def test_compute_direct_beats_relay_listed_first():
    booths = (Booth("en", ("ar",)), Booth("fr", ("en", "ar")))

    assert compute("ar", booths)[1] == BoothStatus("fr", True, DIRECT, None, ("ar", "fr"))


def test_compute_two_hop_relay_follows_the_whole_chain():
    booths = (Booth("en", ("ar",)), Booth("fr", ("en",)), Booth("es", ("fr",)))

    assert compute("ar", booths)[2] == BoothStatus("es", True, RELAY, "fr",
                                                   ("ar", "en", "fr", "es"))


def test_compute_floor_language_without_booth_serves_direct_booths():
    assert compute("es", (Booth("en", ("es",)), Booth("fr", ("en",)))) == [
        BoothStatus("en", True, DIRECT, None, ("es", "en")),
        BoothStatus("fr", True, RELAY, "en", ("es", "en", "fr")),
    ]


def test_compute_duplicate_booth_language_raises():
    with pytest.raises(ValueError):
        compute("ar", (Booth("en", ("ar",)), Booth("en", ("fr",))))


def test_compute_no_booths_is_empty():
    assert compute("ar", ()) == []


def test_booth_sources_list_becomes_tuple():
    assert Booth("fr", ["en", "ar"]) == Booth("fr", ("en", "ar"))


# --- warnings --------------------------------------------------------------------------------

@pytest.mark.parametrize("floor", ["ar", "en", "fr"])
def test_warnings_for_standard_booths_is_empty(floor):
    assert warnings_for(floor, STANDARD) == []


def test_warnings_for_french_from_english_all_on_is_empty():
    assert warnings_for("ar", FR_FROM_EN) == []


def test_warnings_for_english_off_arabic_floor_names_stranded_channel_and_relay_source():
    assert warnings_for("ar", FR_FROM_EN_EN_OFF) == [
        ChannelWarning("no_path", "fr", "The French booth cannot work from Arabic, directly or "
                                        "through relay; its channel is silent."),
        ChannelWarning("relay_source_off", "en",
                       "The English booth is off, and the French channel needs its relay."),
    ]


@pytest.mark.parametrize("floor", ["en", "fr"])
def test_warnings_for_english_off_other_floor_is_empty(floor):
    assert warnings_for(floor, FR_FROM_EN_EN_OFF) == []


def test_warnings_for_off_booth_nobody_needs_is_silent():
    assert warnings_for("ar", set_booth(STANDARD, "fr", False)) == []


def test_warnings_for_booth_without_any_path_has_no_relay_warning():
    assert warnings_for("ar", (Booth("en", ("ar",)), Booth("fr", ("es",)))) == [
        ChannelWarning("no_path", "fr", "The French booth cannot work from Arabic, directly or "
                                        "through relay; its channel is silent."),
    ]


def test_warnings_for_relay_source_needed_by_several_channels_names_them_all():
    booths = (Booth("en", ("ar",), on=False), Booth("fr", ("en",)), Booth("es", ("en",)))

    assert warnings_for("ar", booths) == [
        ChannelWarning("no_path", "fr", "The French booth cannot work from Arabic, directly or "
                                        "through relay; its channel is silent."),
        ChannelWarning("no_path", "es", "The es booth cannot work from Arabic, directly or "
                                        "through relay; its channel is silent."),
        ChannelWarning("relay_source_off", "en",
                       "The English booth is off, and the French and es channels need its relay."),
    ]


def test_warnings_for_off_booth_not_needed_when_a_longer_path_exists():
    # French prefers English, which is off, but still reaches Arabic through Spanish.
    booths = (Booth("en", ("ar",), on=False), Booth("es", ("ar",)), Booth("fr", ("en", "es")))

    assert warnings_for("ar", booths) == []


# --- would_strand ----------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_would_strand_standard_booths_strands_nothing(language):
    assert would_strand(language, STANDARD) == []


def test_would_strand_arabic_speaker_with_english_off_strands_french():
    assert would_strand("ar", FR_FROM_EN_EN_OFF) == ["fr"]


def test_would_strand_english_speaker_with_english_off_strands_nothing():
    assert would_strand("en", FR_FROM_EN_EN_OFF) == []


def test_would_strand_unserved_language_strands_every_booth_that_is_on():
    assert would_strand("es", set_booth(STANDARD, "en", False)) == ["ar", "fr"]


# --- to_contract -----------------------------------------------------------------------------

def test_to_contract_relay_configuration():
    assert to_contract("ar", compute("ar", FR_FROM_EN)) == {
        "floor": "ar",
        "booths": [
            {"language": "ar", "on": True, "mode": "floor", "via": None},
            {"language": "en", "on": True, "mode": "direct", "via": None},
            {"language": "fr", "on": True, "mode": "relay", "via": "en"},
        ],
    }


def test_to_contract_modes_are_plain_strings():
    booths = to_contract("ar", compute("ar", FR_FROM_EN_EN_OFF))["booths"]

    assert [type(b["mode"]) for b in booths] == [str, str, str]
    assert booths[1] == {"language": "en", "on": False, "mode": "unavailable", "via": None}


# --- commands --------------------------------------------------------------------------------

def test_set_floor_known_language_returns_it():
    assert set_floor("ar", "fr", ("ar", "en", "fr")) == "fr"


def test_set_floor_same_language_is_a_no_op():
    assert set_floor("ar", "ar", ("ar", "en", "fr")) == "ar"


@pytest.mark.parametrize("language", ["es", "", None, 1, "floor"])
def test_set_floor_unknown_language_refused_bad_request(language):
    with pytest.raises(ChannelRefused) as info:
        set_floor("ar", language, ("ar", "en", "fr"))

    assert (info.value.code, info.value.message) == (
        "bad_request", "The floor language must be one of ar, en, fr.")


def test_set_booth_off_replaces_only_that_booth():
    assert set_booth(STANDARD, "en", False) == (
        Booth("ar", ("en", "fr")), Booth("en", ("ar", "fr"), on=False), Booth("fr", ("en", "ar")))


def test_set_booth_on_again_restores_configuration():
    assert set_booth(FR_FROM_EN_EN_OFF, "en", True) == FR_FROM_EN


def test_set_booth_unknown_refused_not_found_and_booths_unchanged():
    booths = list(STANDARD)
    before = copy.deepcopy(booths)

    with pytest.raises(ChannelRefused) as info:
        set_booth(booths, "es", False)

    assert (info.value.code, info.value.message) == ("not_found", "There is no es booth.")
    assert booths == before


@pytest.mark.parametrize("on", [1, "true", None])
def test_set_booth_non_boolean_refused_bad_request(on):
    with pytest.raises(ChannelRefused) as info:
        set_booth(STANDARD, "en", on)

    assert (info.value.code, info.value.message) == (
        "bad_request", "A booth is switched with true or false.")
