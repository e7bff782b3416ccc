"""Fakes at the boundaries the drivers take as collaborators."""


class FakeClock:
    """Time that moves only when a test says so (`advance`), or by `step` at every reading, for code that
    waits on a deadline."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.step = 0.0

    def __call__(self) -> float:
        self.now += self.step
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
