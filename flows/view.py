"""What the screen shows of a session: one frozen View after every engine call.

The adapter maps `step_type` to a QML component (one per step type) and binds the rest: `title` and
`prompt` are translation ids (the prompt is also spoken), `display` holds what the step shows (options,
masked summary rows, the amount, the door number ...; translation ids for labels), `error` a flow code to
show as `error.<code>`, `index`/`total` the step indicator, `can_back` whether Back is offered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from flows.definition import frozen_map


@dataclass(frozen=True)
class View:
    session_id: str
    service_id: str
    step_id: str                 # "" once the session has ended
    step_type: str               # the screen to show
    title: str
    prompt: str
    index: int                   # "step index of total"; 0 when there is nothing to count
    total: int
    can_back: bool
    busy: bool                   # an action runs (or must be run): show progress, take no input
    waiting: bool                # the step waits for the citizen: submit(), back(), cancel(), timeout()
    timeout_s: float             # for the adapter's timer while waiting
    attempt: int                 # failures of this step so far
    visit: int                   # grows each time a step is entered (also when the same step is re-entered)
    error: str | None = None
    display: Mapping[str, Any] = field(default_factory=frozen_map)
    finished: bool = False
    outcome: str | None = None   # once finished: done, failed, cancelled, timeout
