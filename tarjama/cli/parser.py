"""The command line's grammar: every command, its arguments and their help. Building it
imports nothing heavy, so `tarjama --help` stays instant."""

from __future__ import annotations

import argparse
from pathlib import Path


def _verbosity_args(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    # On the top parser and on every subcommand, so `tarjama -q run ...` and
    # `tarjama run ... -q` both work. SUPPRESS keeps a subcommand from resetting a flag
    # given before it.
    default = False if top else argparse.SUPPRESS
    parser.add_argument("-v", "--verbose", action="store_true", default=default, help="log more detail")
    parser.add_argument("-q", "--quiet", action="store_true", default=default,
                        help="only warnings and errors; no progress display")


def _config_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--preset", action="append", default=[], metavar="NAME", dest="presets",
        help="a preset shipped with tarjama, layered over the defaults before any -c file "
             "(repeatable; `tarjama config presets` lists them)",
    )
    parser.add_argument(
        "-c", "--config", action="append", default=[], metavar="CONFIG",
        help="TOML file layered over the defaults; repeat to layer several",
    )
    parser.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE", dest="overrides",
        help="override one key, e.g. --set translate.model=/models/opus-mt-ar-en",
    )
    parser.add_argument(
        "--device", metavar="DEVICE",
        help="run every model on this device: auto, cpu, cuda, cuda:N (the N-th GPU), mps; "
             "same as setting translate.device, summarise.device and facts.device",
    )


def build_parser() -> argparse.ArgumentParser:
    from tarjama import __version__

    parser = argparse.ArgumentParser(
        prog="tarjama",
        description="Arabic news articles in; English translations side by side, summaries and a manifest out.",
    )
    parser.add_argument("--version", action="version", version=f"tarjama {__version__}")
    _verbosity_args(parser, top=True)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="translate and summarise articles into an output folder")
    run.add_argument("inputs", nargs="+", metavar="INPUT", help="article files or folders")
    run.add_argument("-o", "--out", required=True, type=Path, help="output folder")
    run.add_argument("--fresh", action="store_true", help="forget earlier runs into OUT and redo everything")
    run.add_argument("--json", action="store_true", dest="as_json",
                     help="print the run's status, counts, failures and output paths as JSON on stdout")
    _config_args(run)

    config = sub.add_parser("config", help="show the resolved configuration")
    config_sub = config.add_subparsers(dest="action", required=True, metavar="ACTION")
    show = config_sub.add_parser("show", help="print the configuration after layering, as TOML")
    show.add_argument("--origin", action="store_true", help="end each key with the layer that set it")
    _config_args(show)
    config_sub.add_parser("presets", help="list the presets shipped with tarjama")

    facts = sub.add_parser("facts", help="print the key facts (dates, numbers) of a text as JSON")
    facts.add_argument("file", metavar="FILE", help="a text file, or - for standard input")
    facts.add_argument("--lang", choices=("ar", "en"), help="language of the text (default: detected)")
    facts.add_argument("--published", metavar="YYYY-MM-DD",
                       help="publication date, so relative dates (أمس, yesterday) can be resolved")
    _config_args(facts)

    review = sub.add_parser("review", help="serve the review page over an output folder")
    review.add_argument("out", type=Path, metavar="OUT", help="output folder of a run")
    review.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    review.add_argument("--port", type=int, default=8765)
    review.add_argument("--allow-host", action="append", default=[], metavar="NAME", dest="allow_hosts",
                        help="another host name browsers use to reach this server (repeatable); loopback "
                             "names and the bound address are always allowed")
    review.add_argument("--reviewer", help="name recorded with edits and decisions from browsers that have not given "
                                           "their own (default: review.reviewer, $TARJAMA_REVIEWER, the login name; "
                                           "beyond loopback, each browser is asked)")
    review.add_argument("--token", help="access token required of every browser (default when bound beyond "
                                        "loopback: a random one, printed in the link to open)")
    _config_args(review)

    export = sub.add_parser("export", help="write the reviewed digests")
    export.add_argument("out", type=Path, metavar="OUT", help="output folder of a run")
    export.add_argument("--status", default="approved", help="approved (default), rejected, edited, stale, "
                                                              "'to review', or all")
    export.add_argument("--format", choices=("jsonl", "md", "csv"), default="jsonl")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")

    ev = sub.add_parser(
        "eval", help="measure translation, summary and fact quality; compare configs side by side",
        description="tarjama eval --source SRC --reference REF -o DIR [--compare PRESET_OR_FILE]...  |  "
                    "tarjama eval OUT [--reference refs.jsonl]  |  tarjama eval facts --gold DIR FILE...",
    )
    ev.add_argument("target", nargs="?", metavar="OUT",
                    help="a finished output folder to score: its summaries' support, and with references the "
                         "translations and summaries")
    ev.add_argument("--source", type=Path, help="Arabic sentences, one per line")
    ev.add_argument("--reference", type=Path,
                    help="with --source: English references, line-aligned; with OUT: JSONL of {id, translation, summary}")
    ev.add_argument("--summary-reference", type=Path, help="with OUT: JSONL of {id, summary}, scored with ROUGE")
    ev.add_argument("--compare", action="append", default=[], metavar="CONFIG_OR_PRESET",
                    help="another row: a config file or preset layered on the base (repeatable)")
    ev.add_argument("-o", "--out", type=Path, dest="eval_out", help="with --source: folder for each row's hypotheses")
    ev.add_argument("--comet", metavar="MODEL", help="also score with this COMET model (needs unbabel-comet)")
    ev.add_argument("--json", action="store_true", dest="as_json", help="print the results as JSON")
    _config_args(ev)

    chk = sub.add_parser("check", help="check existing translations and summaries: numbers, dates, summary support "
                                       "(no model)",
                         description="Checks line-aligned --source/--translation files (with --summary, the "
                                     "translation's lines are the sentences of the article it summarises), or --jsonl "
                                     "records with \"ar\" and \"en\", or \"en\" (text or list of sentences) and "
                                     "\"summary\"; prints one JSON object per record as it is read; exit 1 if any is "
                                     "flagged.")
    chk.add_argument("--source", metavar="AR.txt", help="Arabic, one sentence or paragraph per line (- for stdin)")
    chk.add_argument("--translation", metavar="EN.txt", help="English, line-aligned with --source")
    chk.add_argument("--summary", metavar="SUMMARY.txt",
                     help="a summary of the --translation (its lines the article's sentences): prints its support")
    chk.add_argument("--jsonl", metavar="FILE", help="JSON Lines of {\"ar\", \"en\"} or {\"en\", \"summary\"[, \"ar\"]} "
                                                     "(- for stdin)")
    chk.add_argument("--published", metavar="YYYY-MM-DD", help="resolves relative dates (أمس, yesterday)")

    # `tarjama eval facts ...` (main() turns it into this command: argparse cannot have both
    # an optional OUT and a subcommand in one place).
    ev_facts = sub.add_parser("eval-facts", help="score `tarjama facts` against gold files (as: eval facts)",
                              usage="tarjama eval facts --gold DIR FILE... [--json] [-v]")
    ev_facts.add_argument("files", nargs="+", metavar="FILE", help="input files, read as `tarjama facts` reads them")
    ev_facts.add_argument("--gold", type=Path, required=True,
                          help="folder of gold facts files, one <input stem>.json each, in the facts format")
    ev_facts.add_argument("--json", action="store_true", dest="as_json", help="print the results as JSON")
    _config_args(ev_facts)

    models = sub.add_parser("models", help="fetch or check the configured models")
    models_sub = models.add_subparsers(dest="action", required=True, metavar="ACTION")
    for name, text in (
        ("pull", "download the configured models into the Hugging Face cache (needs network)"),
        ("check", "say whether each configured model loads without network"),
        ("convert", "convert the models of ctranslate2 stages ahead of the job (into the cache)"),
    ):
        action = models_sub.add_parser(name, help=text)
        _config_args(action)
        if name == "check":
            action.add_argument("--json", action="store_true", dest="as_json", help="print the results as JSON")
    for command in (run, config, facts, review, export, ev, ev_facts, chk, models, *models_sub.choices.values(),
                    *config_sub.choices.values()):
        _verbosity_args(command)
    return parser


def eval_facts_argv(argv: list[str]) -> list[str]:
    """`eval facts ...` -> `eval-facts ...`."""
    words = [i for i, a in enumerate(argv) if not a.startswith("-")]
    if len(words) >= 2 and argv[words[0]] == "eval" and argv[words[1]] == "facts" and words[1] == words[0] + 1:
        return argv[:words[0]] + ["eval-facts"] + argv[words[1] + 1:]
    return argv
