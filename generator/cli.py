"""Command line: argument parsing only; each command calls one pipeline entry point."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .build import PROJECT, BuildConfig, build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="briefings", description="Turn news articles (seeds) into briefings.")
    commands = parser.add_subparsers(dest="command", required=True)

    build_cmd = commands.add_parser("build", help="generate briefing pages and data from seeds")
    build_cmd.add_argument("--seeds", type=Path, default=PROJECT / "seeds", help="folder of seed articles")
    build_cmd.add_argument("--out", type=Path, default=PROJECT / "briefings", help="output folder (MkDocs docs_dir)")
    build_cmd.add_argument("--templates", type=Path, default=PROJECT / "templates")
    build_cmd.add_argument("--no-cache", action="store_true", help="parse every seed again")

    check_cmd = commands.add_parser("check", help="validate seeds; exit 1 on any problem")
    check_cmd.add_argument("--seeds", type=Path, default=PROJECT / "seeds")

    timex_cmd = commands.add_parser("timex", help="print the temporal expressions of seeds as JSON")
    timex_cmd.add_argument("seeds", type=Path, nargs="+", help="seed files")
    timex_cmd.add_argument("--out", type=Path, help="write OUT/<seed name>.json for each seed instead")

    eval_cmd = commands.add_parser("evaluate", help="score briefing data against gold readings")
    eval_cmd.add_argument("--gold", type=Path, default=PROJECT / "tests" / "gold")
    eval_cmd.add_argument("--data", type=Path, default=PROJECT / "briefings")
    eval_cmd.add_argument("-v", "--verbose", action="store_true", help="list every miss and extra")
    eval_cmd.add_argument("--json", action="store_true", help="print the totals as JSON")
    eval_cmd.add_argument("--min-f1", type=float, default=0.0, help="exit 1 when a total F1 is below this")

    args = parser.parse_args(argv)
    return {"build": run_build, "check": run_check, "timex": run_timex, "evaluate": run_evaluate}[args.command](args)


def run_build(args) -> int:
    config = BuildConfig(seeds=args.seeds, out=args.out, templates=args.templates,
                         cache=None if args.no_cache else BuildConfig().cache)
    report = build(config)
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    print(f"{len(report.datas)} briefings ({report.parsed} parsed, {report.cached} from cache): "
          f"{len(report.write.written)} files written, {len(report.write.unchanged)} unchanged, "
          f"{len(report.write.removed)} removed")
    return 1 if report.errors else 0


def run_check(args) -> int:
    from .seeds import SeedError, list_seeds, read_seed

    problems = []
    paths = list_seeds(args.seeds)
    for path in paths:
        try:
            read_seed(path)
        except SeedError as error:
            problems.append(str(error))
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    print(f"{len(paths)} seeds checked, {len(problems)} with problems")
    return 1 if problems else 0


def run_timex(args) -> int:
    from .extract.timex import find_timexes
    from .seeds import SeedError, read_seed

    status = 0
    for path in args.seeds:
        try:
            seed = read_seed(path)
        except SeedError as error:
            print(f"error: {error}", file=sys.stderr)
            status = 1
            continue
        found = [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value,
                  **({"mod": t.mod} if t.mod else {}), "when": t.when}
                 for t in find_timexes(seed.body, seed.published)]
        text = json.dumps(found, ensure_ascii=False, indent=1)
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{seed.name}.json").write_text(text + "\n", "utf-8")
        else:
            print(text)
    return status


def run_evaluate(args) -> int:
    from .evaluate import evaluate, print_report

    report = evaluate(args.gold, args.data)
    print_report(report, verbose=args.verbose, as_json=args.json)
    return 1 if report.missing or report.worst_f1() < args.min_f1 else 0


if __name__ == "__main__":
    sys.exit(main())
