"""Local demo mode (`INTRO_DEMO=1`): a demo mailbox, a local signer and the sidebar simulator.

`install_demo(app, settings)` swaps the settings and adds routes; it refuses
(`DemoRefused`) to run anywhere but on loopback.
"""

from devkit.demo.config import DemoRefused
from devkit.demo.install import install_demo

__all__ = ["DemoRefused", "install_demo"]
