"""Scores of hypotheses against references, through the field's own tools: sacrebleu for
BLEU, chrF++ and TER (each with the signature that makes it comparable), its paired bootstrap
for significance, rouge-score for summaries. The fact checks are the job's own."""

from __future__ import annotations

from typing import Sequence

# sacrebleu's defaults for each metric; chrF++ is chrF with word bigrams.
BOOTSTRAP_SAMPLES = 1000
SIGNIFICANT = 0.05


def _metrics() -> dict:
    from sacrebleu.metrics import BLEU, CHRF, TER

    return {"bleu": BLEU(), "chrf": CHRF(word_order=2), "ter": TER()}


def translation_scores(hypotheses: Sequence[str], references: Sequence[str]) -> dict:
    """{"bleu", "chrf", "ter", "signatures": {metric: sacrebleu signature}}."""
    out: dict = {"signatures": {}}
    for name, metric in _metrics().items():
        score = metric.corpus_score(list(hypotheses), [list(references)])
        out[name] = round(score.score, 2)
        out["signatures"][name] = metric.get_signature().format()
    return out


def significance(systems: Sequence[tuple[str, Sequence[str]]], references: Sequence[str]) -> dict:
    """Paired bootstrap resampling of every system against the first, per metric:
    {system: {metric: {"p_value", "significant"}}}."""
    from sacrebleu.significance import PairedTest

    test = PairedTest([(name, list(h)) for name, h in systems], _metrics(), [list(references)],
                      test_type="bs", n_samples=BOOTSTRAP_SAMPLES)
    _, results = test()
    keys = {"BLEU": "bleu", "chrF2++": "chrf", "TER": "ter"}
    out: dict = {name: {} for name, _ in systems[1:]}
    for label, per_system in results.items():
        if label not in keys:
            continue
        baseline = per_system[0].score
        for (name, _), result in zip(systems[1:], per_system[1:]):
            p = result.p_value
            # Equal corpus scores are no difference, whatever the resampling says.
            differs = p is not None and p < SIGNIFICANT and abs(result.score - baseline) > 1e-9
            out[name][keys[label]] = {"p_value": round(float(p), 4), "significant": bool(differs),
                                      "delta": round(result.score - baseline, 2)}
    return out


def facts_preservation(sources: Sequence[str], hypotheses: Sequence[str]) -> dict:
    """With the job's own extractors and checks: the share of source numbers and dates whose
    value the translation keeps, and the share of lines with a number or date flag."""
    from facts import arabic, english
    from facts.bounds import check_sentence

    total = kept = flagged_lines = 0
    for i, (source, hypothesis) in enumerate(zip(sources, hypotheses)):
        found = arabic.extract(source)
        flags = check_sentence(i, found, english.extract(hypothesis))
        facts = len(found.numbers) + len(found.dates)
        lost = sum(1 for f in flags if f["type"].split("_")[0] in ("number", "date"))
        total += facts
        kept += max(0, facts - lost)
        flagged_lines += bool(lost)
    return {
        "source_facts": total,
        "facts_kept": round(kept / total, 4) if total else None,
        "flag_rate": round(flagged_lines / len(sources), 4) if sources else None,
    }


def rouge(pairs: Sequence[tuple[str, str]]) -> dict:
    """Mean ROUGE-1/2/L F-measure (rouge-score, with stemming) of (hypothesis, reference)."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    sums = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    for hypothesis, reference in pairs:
        for name, score in scorer.score(reference, hypothesis).items():
            sums[name] += score.fmeasure
    n = len(pairs)
    return {**{name: round(100 * total / n, 2) if n else None for name, total in sums.items()}, "summaries": n}


def comet(model_name: str | None, systems: Sequence[tuple[Sequence[str], Sequence[str], Sequence[str]]]
          ) -> tuple[list[float] | None, str | None]:
    """COMET system scores for (sources, hypotheses, references) per system, or None and a
    one-line note saying why COMET was left out. Loading a model the hub cache lacks needs
    the network; nothing here asks for it unless a model is named."""
    if not model_name:
        return None, "COMET left out: no model named (--comet Unbabel/wmt22-comet-da, with unbabel-comet installed)"
    try:
        import comet as comet_lib
    except ImportError:
        return None, "COMET left out: unbabel-comet is not installed (pip install unbabel-comet)"
    try:
        model = comet_lib.load_from_checkpoint(comet_lib.download_model(model_name))
    except Exception as exc:  # noqa: BLE001 - any failure to load is the note, not a crash
        return None, f"COMET left out: {model_name} did not load: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
    scores = []
    for sources, hypotheses, references in systems:
        data = [{"src": s, "mt": h, "ref": r} for s, h, r in zip(sources, hypotheses, references)]
        scores.append(round(float(model.predict(data, batch_size=16, gpus=0).system_score), 4))
    return scores, None
