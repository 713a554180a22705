"""Reports read per second per core, for each input kind, against the floor of just getting the
bytes in: reading and decoding them (text, HTML) or python-docx's bare open (.docx), pdfplumber's
bare open (PDF).

Run by hand: `.venv/bin/python benchmarks/read_reports.py [--seconds 3] [--per-file]`. One
process, timed in CPU seconds, so the figures are per core whatever else the machine runs;
`gongkai check DIR` spreads files over every core.
"""
from __future__ import annotations

import argparse
import io
import time
from pathlib import Path

import docx
import pdfplumber

from gongkai.parse import parse_bytes
from gongkai.parse.cells import decode
from gongkai.render.docx import render_docx

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FULL = ["001_huaian-hongzequ_2023", "002_huaian-hongzequ_2024", "003_huaian-shi_2024", "007_pingtan_2022",
        "011_suqian-shuyangxian_2025", "012_shanghai-kewei_2024", "013_shanghai-shizhengfu-bangongting_2025"]


def inputs() -> dict[str, list[tuple[str, bytes]]]:
    corpus = SHARED / "corpus"
    fixture = SHARED / "fixtures" / "wulumuqi-xian-2020.txt"
    text = [(fixture.name, fixture.read_bytes())] + [
        (f"{n}.txt", (corpus / f"{n}.txt").read_bytes()) for n in FULL if (corpus / f"{n}.txt").exists()]
    html = [("014.txt", (corpus / "014_shanghai-shizhengfu-bangongting_2019.txt").read_bytes())]
    seed = parse_bytes(fixture.read_bytes(), fixture.name)
    docx_files = [("fixture.docx", render_docx(seed))] + [
        (p.name, p.read_bytes()) for p in sorted((ROOT / "tests" / "data" / "docx").glob("*.docx"))]
    pdfs = [(p.name, p.read_bytes()) for p in sorted((corpus / "pdf").glob("*.pdf"))]
    return {"text": text, "html": html, "docx": docx_files, "pdf": pdfs}


def _readable(files):
    ok = []
    for name, data in files:
        try:
            parse_bytes(data, name)
            ok.append((name, data))
        except Exception as exc:  # noqa: BLE001 - a benchmark measures what reads
            print(f"  (skipped {name}: {type(exc).__name__})")
    return ok


def _caches():
    """The readers' caches keyed by printed text (normalised lines, label keys, the headings
    after a numeral, the labels a run of text resembles, numbers); the caches of the formats'
    own labels and rules stay warm, as in any run."""
    from gongkai.parse import assemble, cells, resolve, sections
    return [cells.normalize_text, cells.label_key, sections._headings_after, assemble._resembling,
            resolve._number_text]


def rate(fn, files, seconds: float, *, cold: bool = False) -> float:
    """Reports per second of CPU time. `cold` empties the readers' caches before every report, as
    if no line of it had been seen before (a batch of real reports lies between cold and warm:
    their labels repeat, their narratives do not)."""
    caches = _caches() if cold else []
    done, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < seconds:
        for name, data in files:
            for cache in caches:
                cache.cache_clear()
            fn(data, name)
            done += 1
    return done / (time.process_time() - cpu)


FLOORS = {
    "text": lambda data, name: decode(data),
    "html": lambda data, name: decode(data),
    "docx": lambda data, name: docx.Document(io.BytesIO(data)),
    "pdf": lambda data, name: [p.chars for p in pdfplumber.open(io.BytesIO(data)).pages],
}
FLOOR_NAMES = {"text": "read+decode", "html": "read+decode", "docx": "python-docx open",
               "pdf": "pdfplumber open+chars"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--per-file", action="store_true", help="also print each file's rate")
    args = parser.parse_args()
    print("reports per second of CPU time (one core); warm: the readers' caches kept across reports,"
          " cold: emptied before each")
    print(f"{'kind':6} {'files':>5} {'warm/s':>9} {'cold/s':>9} {'floor/s':>11}  floor/warm  floor")
    for kind, files in inputs().items():
        files = _readable(files)
        if not files:
            continue
        warm = rate(lambda d, n: parse_bytes(d, n), files, args.seconds)
        cold = rate(lambda d, n: parse_bytes(d, n), files, args.seconds, cold=True)
        floor = rate(FLOORS[kind], files, args.seconds)
        print(f"{kind:6} {len(files):>5} {warm:>9.1f} {cold:>9.1f} {floor:>11.1f}  {floor / warm:9.1f}x  "
              f"{FLOOR_NAMES[kind]}")
        if args.per_file:
            for name, data in files:
                one = [(name, data)]
                each_warm = rate(lambda d, n: parse_bytes(d, n), one, args.seconds / 4)
                each_cold = rate(lambda d, n: parse_bytes(d, n), one, args.seconds / 4, cold=True)
                print(f"{'':12} {each_warm:>9.1f} {each_cold:>9.1f}  {name}")


if __name__ == "__main__":
    main()
