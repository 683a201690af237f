import pytest

from assetmap.geocode.normalize import house_numbers, parse_address, parse_addresses, split_key, street_key


@pytest.mark.parametrize("typed, key", [
    ("N GRAND BLVD", "N GRAND BLVD"),
    ("north grand boulevard", "N GRAND BLVD"),
    ("N. Grand Blvd.", "N GRAND BLVD"),
    ("Twenty-First Street", "21ST ST"),
    ("N 21st St Apt 3", "N 21ST ST"),
    ("S Kingshighway Blvd #4", "S KINGSHIGHWAY BLVD"),
    ("Saint Louis Avenue", "ST LOUIS AVE"),
    ("O'Fallon St", "OFALLON ST"),
    ("Olive St., St. Louis, MO 63110", "OLIVE ST"),
    ("N Grand Blvd St Louis MO 63106", "N GRAND BLVD"),
    ("Lee Avenue & North Grand Blvd", "LEE AVE & N GRAND BLVD"),
    ("N GRAND BLVD / LEE AVE", "LEE AVE & N GRAND BLVD"),
    ("Sotuh Grand Blvd", "S GRAND BLVD"),                  # a typo in the direction word
    ("Nroth Market St", "N MARKET ST"),
    ("southwest avenue", "SOUTHWEST AVE"),                 # the direction is the street's name
    ("Westminster Pl", "WESTMINSTER PL"),
    ("Easy St", "EASY ST"),
    ("@FAIRGROUND PARK : XY(89964035", "FAIRGROUND PARK"),   # a dispatch extract's common place
    ("@FOREST PARK - ART HILL : XY(8", "FOREST PARK ART HL"),
    ("@KIENER PLAZA : X", "KIENER PLZ"),                      # cut short before the coordinates
    ("GRAND BLVD @ OLIVE ST", "GRAND BLVD & OLIVE ST"),      # "@" between two streets still joins them
])
def test_street_keys(typed, key):
    assert street_key(typed)[0] == key


def test_zip_is_kept_apart():
    assert street_key("Olive St, St. Louis, MO 63110-1234") == ("OLIVE ST", "63110")


@pytest.mark.parametrize("typed, parsed", [
    ("2543 N Grand Blvd, St. Louis MO 63106", (2543, "N GRAND BLVD", "63106")),
    ("2543 n grand boulevard apt 3, st louis, mo", (2543, "N GRAND BLVD", "")),
    ("2000 N Broadway St Louis MO 63102", (2000, "N BROADWAY", "63102")),   # usaddress: ST is the city's
    ("713 1/2 Biddle St", (713, "BIDDLE ST", "")),
    ("713A Biddle St", (713, "BIDDLE ST", "")),
    ("1302 North Ninth St.", (1302, "N 9TH ST", "")),
    ("Grand & Olive, St Louis", (0, "GRAND & OLIVE", "")),
    ("P.O. Box 12, St. Louis MO", (-2, "", "")),
    ("Tower Grove Park, St. Louis, MO 63110", (-1, "TOWER GROVE PARK", "63110")),   # a named place
    ("O'Fallon Park", (-1, "OFALLON PARK", "")),
    ("Apt 3, 12 Main St", (12, "MAIN ST", "")),                                       # the number is found
    ("", (-1, "", "")),
])
def test_parse_address(typed, parsed):
    assert parse_address(typed) == parsed


def test_split_key():
    assert split_key("N GRAND BLVD") == ("N", "GRAND", "BLVD", "")
    assert split_key("N BROADWAY") == ("N", "BROADWAY", "", "")
    assert split_key("MAIN ST E") == ("", "MAIN", "ST", "E")


def test_columns_are_parsed_once_per_distinct_text():
    n, k, z = parse_addresses(["1 Main St", None, "1 Main St", "7 Elm Ave, X, MO 63101"])
    assert n.tolist() == [1, -1, 1, 7]
    assert k.tolist() == ["MAIN ST", "", "MAIN ST", "ELM AVE"]
    assert z.tolist() == ["", "", "", "63101"]
    assert house_numbers(["12", "12A", "12-14", "x", None, "0"]).tolist() == [12, 12, 12, -1, -1, 0]
    assert house_numbers([12.0, float("nan"), 3.5]).tolist() == [12, -1, -1]
