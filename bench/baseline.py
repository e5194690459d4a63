"""The script a competent user writes from the two model cards: per article, its lines as
one padded batch through the translator, then the joined English through the summariser
with truncation. This is what tarjama is measured against.

    python bench/baseline.py IN_DIR OUT_DIR --translator DIR --summariser DIR \
        --translate-tokens N --summary-tokens M
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from pathlib import Path

import torch
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("inputs", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--translator", required=True)
    parser.add_argument("--summariser", required=True)
    parser.add_argument("--translate-tokens", type=int, required=True)
    parser.add_argument("--summary-tokens", type=int, required=True)
    args = parser.parse_args()

    start = time.perf_counter()
    mt_tok = AutoTokenizer.from_pretrained(args.translator)
    mt = AutoModelForSeq2SeqLM.from_pretrained(args.translator).eval()
    sum_tok = AutoTokenizer.from_pretrained(args.summariser)
    summ = AutoModelForSeq2SeqLM.from_pretrained(args.summariser).eval()
    load = time.perf_counter() - start

    args.out.mkdir(parents=True, exist_ok=True)
    n_articles = n_sentences = 0
    t_translate = t_summarise = 0.0
    for path in sorted(args.inputs.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        # Split paragraphs into sentences at Arabic and Latin sentence ends.
        sentences = [s for line in lines for s in re.split(r"(?<=[.!?؟])\s+", line) if s]
        t0 = time.perf_counter()
        with torch.no_grad():
            batch = mt_tok(sentences, return_tensors="pt", padding=True, truncation=True)
            out = mt.generate(**batch, num_beams=4, max_new_tokens=args.translate_tokens,
                              min_new_tokens=args.translate_tokens)
        english = mt_tok.batch_decode(out, skip_special_tokens=True)
        t1 = time.perf_counter()
        with torch.no_grad():
            batch = sum_tok([" ".join(english)], return_tensors="pt", truncation=True, max_length=1024)
            out = summ.generate(**batch, max_new_tokens=args.summary_tokens, min_new_tokens=args.summary_tokens)
        summary = sum_tok.decode(out[0], skip_special_tokens=True)
        t2 = time.perf_counter()
        t_translate += t1 - t0
        t_summarise += t2 - t1
        n_articles += 1
        n_sentences += len(sentences)
        (args.out / f"{path.stem}.json").write_text(
            json.dumps({"sentences": list(zip(sentences, english)), "summary": summary}, ensure_ascii=False),
            encoding="utf-8",
        )
    stats = {
        "articles": n_articles,
        "sentences": n_sentences,
        "seconds": time.perf_counter() - start,
        "load": load,
        "translate": t_translate,
        "summarise": t_summarise,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print("STATS " + json.dumps(stats), file=sys.stderr)


if __name__ == "__main__":
    main()
