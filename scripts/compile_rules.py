"""Compile the extraction rules to C extension modules with mypyc (about 1.4x the throughput).

    python scripts/compile_rules.py            # build in place, then check that it loads
    python scripts/compile_rules.py --clean    # remove the build (and the regex store): plain Python

The modules (``core.extraction.native.compiled_modules``) are the same source, type-checked
strictly; mypyc turns their calls, attribute reads and loops into C, while the regexes stay
stdlib ``re``. The extension modules land beside their sources, with a manifest of the sources'
SHA-256; ``core.extraction.native.guard`` uses them only while that manifest matches, so an
edited rule is never shadowed by an old build. Needs a C compiler and the Python headers.
The build also compiles the hand-written C helpers (``native.C_SOURCES``: the paragraph index's word scan),
which the rules use only while the build is in use; their sources count in the manifest's SHA-256 too.
It then stores the compiled form of every rule regex (``core.extraction.regex_store``), which
saves the 0.1-0.2 s that parsing them costs at every start.
The C compiler's chatter goes to ``build/mypyc/build.log``; the script prints one line.
"""

from __future__ import annotations

import argparse
import json
import marshal
import os
import re
import subprocess
import sys
import time
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.extraction import native, regex_store  # noqa: E402

BUILD_DIR = ROOT / "build" / "mypyc"

# Run in a child so that setuptools and mypyc work in the repository root and their output is logged.
_SETUP = """
import sys
from setuptools import Extension, setup
from mypyc.build import mypycify
paths, group, target = sys.argv[1].split(","), sys.argv[2], sys.argv[3]
c_sources = ["core/extraction/" + source for source in sys.argv[5].split(",") if source.endswith(".c")]
c_modules = [Extension("core.extraction._text_scan", c_sources, extra_compile_args=["-O3"])]
setup(
    name="wiedervorlage-rules",
    ext_modules=mypycify(paths, opt_level="3", group_name=group, target_dir=target) + c_modules,
    script_args=["build_ext", "--inplace", "--parallel", sys.argv[4], "--build-temp", target + "/temp"],
)
"""

# Imports every rule module from source while there is no store, so that each pattern is compiled, and
# recorded as missed, once; prints them as JSON.
_COLLECT = """
import json, os, sys
os.environ["WIEDERVORLAGE_PURE_PYTHON"] = "1"
from core.extraction import lexicon, regex_store
lexicon.phrase_regexes()  # compiled on first use in a run: stored all the same
json.dump(sorted(regex_store.MISSED), sys.stdout)
"""


def _sre_arguments(pattern: str, flags: int) -> tuple[object, ...]:
    """What ``re.compile`` hands to ``_sre.compile`` after the pattern: the parse and code generation that
    ``regex_store`` saves. CPython's private compiler (``re._parser``, ``re._compiler``, 3.11 and later)."""
    parsed = re._parser.parse(pattern, flags)
    code = [int(op) for op in re._compiler._code(parsed, flags)]  # type: ignore[attr-defined]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def write_regex_store() -> int:
    """Store the compiled form of every rule pattern (``core.extraction.regex_store``); return how many."""
    regex_store.STORE.unlink(missing_ok=True)
    done = subprocess.run([sys.executable, "-c", _COLLECT], cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit("collecting the rules' regexes failed: " + (done.stderr.strip().splitlines() or ["?"])[-1])
    entries: dict[tuple[str, int], tuple[object, ...]] = {}
    for pattern, flags in json.loads(done.stdout):
        try:
            arguments = _sre_arguments(pattern, flags)
            stored = regex_store.compile_regex(pattern, flags, {(pattern, flags): arguments})
            same = stored == re.compile(pattern, flags)
        except (AttributeError, TypeError, ValueError, re.error):  # another CPython's compiler: no store
            return 0
        if same:  # (anything else is compiled at each start, as without a store)
            entries[(pattern, flags)] = arguments
    regex_store.STORE.write_bytes(marshal.dumps((regex_store.build_tag(), entries)))
    return len(entries)


def clean() -> int:
    """Remove the extension modules and the manifest; return how many files went."""
    removed = 0
    for suffix in EXTENSION_SUFFIXES:
        for path in native.HERE.glob(f"*{suffix}"):
            path.unlink()
            removed += 1
    for path in (native.MANIFEST, regex_store.STORE):
        if path.exists():
            path.unlink()
            removed += 1
    return removed


def build() -> None:
    """Compile in place, write the manifest, and check in a fresh interpreter that the build is used."""
    clean()  # a failed build must leave plain Python behind, not a half-replaced package
    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    modules = native.compiled_modules()
    before = native.fingerprint(modules=modules)
    paths = ",".join(str(Path("core") / "extraction" / f"{name}.py") for name in modules)
    log = BUILD_DIR / "build.log"
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(
            [sys.executable, "-c", _SETUP, paths, native.GROUP, str(BUILD_DIR.relative_to(ROOT)),
             str(os.cpu_count() or 1), ",".join(native.C_SOURCES)],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, check=False,
        )
    if done.returncode != 0:
        clean()
        tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-15:]
        raise SystemExit("mypyc build failed (see " + str(log) + "):\n" + "\n".join(tail))
    if native.fingerprint(modules=modules) != before:
        clean()
        raise SystemExit("the rule sources changed during the build; run it again")
    native.MANIFEST.write_text(json.dumps({
        "modules": modules, "sources_sha256": before, "python": sys.version.split()[0],
    }, indent=2) + "\n", encoding="utf-8")
    check = subprocess.run(
        [sys.executable, "-c", "import sys, core.extraction as e, core.extraction.cue_index as c; "
         "sys.exit(0 if e.native.native_in_use() and c._C_SCAN_WORDS is not None else 1)"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    if check.returncode != 0:
        clean()
        raise SystemExit("the compiled rules do not load: " + (check.stderr.strip().splitlines() or ["?"])[-1])
    stored = write_regex_store()
    print(f"compiled {len(modules)} rule modules with mypyc in {time.monotonic() - started:.0f} s, "
          f"stored {stored} compiled regexes")


def main() -> None:
    """Build, or with ``--clean`` remove, the compiled rule modules."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clean", action="store_true", help="remove the build")
    args = parser.parse_args()
    if args.clean:
        print(f"removed {clean()} files of the compiled rules")
    else:
        build()


if __name__ == "__main__":
    main()
