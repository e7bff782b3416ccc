"""Fuzzing: every parser of outside bytes as a target (targets.py), run by hypothesis in CI (tests/fuzz)
and by atheris by hand (run.py). See fuzz/README.md."""
