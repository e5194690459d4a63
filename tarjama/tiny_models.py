"""Random-weight models of the real architectures, built offline.

No model hub is reachable from CI or from many users' build machines, yet the code must be
exercised through the ordinary ``from_pretrained`` path. These builders train a tokenizer on
a few hundred lines, make a model from a config of the real architecture, and save both with
``save_pretrained`` so that ``AutoTokenizer``/``AutoModelForSeq2SeqLM`` load them back exactly
as they would a hub checkpoint. Random weights translate nothing: they prove plumbing, never
quality.

    python -m tarjama.tiny_models OUT_DIR   # writes OUT_DIR/{marian,bart,ner-ar,ner-en}
"""

from __future__ import annotations

import json
import logging
import random
import sys
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

# Written for this project: short Arabic news-style sentences and English ones, enough for a
# tokenizer to learn pieces that cover the seed article and the test fixtures.
_ARABIC = """\
أكدت الوزارة أنها ستواصل العمل مع الشركاء في المنطقة
قال المتحدث باسم الحكومة إن الاجتماع عقد يوم الثلاثاء
وقعت الحكومتان مذكرة تفاهم جديدة في العاصمة بغداد
بلغ عدد السكان في المدينة أربعة ملايين نسمة
ارتفعت الأسعار بنسبة خمسة في المئة خلال العام الماضي
أعلن الرئيس عن خطة لإعادة البناء وتحقيق الاستقرار
شارك عدد من الوزراء والمستشارين في المراسم الرسمية
تحدث السفير عن الشراكة بين البلدين منذ عقود
أشار التقرير إلى أن الدعم سيستمر للسنوات الأربع المقبلة
حررت القوات مساحات واسعة من الأراضي في الشمال
جرى توقيع الاتفاق في أربيل بحضور رئيس الإقليم
نشرت الوزارة بيانا على موقعها الرسمي يوم الأربعاء
في عام 2016 وقع الجانبان أول اتفاق بينهما
بلغت قيمة المشروع 4.5 مليون دولار
قطعت القافلة مسافة 50 ألف كيلومتر مربع
ذكرت وكالة الأنباء أن الزيارة استمرت ثلاثة أيام
دعا المجلس إلى وقف إطلاق النار فورا
استقبل رئيس الوزراء وفدا من الاتحاد الأوروبي
"""

_ENGLISH = """\
The ministry confirmed that it will continue working with partners in the region.
A government spokesman said the meeting was held on Tuesday.
The two governments signed a new memorandum of understanding in Baghdad.
The city has a population of four million people.
Prices rose by five percent during the past year.
The president announced a plan for reconstruction and stability.
Several ministers and advisers took part in the official ceremony.
The ambassador spoke about the partnership between the two countries for decades.
The report indicated that support will continue for the next four years.
Forces liberated large areas of land in the north.
The agreement was signed in Erbil in the presence of the region's president.
The ministry published a statement on its official website on Wednesday.
In 2016 the two sides signed their first agreement.
The project was worth 4.5 million dollars.
The convoy covered a distance of 50,000 square kilometres.
The news agency reported that the visit lasted three days.
The council called for an immediate ceasefire.
The prime minister received a delegation from the European Union.
"""


def _corpus(text: str, n_lines: int, seed: int) -> list[str]:
    """Shuffle sentence halves together so a tokenizer sees varied contexts."""
    rng = random.Random(seed)
    lines = [line for line in text.splitlines() if line.strip()]
    words = [w for line in lines for w in line.split()]
    out = list(lines)
    while len(out) < n_lines:
        k = rng.randint(4, 14)
        out.append(" ".join(rng.choice(words) for _ in range(k)))
    return out


def _train_spm(lines: list[str], prefix: Path, vocab_size: int) -> Path:
    import sentencepiece as spm

    corpus = prefix.with_suffix(".txt")
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        model_type="unigram",
        # Marian's own vocabularies put </s> at 0 and <unk> at 1; no <s>.
        unk_id=1,
        eos_id=0,
        bos_id=-1,
        pad_id=-1,
        minloglevel=2,
    )
    return prefix.with_suffix(".model")


def build_marian(
    out: Path,
    *,
    d_model: int = 32,
    layers: int = 2,
    heads: int = 2,
    ffn: int = 64,
    max_positions: int = 128,
    spm_vocab: int = 300,
    extra_vocab: int = 0,
    seed: int = 0,
    generation: dict | None = None,
    source_lines: list[str] | None = None,
) -> Path:
    """A Marian translator laid out like Helsinki-NLP/opus-mt-ar-en (shared vocab.json,
    source.spm and target.spm, pad = decoder start = last id, eos = 0).

    ``extra_vocab`` pads the vocabulary with unused entries so that a benchmark can reach the
    real model's 62834 rows and so pay the real output-projection cost.
    """
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    torch.manual_seed(seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        # A benchmark passes its own corpus so that token counts per sentence are realistic.
        src = _train_spm(source_lines or _corpus(_ARABIC, 400, seed), Path(tmp) / "source", spm_vocab)
        tgt = _train_spm(_corpus(_ENGLISH, 400, seed + 1), Path(tmp) / "target", spm_vocab)
        vocab: dict[str, int] = {"</s>": 0, "<unk>": 1}
        import sentencepiece as spm

        for model_file in (src, tgt):
            sp = spm.SentencePieceProcessor(model_file=str(model_file))
            for i in range(sp.get_piece_size()):
                vocab.setdefault(sp.id_to_piece(i), len(vocab))
        for i in range(extra_vocab - len(vocab) - 1):
            vocab[f"<unused{i}>"] = len(vocab)
        vocab["<pad>"] = len(vocab)
        vocab_file = Path(tmp) / "vocab.json"
        vocab_file.write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        tokenizer = MarianTokenizer(
            source_spm=str(src),
            target_spm=str(tgt),
            vocab=str(vocab_file),
            model_max_length=max_positions,
        )
        tokenizer.save_pretrained(out)
    pad = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab),
        d_model=d_model,
        encoder_layers=layers,
        decoder_layers=layers,
        encoder_attention_heads=heads,
        decoder_attention_heads=heads,
        encoder_ffn_dim=ffn,
        decoder_ffn_dim=ffn,
        max_position_embeddings=max_positions,
        pad_token_id=pad,
        decoder_start_token_id=pad,
        eos_token_id=0,
        forced_eos_token_id=0,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
    )
    model = MarianMTModel(config)
    if generation:
        for name, value in generation.items():
            setattr(model.generation_config, name, value)
    model.save_pretrained(out)
    log.info("tiny Marian model written to %s (vocab %d)", out, len(vocab))
    return out


def build_bart(
    out: Path,
    *,
    d_model: int = 32,
    encoder_layers: int = 2,
    decoder_layers: int = 1,
    heads: int = 2,
    ffn: int = 64,
    max_positions: int = 128,
    bpe_vocab: int = 400,
    extra_vocab: int = 0,
    seed: int = 0,
    generation: dict | None = None,
) -> Path:
    """A BART summariser laid out like sshleifer/distilbart-cnn-12-6 (byte-level BPE with
    vocab.json and merges.txt, <s>=0 <pad>=1 </s>=2 <unk>=3 <mask> last)."""
    import torch
    from tokenizers import ByteLevelBPETokenizer
    from transformers import BartConfig, BartForConditionalGeneration, BartTokenizer

    torch.manual_seed(seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator(
        _corpus(_ENGLISH, 400, seed + 2),
        vocab_size=bpe_vocab,
        min_frequency=1,
        special_tokens=["<s>", "<pad>", "</s>", "<unk>"],
        show_progress=False,
    )
    with tempfile.TemporaryDirectory() as tmp:
        bpe.save_model(tmp)
        vocab = json.loads((Path(tmp) / "vocab.json").read_text(encoding="utf-8"))
        for i in range(extra_vocab - len(vocab) - 1):
            vocab[f"<unused{i}>"] = len(vocab)
        vocab["<mask>"] = len(vocab)
        (Path(tmp) / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
        tokenizer = BartTokenizer(
            vocab=str(Path(tmp) / "vocab.json"),
            merges=str(Path(tmp) / "merges.txt"),
            model_max_length=max_positions,
        )
        tokenizer.save_pretrained(out)
    config = BartConfig(
        vocab_size=len(vocab),
        d_model=d_model,
        encoder_layers=encoder_layers,
        decoder_layers=decoder_layers,
        encoder_attention_heads=heads,
        decoder_attention_heads=heads,
        encoder_ffn_dim=ffn,
        decoder_ffn_dim=ffn,
        max_position_embeddings=max_positions,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        decoder_start_token_id=2,
        forced_bos_token_id=0,
        forced_eos_token_id=2,
        # CTranslate2's converter reads these; distilbart-cnn-12-6 has these values.
        normalize_before=False,
        normalize_embedding=True,
        add_final_layer_norm=False,
    )
    model = BartForConditionalGeneration(config)
    if generation:
        for name, value in generation.items():
            setattr(model.generation_config, name, value)
    model.save_pretrained(out)
    log.info("tiny BART model written to %s (vocab %d)", out, len(vocab))
    return out


# Architectures the engine-swap presets use, each with the tokenizer class of its hub models.
ARCHITECTURES = ("nllb", "m2m100", "mbart50", "pegasus", "t5", "mt5")
_LANG_CODES = {"nllb": ["arb_Arab", "eng_Latn"], "m2m100": None, "mbart50": None}


def _spm_folder(folder: Path, lines: list[str], file_name: str, model_type: str, vocab_size: int,
                pad_first: bool) -> Path:
    import sentencepiece as spm

    corpus = folder / "corpus.txt"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # PEGASUS and T5 number pad 0, eos 1, unk 2; the fairseq models keep sentencepiece's
    # defaults and shift them in the tokenizer.
    ids = {"pad_id": 0, "eos_id": 1, "unk_id": 2, "bos_id": -1} if pad_first else {}
    spm.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(folder / "sp"), vocab_size=vocab_size, hard_vocab_limit=False,
        character_coverage=1.0, model_type=model_type, minloglevel=2, **ids,
    )
    (folder / "sp.model").rename(folder / file_name)
    corpus.unlink()
    (folder / "sp.vocab").unlink()
    return folder / file_name


def build_seq2seq(out: Path, arch: str, *, d_model: int = 32, layers: int = 2, heads: int = 2,
                  max_positions: int = 128, seed: int = 0) -> Path:
    """A tiny random model of one of ARCHITECTURES, its tokenizer made the way the hub's
    are (a sentencepiece model read by the transformers tokenizer class of that family)."""
    import torch
    import transformers
    from transformers import AutoTokenizer

    if arch not in ARCHITECTURES:
        raise ValueError(f"unknown architecture {arch!r}; choose one of: {', '.join(ARCHITECTURES)}")
    torch.manual_seed(seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    lines = _corpus(_ARABIC, 300, seed) + _corpus(_ENGLISH, 300, seed + 1)
    spec = {
        "nllb": ("NllbTokenizer", "sentencepiece.bpe.model", "bpe", False, "M2M100Config"),
        "m2m100": ("M2M100Tokenizer", "sentencepiece.bpe.model", "bpe", False, "M2M100Config"),
        "mbart50": ("MBart50Tokenizer", "sentencepiece.bpe.model", "bpe", False, "MBartConfig"),
        "pegasus": ("PegasusTokenizer", "spiece.model", "unigram", True, "PegasusConfig"),
        "t5": ("T5Tokenizer", "spiece.model", "unigram", True, "T5Config"),
        "mt5": ("T5Tokenizer", "spiece.model", "unigram", True, "MT5Config"),
    }[arch]
    tokenizer_class, file_name, model_type, pad_first, config_class = spec
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        spm_file = _spm_folder(folder, lines, file_name, model_type, 400, pad_first)
        tok_config: dict = {"tokenizer_class": tokenizer_class, "model_max_length": max_positions}
        if arch == "m2m100":
            import sentencepiece as spm

            sp = spm.SentencePieceProcessor(model_file=str(spm_file))
            vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
            for i in range(sp.get_piece_size()):
                vocab.setdefault(sp.id_to_piece(i), len(vocab))
            (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
            tok_config["language_codes"] = "m2m100"
        if arch == "mbart50":
            tok_config["bos_token"] = "<s>"  # as facebook/mbart-large-50's special_tokens_map
        if arch in ("pegasus", "t5", "mt5"):
            tok_config["extra_ids"] = 0
            tok_config["additional_special_tokens"] = []
        (folder / "tokenizer_config.json").write_text(json.dumps(tok_config), encoding="utf-8")
        tokenizer = AutoTokenizer.from_pretrained(folder)
        if _LANG_CODES.get(arch):
            tokenizer.add_special_tokens({"additional_special_tokens": _LANG_CODES[arch]})
        tokenizer.save_pretrained(out)
    tokenizer = AutoTokenizer.from_pretrained(out)
    vocab_size = len(tokenizer)
    if arch == "m2m100":
        # M2M100 numbers its language tokens after the vocabulary, then 8 "made-up words".
        vocab_size = len(tokenizer.encoder) + len(tokenizer.lang_token_to_id) + tokenizer.num_madeup_words
    common = dict(vocab_size=vocab_size, pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id)
    if arch == "mbart50":
        common["tokenizer_class"] = "MBart50Tokenizer"  # as facebook/mbart-large-50 states it
    config_cls = getattr(transformers, config_class)
    if arch in ("t5", "mt5"):
        config = config_cls(d_model=d_model, d_kv=d_model // heads, d_ff=d_model * 2, num_layers=layers,
                            num_decoder_layers=layers, num_heads=heads, relative_attention_num_buckets=8,
                            decoder_start_token_id=tokenizer.pad_token_id, tie_word_embeddings=arch == "t5",
                            task_specific_params={"summarization": {"prefix": "summarize: "}} if arch == "t5" else None,
                            **common)
    else:
        # CTranslate2's converter reads these from real mBART and PEGASUS checkpoints.
        norms = {"mbart50": dict(normalize_before=True, normalize_embedding=True, add_final_layer_norm=True),
                 "pegasus": dict(normalize_before=True, normalize_embedding=False, add_final_layer_norm=True)}
        common.update(norms.get(arch, {}))
        config = config_cls(d_model=d_model, encoder_layers=layers, decoder_layers=layers,
                            encoder_attention_heads=heads, decoder_attention_heads=heads, encoder_ffn_dim=d_model * 2,
                            decoder_ffn_dim=d_model * 2, max_position_embeddings=max_positions,
                            decoder_start_token_id=tokenizer.eos_token_id if arch != "pegasus" else tokenizer.pad_token_id,
                            bos_token_id=getattr(tokenizer, "bos_token_id", None), **common)
    from transformers import AutoModelForSeq2SeqLM

    AutoModelForSeq2SeqLM.from_config(config).save_pretrained(out)
    log.info("tiny %s model written to %s (vocab %d)", arch, out, len(tokenizer))
    return out


NER_LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")


def build_bert_ner(
    out: Path,
    *,
    lang: str = "ar",
    hidden: int = 32,
    layers: int = 1,
    heads: int = 2,
    max_positions: int = 128,
    vocab_size: int = 400,
    seed: int = 0,
) -> Path:
    """A BERT token classifier with CoNLL-style labels and a fast WordPiece tokenizer, laid
    out like the hub NER models (dslim/bert-base-NER, CAMeL-Lab's Arabic NER)."""
    import torch
    from tokenizers import BertWordPieceTokenizer
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    torch.manual_seed(seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    # Arabic diacritics are meaningful: no accent stripping, no lower-casing.
    wordpiece = BertWordPieceTokenizer(lowercase=False, strip_accents=False)
    wordpiece.train_from_iterator(
        _corpus(_ARABIC if lang == "ar" else _ENGLISH, 300, seed + 3),
        vocab_size=vocab_size,
        special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"],
        show_progress=False,
    )
    with tempfile.TemporaryDirectory() as tmp:
        wordpiece.save_model(tmp)
        tokenizer = BertTokenizer(
            vocab_file=str(Path(tmp) / "vocab.txt"),
            do_lower_case=False,
            strip_accents=False,
            model_max_length=max_positions,
        )
        tokenizer.save_pretrained(out)
    config = BertConfig(
        vocab_size=tokenizer.vocab_size,
        hidden_size=hidden,
        num_hidden_layers=layers,
        num_attention_heads=heads,
        intermediate_size=hidden * 2,
        max_position_embeddings=max_positions,
        id2label=dict(enumerate(NER_LABELS)),
        label2id={label: i for i, label in enumerate(NER_LABELS)},
    )
    BertForTokenClassification(config).save_pretrained(out)
    log.info("tiny BERT NER model (%s) written to %s", lang, out)
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m tarjama.tiny_models OUT_DIR", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    root = Path(args[0])
    build_marian(root / "marian")
    build_bart(root / "bart")
    build_bert_ner(root / "ner-ar", lang="ar")
    build_bert_ner(root / "ner-en", lang="en")
    print(
        f"translate.model = {root / 'marian'}\nsummarise.model = {root / 'bart'}\n"
        f"facts.ar_model = {root / 'ner-ar'}\nfacts.en_model = {root / 'ner-en'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
