"""The probe set parses, is labelled in the corpus scheme, stays out of training, and
`python -m scripts.eval_probe` runs."""

from __future__ import annotations

import csv
import re

from app.core.mail.rfc822 import parse_eml
from scripts.eval_probe import LANGS, PROBE, load_probe, main, outcomes, report
from scripts.intro_data import load_rows

LABELS = PROBE / "labels.csv"


def _labels() -> list[dict[str, str]]:
    with LABELS.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_label_has_its_file_and_every_file_a_label() -> None:
    """One labelled row per .eml, in the language folder its id names."""
    ids = {rec["id"] for rec in _labels()}
    files = {path.stem for lang in LANGS for path in (PROBE / lang).glob("*.eml")}
    assert ids == files
    assert len(load_probe()) == len(ids)


def test_labels_follow_the_corpus_scheme() -> None:
    """Positives name an introducer, two or more people and the user; each language has
    introductions and hard negatives."""
    rows = _labels()
    assert set(rows[0]) >= {"id", "label", "introducer", "introducee_names", "user", "lang"}
    for rec in rows:
        assert rec["label"] in ("positive", "negative"), rec["id"]
        assert rec["id"].startswith(f"probe-{rec['lang']}-"), rec["id"]
        if rec["label"] == "positive":
            names = [n for n in rec["introducee_names"].split(";") if n.strip()]
            assert rec["introducer"], rec["id"]
            assert len(names) >= 2, rec["id"]
            assert "subtype=" in rec["notes"], rec["id"]
        assert "@" in rec["user"], rec["id"]
    for lang in LANGS:
        labels = [r["label"] for r in rows if r["lang"] == lang]
        assert labels.count("positive") >= 8, lang
        assert labels.count("negative") >= 6, lang


def test_probe_files_are_real_messages() -> None:
    """Real headers (display names, Subject, Date, Message-ID) and a parsed body; the
    user's address is among the headers' recipients."""
    for row in load_probe():
        head = row.raw.split(b"\n\n", 1)[0].decode("utf-8")
        for name in ("From", "To", "Subject", "Date", "Message-ID"):
            assert re.search(rf"^{name}: \S", head, re.M), (row.id, name)
        email = parse_eml(row.raw)
        assert email.sender.name, row.id
        assert email.sender.email, row.id
        assert email.new_text.strip(), row.id
        recipients = {a.email.lower() for a in (*email.to, *email.cc)}
        assert row.user.lower() in recipients, row.id


def test_probe_is_not_training_data() -> None:
    """The trainers read the shared corpus only: no probe id among their rows."""
    assert not any(row.id.startswith("probe-") for row in load_rows())


def test_eval_probe_reports_every_language(capsys) -> None:  # type: ignore[no-untyped-def]
    """The script prints one line per language and batch (batch 1: 10 introductions and 8
    others each; batch 2: 5 and 3) and the pooled lines, with the misses when asked."""
    rows = load_probe()
    some = [r for r in rows if r.id.endswith(("-001", "-011"))]  # one intro, one negative
    lines = report(outcomes(some), with_misses=True)
    per_language = [t for t in lines if re.match(r"\s*probe [a-z]{2}\s", t)]
    assert len(per_language) == len(LANGS)
    assert all(" 1 intros " in t and "recall" in t for t in per_language)
    assert "probe batch 1, pooled" in "\n".join(lines)
    assert main(["--misses"]) == 0
    printed = capsys.readouterr().out
    for lang in LANGS:
        assert re.search(rf"probe {lang}\s+10 intros\s+8 others\s+precision", printed), lang
        assert re.search(rf"probe {lang}\s+5 intros\s+3 others\s+precision", printed), lang


def test_batch_three_is_reported_on_its_own(capsys) -> None:  # type: ignore[no-untyped-def]
    """Batch 3 (notes `batch=3`: real-mail shapes, mostly English) has its own lines, and
    `probe_errors` lists its errors with the signals behind them."""
    from scripts.eval_probe import batch
    from scripts.probe_errors import main as errors_main

    rows = [r for r in load_probe() if batch(r) == 3]
    assert sum(r.positive for r in rows) >= 70
    assert sum(not r.positive for r in rows) >= 50
    assert {r.lang for r in rows} == set(LANGS)
    lines = report(outcomes(rows[:2]))
    assert any("probe batch 3, pooled" in t for t in lines)
    assert errors_main(["--batch", "3"]) == 0
    printed = capsys.readouterr().out
    assert all(
        t.split()[0] in ("MISS", "FALSE", "ROLE") for t in printed.splitlines() if t[:1] != " "
    )
