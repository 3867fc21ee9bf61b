"""Evaluation: briefing data against gold readings, by the rules of
../shared/eval/README.md (the definition; tests check that the scores agree with
its score.py). Gold YAML and data JSON in, precision / recall / F1 per section out.

Matching is one-to-one and greedy in the data's order; an unmatched data item that
an optional gold entry covers is neither a hit nor an extra.
"""

from __future__ import annotations

import fnmatch
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FOLD = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u2013": "-", "\u2014": "-"}
)
SECTIONS = ("timeline", "actors", "roles", "figures", "measures", "quotes")


def fold(text: object) -> str:
    return re.sub(r"\s+", " ", str(text or "").translate(FOLD).lower()).strip()


def name_key(text: object) -> str:
    folded = fold(text)
    return folded[4:] if folded.startswith("the ") else folded


def listed(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def contains_any(text: str, phrases) -> bool:
    return any(fold(p) in text for p in listed(phrases))


@dataclass
class Score:
    hits: int = 0
    extras: int = 0
    misses: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.hits, self.extras, self.misses = (
            self.hits + other.hits,
            self.extras + other.extras,
            self.misses + other.misses,
        )

    def precision(self) -> float:
        found = self.hits + self.extras
        return self.hits / found if found else (0.0 if self.misses else 1.0)

    def recall(self) -> float:
        wanted = self.hits + self.misses
        return self.hits / wanted if wanted else 1.0

    def f1(self) -> float:
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0


def pair(gold: list, items: list, matches, optional, describe) -> Score:
    score, open_gold = Score(), list(range(len(gold)))
    for item in items:
        hit = next((g for g in open_gold if matches(gold[g], item)), None)
        if hit is not None:
            open_gold.remove(hit)
            score.hits += 1
        elif not optional(item):
            score.extras += 1
            score.notes.append("extra:   " + describe(item))
    for g in open_gold:
        score.misses += 1
        score.notes.append("missing: " + json.dumps(gold[g], default=str, ensure_ascii=False))
    return score


def score_timeline(gold: dict, data: dict) -> Score:
    section = gold.get("timeline") or {}
    return pair(
        section.get("required") or [],
        data.get("timeline") or [],
        lambda g, s: (
            contains_any(fold(s.get("source")), g["anchor"])
            and any(fnmatch.fnmatchcase(str(s.get("when") or ""), str(w)) for w in listed(g["when"]))
        ),
        lambda s: contains_any(fold(s.get("source")), section.get("optional")),
        lambda s: f"{s.get('when')} | {str(s.get('source'))[:90]}",
    )


def actor_keys(actor: dict) -> set[str]:
    return {name_key(n) for n in [actor.get("name"), *listed(actor.get("aliases"))] if n}


def score_actors(gold: dict, data: dict) -> tuple[Score, Score]:
    section = gold.get("actors") or {}
    optional = {name_key(n) for n in listed(section.get("optional"))}
    matched: list[tuple[dict, dict]] = []

    def matches(g: dict, s: dict) -> bool:
        names = {name_key(n) for n in [*listed(g["names"]), g["name"]]}
        ok = bool(actor_keys(s) & names) and fold(s.get("kind")) in {fold(k) for k in listed(g["kind"])}
        if ok:
            matched.append((g, s))
        return ok

    actors = pair(
        section.get("required") or [],
        data.get("actors") or [],
        matches,
        lambda s: bool(actor_keys(s) & optional),
        lambda s: f"{s.get('name')} ({s.get('kind')}) aliases={s.get('aliases')}",
    )
    roles = Score()
    for g, s in matched:
        if not g.get("role"):
            continue
        if contains_any(fold(s.get("role")), g["role"]):
            roles.hits += 1
        else:
            roles.misses += 1
            roles.notes.append(f"role:    {g['name']}: got {s.get('role')!r}, want one of {g['role']}")
    return actors, roles


def figure_matches(g: dict, s: dict) -> bool:
    value = s.get("value")
    if value is None:
        return False
    try:
        wanted, got = float(g["value"]), float(value)
    except (TypeError, ValueError):
        return False
    return (
        any(fnmatch.fnmatchcase(fold(s.get("unit")), fold(u)) for u in listed(g["unit"]))
        and math.isclose(got, wanted, rel_tol=0.005)
        and contains_any(fold(s.get("source")), g["anchor"])
    )


def score_figures(gold: dict, data: dict) -> tuple[Score, Score]:
    section = gold.get("figures") or {}
    figures = data.get("figures") or []

    def optional(s: dict) -> bool:
        text = fold(s.get("text"))
        return bool(text) and any(fold(o) in text or text in fold(o) for o in listed(section.get("optional")))

    score = pair(
        section.get("required") or [],
        figures,
        figure_matches,
        optional,
        lambda s: f"{s.get('text')!r} = {s.get('value')} {s.get('unit')} | {s.get('measure')!r}",
    )
    measures = Score()
    for g in section.get("required") or []:
        found = next((s for s in figures if figure_matches(g, s)), None)
        if found is None:
            continue
        if contains_any(fold(found.get("measure")), g["measure"]):
            measures.hits += 1
        else:
            measures.misses += 1
            measures.notes.append(
                f"measure: {g['anchor'][0]}: got {found.get('measure')!r}, want one of {g['measure']}"
            )
    return score, measures


def score_quotes(gold: dict, data: dict) -> Score:
    section = gold.get("quotes") or {}
    people = {
        name_key(a["name"]): {name_key(n) for n in [*listed(a["names"]), a["name"]]}
        for a in (gold.get("actors") or {}).get("required") or []
    }
    return pair(
        section.get("required") or [],
        data.get("quotes") or [],
        lambda g, s: (
            contains_any(fold(s.get("text")), g["anchor"])
            and name_key(s.get("speaker")) in people.get(name_key(g["speaker"]), {name_key(g["speaker"])})
        ),
        lambda s: contains_any(fold(s.get("text")), section.get("optional")),
        lambda s: f"{s.get('speaker')}: {str(s.get('text'))[:80]}",
    )


def texts_shown(data: dict) -> str:
    body = data.get("body")
    texts = [data.get("summary"), data.get("title"), *([body] if isinstance(body, str) else listed(body))]
    for key in ("timeline", "figures", "quotes"):
        for item in data.get(key) or []:
            texts += [item.get("source"), item.get("text")]
    return fold(" \n ".join(str(t) for t in texts if t))


def leaked(gold: dict, data: dict) -> list[str]:
    shown = texts_shown(data)
    return [b for b in listed(gold.get("boilerplate")) if fold(b) in shown]


def anchors_kept(gold: dict, data: dict) -> tuple[int, int]:
    body = data.get("body")
    text = fold(body if isinstance(body, str) else " ".join(listed(body)))
    anchors = [
        g["anchor"] for key in ("timeline", "figures", "quotes") for g in (gold.get(key) or {}).get("required") or []
    ]
    return sum(contains_any(text, a) for a in anchors), len(anchors)


@dataclass
class SeedScore:
    seed: str
    sections: dict[str, Score]
    leaks: list[str]
    kept: int
    anchors: int


@dataclass
class Report:
    seeds: list[SeedScore] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def totals(self) -> dict[str, Score]:
        totals = {name: Score() for name in SECTIONS}
        for seed in self.seeds:
            for name, score in seed.sections.items():
                totals[name].add(score)
        return totals

    def worst_f1(self) -> float:
        return min(score.f1() for score in self.totals().values())

    def as_dict(self) -> dict:
        result: dict = {
            name: {"precision": round(s.precision(), 3), "recall": round(s.recall(), 3), "f1": round(s.f1(), 3)}
            for name, s in self.totals().items()
        }
        result["boilerplate_leaks"] = sum(len(s.leaks) for s in self.seeds)
        result["body_anchors_kept"] = f"{sum(s.kept for s in self.seeds)}/{sum(s.anchors for s in self.seeds)}"
        result["seeds_without_data"] = self.missing
        return result


def load_data(folder: Path) -> dict[str, dict]:
    found = {}
    for path in sorted(folder.rglob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and "id" in data and "timeline" in data:
            found[str(data["id"])] = data
    return found


def evaluate(gold_folder: Path, data_folder: Path) -> Report:
    datas = load_data(data_folder)
    report = Report()
    for path in sorted(gold_folder.glob("*.y*ml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        seed = str(gold["seed"])
        data = datas.get(seed)
        if data is None:
            report.missing.append(seed)
            continue
        actors, roles = score_actors(gold, data)
        figures, measures = score_figures(gold, data)
        sections = {
            "timeline": score_timeline(gold, data),
            "actors": actors,
            "roles": roles,
            "figures": figures,
            "measures": measures,
            "quotes": score_quotes(gold, data),
        }
        kept, anchors = anchors_kept(gold, data)
        report.seeds.append(SeedScore(seed, sections, leaked(gold, data), kept, anchors))
    return report


def print_report(report: Report, verbose: bool = False, as_json: bool = False) -> None:
    for name in report.missing:
        print(f"{name}: NO DATA")
    for seed in report.seeds:
        line = "  ".join(f"{name} {score.f1():.2f}" for name, score in seed.sections.items())
        print(f"{seed.seed}: {line}  leaks {len(seed.leaks)}  body {seed.kept}/{seed.anchors}")
        if verbose:
            for name, score in seed.sections.items():
                for note in score.notes:
                    print(f"    {name:9s} {note}")
            for leak in seed.leaks:
                print(f"    leak      {leak!r}")
    totals = report.as_dict()
    if as_json:
        print(json.dumps(totals, indent=2))
        return
    print(
        "TOTAL: "
        + "  ".join(
            f"{name} P{s['precision']:.2f}/R{s['recall']:.2f}/F{s['f1']:.2f}"
            for name, s in totals.items()
            if isinstance(s, dict)
        )
        + f"  leaks {totals['boilerplate_leaks']}  body {totals['body_anchors_kept']}"
    )
