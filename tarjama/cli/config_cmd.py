"""`tarjama config show|presets`: the config as the job would read it, or the presets shipped."""

from __future__ import annotations

import argparse
import sys

from tarjama.cli.common import EXIT_OK, overrides


def command(args: argparse.Namespace) -> int:
    from tarjama import config

    if args.action == "presets":
        width = max(len(name) for name in config.preset_names())
        for name in config.preset_names():
            sys.stdout.write(f"{name:<{width}}  {config.preset_description(name)}\n")
        return EXIT_OK
    cfg, origin_of = config.load_with_origins(args.config, overrides(args), presets=args.presets)
    sys.stdout.write(config.to_toml(cfg, origin_of if args.origin else None))
    return EXIT_OK
