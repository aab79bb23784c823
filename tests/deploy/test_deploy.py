"""deploy/: the image's instructions, its install and start commands (run for real), Cloud Run.

No container engine runs here, so the Dockerfile is read, and its two commands are run
as the image runs them: `uv sync --frozen --no-dev` into a fresh environment, and
`deploy/start.sh` on a loopback port, answering `/healthz`, from a tree holding only
what the Dockerfile copies (so without the dev kit, `devkit/`).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from string import Template
from typing import Any

import httpx
import pytest
import yaml

from app.addon.scopes import DRAFT_READ_SCOPES
from app.settings import Settings

ROOT = Path(__file__).parents[2]
DEPLOY = ROOT / "deploy"
PLACEHOLDERS = {
    "PROJECT_ID": "intro-proj",
    "REGION": "europe-west1",
    "IMAGE_TAG": "abc123",
    "CLOUDSQL_INSTANCE": "intro-proj:europe-west1:intro-coach",
    "SERVICE_URL": "https://intro-coach-123456789012.europe-west1.run.app",
    "ADDON_SERVICE_ACCOUNT": "service-123456789012@gcp-sa-gsuiteaddons.iam.gserviceaccount.com",
    "OAUTH_CLIENT_ID": "108736251789000123456",
}


def _instructions() -> list[tuple[str, str]]:
    """The Dockerfile as (INSTRUCTION, arguments), continuation lines joined."""
    text = (DEPLOY / "Dockerfile").read_text().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines()]
    pairs = [line.split(None, 1) for line in lines if line and not line.startswith("#")]
    return [(pair[0].upper(), pair[1] if len(pair) > 1 else "") for pair in pairs]


def _final_stage() -> list[tuple[str, str]]:
    steps = _instructions()
    last_from = max(i for i, (op, _) in enumerate(steps) if op == "FROM")
    return steps[last_from:]


def test_image_is_python_311_slim() -> None:
    """Every stage builds on python:3.11-slim."""
    bases = [args.split()[0] for op, args in _instructions() if op == "FROM"]
    assert bases
    assert set(bases) == {"python:3.11-slim"}


def test_image_runs_as_non_root() -> None:
    """The final stage switches to a non-root user before its command."""
    users = [args.split(":")[0] for op, args in _final_stage() if op == "USER"]
    assert users
    assert users[-1] not in ("root", "0")
    ops = [op for op, _ in _final_stage()]
    assert ops.index("USER") < ops.index("CMD")


def test_image_installs_from_the_lock_without_dev_tools() -> None:
    """Dependencies come from the committed lock, without the dev group."""
    runs = [args for op, args in _instructions() if op == "RUN"]
    assert any("uv sync --frozen --no-dev" in run for run in runs)


def test_image_compiles_our_modules_at_build() -> None:
    """app/ is byte-compiled in the image, after it is copied: no start compiles it again."""
    stage = _final_stage()
    ops = list(stage)
    copied = ops.index(("COPY", "app ./app"))
    compiled = [i for i, (op, args) in enumerate(ops) if op == "RUN" and "compileall" in args]
    assert compiled
    assert compiled[0] > copied
    assert "app" in ops[compiled[0]][1].split()


def test_image_has_a_healthcheck_on_healthz() -> None:
    """A HEALTHCHECK calls /healthz on the serving port."""
    checks = [args for op, args in _final_stage() if op == "HEALTHCHECK"]
    assert len(checks) == 1
    assert "/healthz" in checks[0]
    assert "PORT" in checks[0]


def test_image_command_is_start_sh() -> None:
    """The image starts with deploy/start.sh, the file the start test below runs."""
    stage = _final_stage()
    assert ("COPY", "deploy/start.sh ./deploy/start.sh") in stage
    (command,) = [args for op, args in stage if op == "CMD"]
    assert command == '["/app/deploy/start.sh"]'
    assert not [op for op, _ in stage if op == "ENTRYPOINT"]


def _copied_sources() -> list[tuple[str, str]]:
    """(source, destination) of each COPY from the build context, in every stage."""
    copies = [args.split() for op, args in _instructions() if op in ("COPY", "ADD")]
    return [
        (source, words[-1])
        for words in copies
        if not any(word.startswith("--from") for word in words)
        for source in words[:-1]
        if not source.startswith("--")
    ]


def test_image_copies_only_the_service() -> None:
    """The image takes the lock, app/ and start.sh from the repository: no devkit/ or tests."""
    assert not [op for op, _ in _instructions() if op == "ADD"]
    assert {source for source, _ in _copied_sources()} == {
        "pyproject.toml",
        "uv.lock",
        "app",
        "deploy/start.sh",
    }


def test_build_context_leaves_out_the_dev_kit() -> None:
    """The dockerignore keeps devkit/, tests/ and scripts/ out of the build context too."""
    lines = (DEPLOY / "Dockerfile.dockerignore").read_text().splitlines()
    assert {"devkit", "tests", "scripts"} <= {line.strip() for line in lines}


def test_start_sh_runs_uvicorn_on_app_main() -> None:
    """start.sh serves app.main:app on 0.0.0.0:$PORT with workers and timeouts from env."""
    script = DEPLOY / "start.sh"
    assert os.access(script, os.X_OK)
    words = shlex.split(script.read_text().split("exec ", 1)[1].replace("\\\n", " "))
    assert words[:4] == ["python", "-m", "uvicorn", "app.main:app"]
    options = dict(zip(words[4::2], words[5::2], strict=False))
    assert options["--host"] == "${LISTEN_ADDRESS:-0.0.0.0}"
    assert options["--port"] == "${PORT:-8080}"
    assert options["--workers"] == "${WEB_CONCURRENCY:-1}"
    assert "--timeout-keep-alive" in options


def _service() -> dict[str, Any]:
    text = Template((DEPLOY / "cloudrun.yaml").read_text()).safe_substitute(PLACEHOLDERS)
    assert "${" not in text.split("\n", 5)[-1], "a placeholder the tests don't know"
    parsed = yaml.safe_load(text)
    assert isinstance(parsed, dict)
    return parsed


def _container() -> dict[str, Any]:
    (container,) = _service()["spec"]["template"]["spec"]["containers"]
    return dict(container)


def test_cloudrun_service_shape() -> None:
    """A Knative Service with concurrency, min/max instances, limits and timeouts."""
    service = _service()
    assert (service["apiVersion"], service["kind"]) == ("serving.knative.dev/v1", "Service")
    template = service["spec"]["template"]
    annotations = template["metadata"]["annotations"]
    low = int(annotations["autoscaling.knative.dev/minScale"])
    high = int(annotations["autoscaling.knative.dev/maxScale"])
    assert 0 <= low <= high
    assert isinstance(template["spec"]["containerConcurrency"], int)
    assert 0 < template["spec"]["timeoutSeconds"] <= 60
    assert set(_container()["resources"]["limits"]) == {"cpu", "memory"}


def test_cloudrun_probes_hit_healthz() -> None:
    """Startup and liveness probes call /healthz on the container port."""
    container = _container()
    port = container["ports"][0]["containerPort"]
    for probe in ("startupProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": "/healthz", "port": port}


def test_cloudrun_secrets_come_from_secret_manager() -> None:
    """The hash key and the database URL are Secret Manager references, not values."""
    env = {item["name"]: item for item in _container()["env"]}
    refs = {
        name: item["valueFrom"]["secretKeyRef"]["name"]
        for name, item in env.items()
        if "valueFrom" in item
    }
    assert refs == {"INTRO_HASH_KEY": "intro-hash-key", "INTRO_DATABASE_URL": "intro-database-url"}


def test_cloudrun_env_names_real_settings_as_strings() -> None:
    """Every INTRO_* variable is a real setting, and every plain value stays a string."""
    env = _container()["env"]
    fields = {f"INTRO_{name.upper()}" for name in Settings.model_fields}
    assert {item["name"] for item in env if item["name"].startswith("INTRO_")} <= fields
    assert all(isinstance(item["value"], str) for item in env if "value" in item)


def test_readme_walks_through_the_deployment() -> None:
    """The README covers get-authorization, the manifest, create/install and every scope."""
    readme = (DEPLOY / "README.md").read_text()
    for step in (
        "gcloud workspace-add-ons get-authorization",
        "python -m app manifest --base-url",
        "gcloud workspace-add-ons deployments create",
        "gcloud workspace-add-ons deployments install",
        "gcloud run services replace",
        *DRAFT_READ_SCOPES,
    ):
        assert step in readme, step
    envsubst = re.search(r"envsubst '([^']+)'", readme)
    assert envsubst is not None
    assert set(envsubst.group(1).replace("$", "").split()) == set(PLACEHOLDERS)


@pytest.fixture(scope="module")
def image_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh environment made by the image's install command: no dev tools in it."""
    env = tmp_path_factory.mktemp("image") / "venv"
    uv = Path(sys.executable).with_name("uv")
    subprocess.run(
        [str(uv), "sync", "--frozen", "--no-dev", "--python", sys.executable, "--quiet"],
        cwd=ROOT,
        env={**os.environ, "UV_PROJECT_ENVIRONMENT": str(env)},
        check=True,
        timeout=600,
    )
    return env


@pytest.fixture(scope="module")
def image_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The image's /app: what the final stage copies from the repository, and nothing else."""
    tree = tmp_path_factory.mktemp("image") / "app"
    workdir = [args for op, args in _final_stage() if op == "WORKDIR"][-1]
    assert workdir == "/app"
    final = {source for op, args in _final_stage() if op == "COPY" for source in args.split()}
    for source, destination in _copied_sources():
        if source not in final:
            continue  # the build stage's lock files
        target = tree / destination
        if (ROOT / source).is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
            shutil.copytree(ROOT / source, target, ignore=ignore)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / source, target)
    return tree


def test_image_tree_holds_no_dev_kit(image_tree: Path) -> None:
    """The image's tree is app/ and deploy/start.sh: no demo, emulator or local signer."""
    assert sorted(p.name for p in image_tree.iterdir()) == ["app", "deploy"]
    assert not list(image_tree.rglob("devkit"))
    assert not list(image_tree.rglob("*.eml"))  # the demo mailbox
    assert not list(image_tree.rglob("simulator.js"))


@pytest.mark.slow
def test_install_command_gives_a_runnable_app(image_env: Path, image_tree: Path) -> None:
    """In the image's environment and tree the app builds; pytest and devkit are absent."""
    python = str(image_env / "bin" / "python")
    probe = (
        "import app.main, importlib.util as u; app.main.create_app(); "
        "print(u.find_spec('pytest') is None, u.find_spec('devkit') is None)"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith("INTRO_")}
    env["INTRO_DATABASE_URL"] = "memory://"
    done = subprocess.run(
        [python, "-c", probe], cwd=image_tree, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True True"


@pytest.mark.slow
def test_image_serves_the_compiled_catalogues(image_env: Path, image_tree: Path) -> None:
    """The committed .mo files reach the image and load with the runtime environment alone
    (Babel, no dev tools, no build step): a German card text comes out German."""
    assert sorted(p.parent.parent.name for p in image_tree.rglob("messages.mo")) == [
        "de", "es", "fr", "it", "nl", "pt"
    ]  # fmt: skip
    python = str(image_env / "bin" / "python")
    probe = (
        "from app.cards.i18n import _, negotiate, using\n"
        "with using(negotiate('de-AT')):\n    print(_('Reply to both'))"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith("INTRO_")}
    done = subprocess.run(
        [python, "-c", probe], cwd=image_tree, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Beiden antworten"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def started(
    image_env: Path, image_tree: Path, tmp_path: Path
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """The image tree's deploy/start.sh in the image's environment on a free loopback port."""
    port = _free_port()
    env = {
        "PATH": f"{image_env / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        "PORT": str(port),
        "LISTEN_ADDRESS": "127.0.0.1",
        "INTRO_DATABASE_URL": f"sqlite:///{tmp_path}/var/intro.sqlite3",
    }
    with (tmp_path / "server.log").open("wb") as log:
        server = subprocess.Popen(
            [str(image_tree / "deploy" / "start.sh")],
            env=env,
            cwd=tmp_path,
            stdout=log,
            stderr=log,
        )
        try:
            yield server, f"http://127.0.0.1:{port}"
        finally:
            if server.poll() is None:
                server.kill()
                server.wait(timeout=10)


@pytest.mark.slow
def test_start_command_serves_healthz(
    started: tuple[subprocess.Popen[bytes], str], tmp_path: Path
) -> None:
    """The image's start command answers /healthz, then shuts down gracefully on SIGTERM."""
    server, url = started
    deadline = time.monotonic() + 60
    while True:
        assert server.poll() is None, "start.sh exited"
        try:
            answer = httpx.get(f"{url}/healthz", timeout=2)
            break
        except httpx.TransportError:
            assert time.monotonic() < deadline, "no answer on /healthz within 60 s"
            time.sleep(0.2)
    assert (answer.status_code, answer.json()) == (200, {"status": "ok"})
    assert "server" not in answer.headers
    server.send_signal(signal.SIGTERM)
    # uvicorn finishes its shutdown, then re-raises SIGTERM so the exit status tells why.
    assert server.wait(timeout=20) in (0, -signal.SIGTERM)
    assert "Application shutdown complete" in (tmp_path / "server.log").read_text()
