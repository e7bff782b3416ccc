"""Benchmarks; each runs as `python -m bench.NAME --json` and prints one JSON object."""
