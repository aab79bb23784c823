"""Local demo mode (`INTRO_DEMO=1`): a demo mailbox, a local signer and the sidebar simulator.

`install_demo(app, settings)` swaps the settings and adds routes; it refuses
(`DemoRefused`) to run anywhere but on loopback.
"""

from devkit.demo.config import DemoRefused, demo_base_url, demo_settings, is_loopback
from devkit.demo.install import install_demo
from devkit.demo.mailbox import BadEml, DemoMailbox, check_eml

__all__ = [
    "BadEml",
    "DemoMailbox",
    "DemoRefused",
    "check_eml",
    "demo_base_url",
    "demo_settings",
    "install_demo",
    "is_loopback",
]
