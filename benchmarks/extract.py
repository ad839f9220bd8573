"""Throughput of the rule-based extractor against dateparser's search_dates as a baseline.

Builds >= 10 MB of minutes text (the shared dev corpus when present, else app/examples),
runs the full extractor on one core, runs ``dateparser.search.search_dates`` over a
sample of the same text, measures peak memory on 50 MB streamed by paragraph and ends
with exactly one line ``mb_per_s=<x> baseline_mb_per_s=<y> ratio=<x/y>``.

Both sides are warmed up first (imports, compiled patterns, dateparser's language data) and
then timed in alternating rounds; the summary gives the medians. On a shared two-core
machine single timings drift by a third from minute to minute, and alternating rounds
expose both sides to the same drift.

    python benchmarks/extract.py [--mb 10] [--sample-kb 60] [--memory-mb 50] [--rounds 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.extraction import iter_candidates, native  # noqa: E402
from core.extraction.sentences import iter_paragraphs  # noqa: E402
from core.types import MeetingContext  # noqa: E402


def _source_texts() -> list[str]:
    shared = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev"
    files = sorted(shared.glob("*.txt")) if shared.is_dir() else []
    if not files:
        files = sorted((ROOT / "app" / "examples").glob("*.txt"))
    if not files:
        raise SystemExit("no minutes found (../shared/corpus/dev or app/examples)")
    return [f.read_text(encoding="utf-8") for f in files]


def _build(texts: list[str], megabytes: float) -> str:
    unit = "\n\n".join(texts) + "\n\n"
    return unit * max(1, int(megabytes * 1e6 / len(unit)) + 1)


def _extract_mb_per_s(text: str) -> tuple[float, int, float]:
    context = MeetingContext(meeting_date=dt.date(2023, 6, 1))
    start = time.perf_counter()
    found = sum(1 for _ in iter_candidates(text, context))
    seconds = time.perf_counter() - start
    return len(text.encode("utf-8")) / 1e6 / seconds, found, seconds


def _baseline_mb_per_s(sample: str) -> float:
    from dateparser.search import search_dates

    search_dates("Die Vorlage wird am 13.09.2023 beraten.", languages=["de"])  # loads the German data
    start = time.perf_counter()
    # dateparser works on whole strings; paragraphs keep each call at realistic sizes
    for p_start, p_end in iter_paragraphs(sample):
        search_dates(sample[p_start:p_end], languages=["de"])
    return len(sample.encode("utf-8")) / 1e6 / (time.perf_counter() - start)


def _peak_memory_mb(texts: list[str], megabytes: float) -> float:
    """Peak resident memory (MB) after extracting from a ``megabytes`` input held as one string.

    The extractor streams it paragraph by paragraph (``iter_candidates``), so beyond the
    input string itself only a window of sentences and the current candidates are alive.
    """
    text = _build(texts, megabytes)
    context = MeetingContext(meeting_date=dt.date(2023, 6, 1))
    for _ in iter_candidates(text, context):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Run the benchmark and print the figures; the last line is the machine-readable summary."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--sample-kb", type=float, default=60.0)
    parser.add_argument("--memory-mb", type=float, default=50.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    texts = _source_texts()
    text = _build(texts, args.mb)
    sample = text[: int(args.sample_kb * 1000)]
    _extract_mb_per_s(sample)  # warm-up: first calls, lazily built tables
    rates, baselines = [], []
    for n in range(1, args.rounds + 1):
        rate, found, seconds = _extract_mb_per_s(text)
        baseline = _baseline_mb_per_s(sample)
        rates.append(rate)
        baselines.append(baseline)
        print(f"round {n}: extractor {len(text) / 1e6:.1f} MB in {seconds:.2f} s = {rate:.2f} MB/s "
              f"({found} candidates); dateparser.search_dates(de) {len(sample) / 1e3:.0f} KB at "
              f"{baseline:.3f} MB/s; ratio {rate / baseline:.1f}")
    rate, baseline = statistics.median(rates), statistics.median(baselines)
    print("rules: " + ("compiled with mypyc" if native.native_in_use() else
                       "plain Python (no build matching the source: `make compile` is about 1.45x faster)"))
    print(f"median of {args.rounds} rounds: extractor {rate:.2f} MB/s, baseline {baseline:.3f} MB/s")

    peak = _peak_memory_mb(texts, args.memory_mb)
    print(f"peak resident memory after {args.memory_mb:.0f} MB streamed by paragraph: {peak:.0f} MB (input included)")
    print(f"mb_per_s={rate:.3f} baseline_mb_per_s={baseline:.3f} ratio={rate / baseline:.1f}")

if __name__ == "__main__":
    main()
