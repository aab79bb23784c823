"""Tests of app.cli: one module per command, the mail-file reader, the program."""
