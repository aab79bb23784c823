#!/bin/sh
# The container's start command: deploy/Dockerfile runs this file, and
# tests/deploy/test_deploy.py runs it too, so the image's start is tested in CI.
#
# Serves app.main:app with uvicorn. Cloud Run sets PORT; the rest has defaults:
#   LISTEN_ADDRESS     0.0.0.0   (tests use 127.0.0.1)
#   WEB_CONCURRENCY    1         worker processes: about one per vCPU
#   KEEP_ALIVE_SECONDS 65        idle keep-alive, longer than the front end's so it closes first
#   SHUTDOWN_SECONDS   8         graceful stop, within Cloud Run's 10 s after SIGTERM
# No access log: Cloud Run logs every request already, and our logs carry no paths' data.
set -eu
cd "$(dirname "$0")/.."
exec python -m uvicorn app.main:app \
    --host "${LISTEN_ADDRESS:-0.0.0.0}" \
    --port "${PORT:-8080}" \
    --workers "${WEB_CONCURRENCY:-1}" \
    --timeout-keep-alive "${KEEP_ALIVE_SECONDS:-65}" \
    --timeout-graceful-shutdown "${SHUTDOWN_SECONDS:-8}" \
    --no-access-log \
    --no-server-header
