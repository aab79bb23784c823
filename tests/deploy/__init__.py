"""Tests of deploy/: the container image, its start command and the Cloud Run service."""
