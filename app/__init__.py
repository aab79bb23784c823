"""Intro Coach: coaches the first reply to an email introduction."""
