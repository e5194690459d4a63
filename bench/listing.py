"""Opening a large output folder: the review list and index.html, from the ledger.

    python bench/listing.py [--articles 100000]

Builds a folder of N finished articles as the job leaves it (articles/<id>.json, ledger rows
as the runner writes them; synthetic English, a few flagged, a few reviewed), then times:

- the baseline, in the same run: reading and parsing every articles/*.json, which is what the
  review list did on each request before it read the ledger;
- the review page's list through the real Flask app: the first open (which also records every
  machine summary in the review store), a second open, a filter, a late page, an article;
- writing the paged index.html from the ledger, as the end of a run does.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facts.types import Facts, to_json  # noqa: E402
from tarjama.ledger import Ledger, text_sha  # noqa: E402
from tarjama.job.outputs import write_index  # noqa: E402
from tarjama.article_json import SCHEMA_VERSION  # noqa: E402
from tarjama.review.app import create_app  # noqa: E402
from tarjama.review.listing import Listing  # noqa: E402
from tarjama.review.store import ReviewStore  # noqa: E402


EMPTY_FACTS = {side: to_json(Facts()) for side in ("source", "translation", "summary")}


def build(out: Path, n: int) -> None:
    rng = random.Random(7)
    folder = out / "articles"
    folder.mkdir(parents=True)
    ledger = Ledger(out / ".tarjama" / "ledger.sqlite")
    ledger.db.execute("BEGIN")
    for i in range(n):
        article_id = f"article-{i:06d}"
        summary = f"Officials said {rng.randint(2, 900)} people attended the meeting in city {i % 97}."
        flags = [{"type": "number_changed", "segment": 0, "message": "a number changed"}] if i % 13 == 0 else []
        record = {
            "schema_version": SCHEMA_VERSION, "id": article_id,
            "source": {"path": f"in/{article_id}.txt", "sha256": "0" * 64, "name": None},
            "title": {"ar": f"خبر رقم {i}", "en": f"Report number {i}"}, "published": "2024-03-04",
            "segments": [{"paragraph": 0, "ar": "قال المسؤولون إن الاجتماع عقد.", "en": "Officials said the meeting "
                          "was held.", "score": -0.4}] * 12,
            "summary": {"en": summary, "ar": "", "input": "translation", "chunks": 1, "rounds": 1},
            "facts": EMPTY_FACTS, "flags": flags, "models": {"translate": "m", "summarise": "s"}, "meta": {},
        }
        (folder / f"{article_id}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        ledger.record(f"in/{article_id}.txt", "done", article_id=article_id, input_sha="0", content_sha=str(i),
                      config_sig="c", files=[f"articles/{article_id}.json"], title_ar=record["title"]["ar"],
                      title_en=record["title"]["en"], segments=12, flags=len(flags), seconds=1.0,
                      summary=summary, summary_sha=text_sha(summary), published="2024-03-04")
    ledger.db.execute("COMMIT")
    ledger.close()


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="tarjama-listing-"))
    try:
        seconds, _ = timed(lambda: build(out, args.articles))
        print(f"built {args.articles:,} articles in {seconds:.1f} s")

        def read_every_json() -> int:
            return sum(len(json.loads(p.read_text(encoding="utf-8"))["segments"]) for p in (out / "articles").glob("*.json"))

        baseline, _ = timed(read_every_json)
        app = create_app(out, "bench")
        app.config["TESTING"] = True
        client = app.test_client()

        def get(path: str):
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            return response

        results = [("read every article JSON (the old list)", baseline)]
        results.append(("review list, first open", timed(lambda: get("/"))[0]))
        results.append(("review list, second open", timed(lambda: get("/"))[0]))
        store = ReviewStore(out)
        opened = Listing(out, store)
        for i in range(0, args.articles, 50):  # some opened and decided, so the filter has something to find
            opened.record(f"article-{i:06d}")
            store.decide(f"article-{i:06d}", "approved", "bench", 1)
        store.close()
        results.append(("review list, after 2% were decided", timed(lambda: get("/"))[0]))
        results.append(("review list, ?status=approved", timed(lambda: get("/?status=approved"))[0]))
        late = max(1, args.articles // 100 - 1)
        results.append((f"review list, ?page={late}", timed(lambda: get(f"/?page={late}"))[0]))
        results.append(("one article page", timed(lambda: get("/article/article-050000"
                                                                if args.articles > 50_000 else "/article/article-000001"))[0]))
        ledger = Ledger(out / ".tarjama" / "ledger.sqlite")
        results.append(("write the paged index.html", timed(lambda: write_index(out, ledger, []))[0]))
        ledger.close()
        pages = len(list(out.glob("index*.html")))
        width = max(len(name) for name, _ in results)
        print(f"\n{args.articles:,} articles; index.html in {pages} pages")
        for name, seconds in results:
            ratio = "" if seconds is baseline else f"  {baseline / seconds:7.1f}x faster than the baseline"
            print(f"  {name:<{width}}  {seconds:7.3f} s{ratio}")
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
