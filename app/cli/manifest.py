"""The `manifest` command: print the add-on deployment descriptor (a contract).

`python -m app manifest --base-url URL [--profile default|draft-read]` prints the JSON
that `gcloud workspace-add-ons deployments create` takes.
"""

from __future__ import annotations

import argparse
import json
import sys
from urllib.parse import urlparse

from app.addon.manifest import descriptor

EPILOG = """\
exit status:
  0  the descriptor was printed
  2  usage error: an unknown option or profile, no --base-url, or one that is not https://
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `manifest` command."""
    parser = subparsers.add_parser(
        "manifest",
        help="print the add-on deployment descriptor",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--base-url", required=True, help="public HTTPS URL of the service")
    parser.add_argument("--profile", choices=("default", "draft-read"), default="default")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    parsed = urlparse(args.base_url)
    if parsed.scheme != "https" or not parsed.netloc:
        sys.stderr.write("--base-url must be an https:// URL (Google calls add-ons over HTTPS)\n")
        return 2
    sys.stdout.write(json.dumps(descriptor(args.base_url, args.profile), indent=2) + "\n")
    return 0
