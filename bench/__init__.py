"""Benchmark harness for newsclean: python -m bench.run (see bench/run.py)."""
