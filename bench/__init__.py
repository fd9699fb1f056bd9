"""Benchmarks (`make bench`): each stage measured beside its baseline in the same process."""
