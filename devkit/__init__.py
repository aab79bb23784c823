"""The dev kit: what only the local demo and the tests need, never the production service.

`devkit.demo` (the demo mailbox, the sidebar simulator and its static files),
`devkit.emulator` (a Gmail REST emulator on loopback) and `devkit.signing` (a local
signer of Google-like ID tokens). `app/` imports it in one place, `app.main.create_app`,
and only when `INTRO_DEMO=1`; the container image does not ship it
(`tests/test_architecture.py` and `tests/deploy/` check both).
"""
