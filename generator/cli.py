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
    build_cmd.add_argument(
        "--cache",
        default=str(BuildConfig().cache),
        help="folder of cached data, or an fsspec URL (file:///…, s3://bucket/path with s3fs)",
    )
    build_cmd.add_argument("--no-cache", action="store_true", help="parse every seed again")
    build_cmd.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=0,
        help="extraction processes, or workers of a local Dask cluster (default: one per core)",
    )
    build_cmd.add_argument(
        "--executor",
        choices=("pool", "dask"),
        default="pool",
        help="extract on this machine's processes (default) or on a Dask cluster",
    )
    build_cmd.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="the Dask scheduler (tcp://host:8786); without it, --executor dask starts a local cluster",
    )
    build_cmd.add_argument("--no-progress", action="store_true", help="no progress bar")

    check_cmd = commands.add_parser("check", help="validate seeds; exit 1 on any problem")
    check_cmd.add_argument("--seeds", type=Path, default=PROJECT / "seeds")
    check_cmd.add_argument("--cache", type=Path, default=BuildConfig().cache, help="folder of cached data")

    timex_cmd = commands.add_parser("timex", help="print the temporal expressions of seeds as JSON")
    timex_cmd.add_argument("seeds", type=Path, nargs="+", help="seed files")
    timex_cmd.add_argument("--out", type=Path, help="write OUT/<seed name>.json for each seed instead")

    bench_cmd = commands.add_parser("bench", help="time generation and MkDocs on a corpus made from the seeds")
    bench_cmd.add_argument("-n", type=int, default=1000, help="number of seeds (default 1000)")
    bench_cmd.add_argument("--huge", action="store_true", help="also run with 10,000 seeds")
    bench_cmd.add_argument(
        "--shard-size",
        type=int,
        default=0,
        help="also build the site in shards of this many briefings, beside one build",
    )
    bench_cmd.add_argument(
        "--extraction-only",
        action="store_true",
        help="only cold extraction: process pool, local Dask cluster, spaCy alone",
    )
    bench_cmd.add_argument(
        "--seed-sizes",
        action="store_true",
        help="only extract one seed of 64 to 511 kB, real paragraphs and one run-on sentence",
    )
    bench_cmd.add_argument("--work", type=Path, default=Path("/tmp/briefings-bench"), help="scratch folder")
    bench_cmd.add_argument("--jobs", "-j", type=int, default=0, help="extraction processes (default: one per core)")
    bench_cmd.add_argument("--results", type=Path, default=PROJECT / "bench" / "latest.md")

    eval_cmd = commands.add_parser("evaluate", help="score briefing data against gold readings")
    eval_cmd.add_argument("--gold", type=Path, default=PROJECT / "tests" / "gold")
    eval_cmd.add_argument("--data", type=Path, default=PROJECT / "briefings")
    eval_cmd.add_argument("-v", "--verbose", action="store_true", help="list every miss and extra")
    eval_cmd.add_argument("--json", action="store_true", help="print the totals as JSON")
    eval_cmd.add_argument("--min-f1", type=float, default=0.0, help="exit 1 when a total F1 is below this")

    rate_cmd = commands.add_parser("rate", help="blind rating of timeline events: draw a sample, score a rated one")
    rate_steps = rate_cmd.add_subparsers(dest="step", required=True)
    sample_cmd = rate_steps.add_parser("sample", help="write N random events for a rater, with a key kept apart")
    sample_cmd.add_argument("--data", type=Path, default=PROJECT / "briefings", help="built briefing data (JSON)")
    sample_cmd.add_argument("-n", type=int, default=60, help="number of events (default 60)")
    sample_cmd.add_argument("--seed", type=int, default=0, help="random seed, for a reproducible draw")
    sample_cmd.add_argument("--out", type=Path, required=True, help="the sheet for the rater")
    sample_cmd.add_argument("--key", type=Path, help="where the key goes (default: OUT's name + .key.json)")
    score_cmd = rate_steps.add_parser("score", help="count good/partial/bad in a filled-in sheet")
    score_cmd.add_argument("file", type=Path, help="a rated sheet")

    args = parser.parse_args(argv)
    runners = {
        "build": run_build,
        "check": run_check,
        "timex": run_timex,
        "bench": run_bench,
        "evaluate": run_evaluate,
        "rate": run_rate,
    }
    return runners[args.command](args)


def run_build(args) -> int:
    from .parallel import Executor, ExecutorError
    from .store import CacheStoreError

    if args.scheduler and args.executor != "dask":
        print("error: --scheduler is the address of a Dask scheduler: give --executor dask too", file=sys.stderr)
        return 2
    config = BuildConfig(
        seeds=args.seeds,
        out=args.out,
        templates=args.templates,
        cache=None if args.no_cache else args.cache,
        jobs=args.jobs,
        progress=not args.no_progress,
        executor=Executor(args.executor, args.scheduler),
    )
    try:
        report = build(config)
    except (ExecutorError, CacheStoreError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for note in report.notes:
        print(f"note: {note}", file=sys.stderr)
    for problem in report.errors:
        print(f"error: {problem}", file=sys.stderr)
    if report.skipped:
        print(f"{report.count} briefings: nothing changed since the last build")
    else:
        print(
            f"{report.count} briefings ({report.parsed} parsed, {report.cached} from cache): "
            f"{len(report.write.written)} files written, {len(report.write.unchanged)} unchanged, "
            f"{len(report.write.removed)} removed ("
            + ", ".join(f"{step} {seconds:.2f} s" for step, seconds in report.seconds.items())
            + ")"
        )
    return 1 if report.errors else 0


def run_check(args) -> int:
    from .check import check_seeds

    report = check_seeds(args.seeds, cache=args.cache)
    for note in report.notes:
        print(f"note: {note}", file=sys.stderr)
    for problem in report.problems:
        print(f"error: {problem}", file=sys.stderr)
    print(f"{report.checked} seeds checked, {len(report.problems)} with problems")
    return 1 if report.problems else 0


def run_bench(args) -> int:
    from .bench import bench, seed_sizes
    from .parallel import default_jobs

    jobs = args.jobs or default_jobs()
    if args.seed_sizes:
        sections = [seed_sizes(args.work / "sizes")]
    else:
        sections = [bench(args.n, args.work / str(args.n), jobs, extraction_only=args.extraction_only)]
    if args.huge:
        sections.append(bench(10_000, args.work / "10000", jobs, naive_too=False))
    if args.shard_size:
        from .bench import bench_shards

        for count in [args.n, *([10_000] if args.huge else [])]:
            work = args.work / str(count)
            sections.append(bench_shards(work / "project", args.shard_size, work / "code"))
    args.results.parent.mkdir(parents=True, exist_ok=True)
    flags = "".join(f" --{flag}" for flag in ("huge", "seed-sizes") if getattr(args, flag.replace("-", "_")))
    text = "# Benchmark results\n\nMade by `briefings bench" + flags + "`.\n\n"
    args.results.write_text(text + "\n".join(sections), "utf-8")
    print(f"results written to {args.results}")
    return 0


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
        try:
            timexes = find_timexes(seed.body, seed.published)
        except Exception as error:  # noqa: BLE001 - one document's failure must not stop the others
            print(
                f"error: {path}: temporal expressions could not be read ({error!r}); please report this document",
                file=sys.stderr,
            )
            status = 1
            continue
        found = [
            {
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "type": t.type,
                "value": t.value,
                **({"mod": t.mod} if t.mod else {}),
                "when": t.when,
            }
            for t in timexes
        ]
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


def run_rate(args) -> int:
    from .rating import score_sheet, write_sample

    if args.step == "sample":
        key = write_sample(args.data, args.n, args.seed, args.out, args.key)
        print(f"sheet written to {args.out}; key (keep it from the rater) to {key}")
        return 0
    score = score_sheet(args.file.read_text("utf-8"))
    print(score.report())
    return 1 if score.unknown else 0


if __name__ == "__main__":
    sys.exit(main())
