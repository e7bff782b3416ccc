"""A wrong definition is refused with every problem named by file, line and step."""

import pytest

from flows.loader import load_definition
from flows.problems import DefinitionError

GOOD = '''id = "sample"
title = "service.queue_ticket"
prompt = "prompt.service.queue_ticket"
department = "general"
icon = "ticket"
fee_fen = 0
needs_network = false

[steps.matter]
type = "choice"
title = "queue.matter.title"
prompt = "queue.matter.prompt"
params = { key = "matter", options = ["apply", "collect"] }
on = { ok = "take" }

[steps.take]
type = "take_ticket"
completes = true
on = { ok = "@end", failed = "take_failed" }

[steps.take_failed]
type = "notice"
params = { message = "notice.queue_failed", ways = ["retry", "finish"] }
on = { retry = "take", finish = "@end" }

[demo.happy]
description = "x"
expect = "done"
inputs = [
  { step = "matter", outcome = "apply" },
]
'''


def problems(tmp_path, text, name="sample.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        load_definition(path)
    return caught.value.problems, str(caught.value), path


def line_of(text, fragment):
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_the_sample_itself_is_good(tmp_path):
    path = tmp_path / "sample.toml"
    path.write_text(GOOD, encoding="utf-8")
    definition = load_definition(path)
    assert [s.id for s in definition.steps] == ["matter", "take", "take_failed"]
    assert definition.step("take").timeout_s == 30.0  # the step type's default


def test_unknown_step_type(tmp_path):
    text = GOOD.replace('type = "take_ticket"', 'type = "take_tiket"')
    found, message, path = problems(tmp_path, text)
    assert len(found) == 1
    assert found[0].line == line_of(text, "take_tiket") and found[0].step == "take"
    assert f"{path}:{found[0].line}: step 'take': unknown step type 'take_tiket'" in message


def test_transition_to_a_missing_step(tmp_path):
    text = GOOD.replace('on = { ok = "take" }', 'on = { ok = "takes" }')
    found, _message, _ = problems(tmp_path, text)
    assert any(p.step == "matter" and "missing step 'takes'" in p.message for p in found)
    assert any("unreachable" in p.message and p.step == "take" for p in found)


def test_unreachable_step(tmp_path):
    text = GOOD + '\n[steps.lonely]\ntype = "rating"\nparams = { reasons = ["fast"] }\non = { ok = "@end" }\n'
    found, message, _ = problems(tmp_path, text)
    assert [(p.step, p.line) for p in found] == [("lonely", line_of(text, "[steps.lonely]"))]
    assert "unreachable" in message


def test_missing_translation(tmp_path):
    text = GOOD.replace('title = "queue.matter.title"', 'title = "queue.matter.no_such_text"')
    found, message, _ = problems(tmp_path, text)
    assert [(p.step, p.line) for p in found] == [("matter", line_of(text, "no_such_text"))]
    assert "no translation for title 'queue.matter.no_such_text'" in message


def test_missing_translation_of_a_choice_option(tmp_path):
    text = GOOD.replace('"apply", "collect"', '"apply", "dance"')
    found, message, _ = problems(tmp_path, text)
    assert "'choice.matter.dance'" in message and found[0].step == "matter"


@pytest.mark.parametrize(("change", "expected"), [
    (('params = { key = "matter", options = ["apply", "collect"] }', 'params = { key = 7, options = ["apply"] }'),
     "parameter key must be a text, not 7"),
    (('params = { key = "matter", options = ["apply", "collect"] }',
      'params = { key = "matter", options = ["apply"], colour = "red" }'), "has no parameter 'colour'"),
    (('params = { key = "matter", options = ["apply", "collect"] }', 'params = { options = ["apply"] }'),
     "missing parameter 'key'"),
    (('completes = true', 'completes = true\nparams = { x = 1 }'), "a take_ticket step has no parameter 'x'"),
])
def test_bad_parameter(tmp_path, change, expected):
    text = GOOD.replace(*change)
    found, message, _ = problems(tmp_path, text)
    assert expected in message
    assert all(p.line for p in found)


def test_a_parameter_value_outside_its_choices(tmp_path):
    text = GOOD.replace('on = { ok = "@end", failed = "take_failed" }',
                        'on = { ok = "slip", failed = "take_failed" }\n\n[steps.slip]\ntype = "print"\n'
                        'params = { template = "poster" }\non = { ok = "@end", failed = "@end" }')
    found, message, _ = problems(tmp_path, text)
    assert found[0].step == "slip" and "'poster' is not one of" in message
    assert found[0].line == line_of(text, "poster")


def test_unknown_outcome_and_missing_transition(tmp_path):
    text = GOOD.replace('on = { ok = "@end", failed = "take_failed" }', 'on = { ok = "@end", jammed = "take_failed" }')
    _found, message, _ = problems(tmp_path, text)
    assert "has no outcome 'jammed'" in message
    assert "no transition for outcome failed" in message


def test_toml_syntax_error_names_its_line(tmp_path):
    text = GOOD.replace('fee_fen = 0', 'fee_fen = = 0')
    found, message, _path = problems(tmp_path, text)
    assert found[0].line == line_of(text, "fee_fen") and "not valid TOML" in message


def test_service_level_problems(tmp_path):
    text = (GOOD.replace('icon = "ticket"', 'icon = "rocket"').replace('department = "general"', 'department = "x"')
            .replace("needs_network = false", "needs_network = true"))
    _found, message, _ = problems(tmp_path, text)
    assert "no icon 'rocket'" in message and "unknown department 'x'" in message
    assert "names an offline_note" in message


def test_id_must_be_the_file_name(tmp_path):
    _, message, _ = problems(tmp_path, GOOD, name="other.toml")
    assert "must be the file's name ('other')" in message


def test_bad_demo_script(tmp_path):
    text = GOOD.replace('{ step = "matter", outcome = "apply" },',
                        '{ step = "matter", outcome = "sing", world = ["rain"] },\n  { step = "nowhere" },')
    found, message, _ = problems(tmp_path, text)
    assert "'sing' is not an outcome of step 'matter'" in message
    assert "unknown world condition 'rain'" in message
    assert "no step 'nowhere'" in message
    assert all(p.line for p in found)


def test_every_problem_is_reported_at_once(tmp_path):
    text = GOOD.replace('type = "take_ticket"', 'type = "nope"').replace('"queue.matter.title"', '"nope.title"')
    found, _, _ = problems(tmp_path, text)
    assert {p.step for p in found} == {"take", "matter"}
