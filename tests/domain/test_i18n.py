"""Translatable messages: rendering, and that every marked string can be extracted by
pyside6-lupdate and rendered with the parameters its call site gives."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from xiangyun_desk.domain.i18n import QT_TRANSLATE_NOOP, Message, msg

PACKAGE = Path(__file__).resolve().parents[2] / "xiangyun_desk"
# services/reports/ is being written concurrently by its owner and is left out for now
# (at the time of writing it still passes contexts as a variable); drop the filter once it lands.
NON_GUI = [p for d in ("domain", "storage", "services") for p in sorted((PACKAGE / d).rglob("*.py"))
           if "reports" not in p.relative_to(PACKAGE).parts]
NON_GUI += sorted((PACKAGE / "cli").glob("*.py"))


def test_noop_returns_the_text():
    assert QT_TRANSLATE_NOOP("Ctx", "Hello") == "Hello"


def test_render_without_translation_fills_parameters():
    m = msg("Validation", "At most {limit} characters (this has {n}).", limit=50, n=51)
    assert m.render() == "At most 50 characters (this has 51)."
    assert str(m) == "At most 50 characters (this has 51)."
    assert m.context == "Validation"
    assert m.params == {"limit": 50, "n": 51}


def test_render_translates_the_source_text_then_fills_parameters():
    calls = []

    def translate(context, text):
        calls.append((context, text))
        return "最多 {limit} 个字符"

    m = msg("Validation", "At most {limit} characters", limit=50)
    assert m.render(translate) == "最多 50 个字符"
    assert calls == [("Validation", "At most {limit} characters")]


def test_a_parameter_may_be_called_text():
    m = msg("Validation", "Not a date: {text}", text="2026-13-01")
    assert str(m) == "Not a date: 2026-13-01"


def test_message_is_immutable():
    m = Message("C", "T")
    with pytest.raises(AttributeError):
        m.text = "other"  # type: ignore[misc]


def _calls(tree, name):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name:
            yield node


def _module_constants(tree) -> dict[str, str]:
    consts = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) \
                and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    consts[target.id] = node.value.value
    return consts


@pytest.mark.parametrize("path", NON_GUI, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_marked_strings_are_literal_so_lupdate_extracts_them(path):
    # pyside6-lupdate only extracts QT_TRANSLATE_NOOP("Context", "text") with literal arguments
    # (a context held in a variable is silently skipped, and the message is never translated).
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for call in _calls(tree, "QT_TRANSLATE_NOOP"):
        assert len(call.args) == 2, f"{path}:{call.lineno}"
        for arg in call.args:
            assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), \
                f"{path.name}:{call.lineno}: QT_TRANSLATE_NOOP needs literal strings"


@pytest.mark.parametrize("path", NON_GUI, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_msg_context_and_parameters_match_the_marked_text(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    consts = _module_constants(tree)
    for call in _calls(tree, "msg"):
        if len(call.args) < 2 or not isinstance(call.args[1], ast.Call) \
                or getattr(call.args[1].func, "id", None) != "QT_TRANSLATE_NOOP":
            continue
        noop = call.args[1]
        if not all(isinstance(a, ast.Constant) for a in noop.args):
            continue  # reported by the test above
        marked_context, text = (a.value for a in noop.args)
        ctx = call.args[0]
        runtime_context = ctx.value if isinstance(ctx, ast.Constant) else consts.get(ctx.id)
        where = f"{path.name}:{call.lineno}"
        # The translation is looked up under the Message's context: it must be the marked one.
        assert runtime_context == marked_context, where
        if any(k.arg is None for k in call.keywords):
            continue  # **kwargs: cannot check statically
        wanted = {field for _, field, _, _ in string.Formatter().parse(text) if field}
        given = {k.arg for k in call.keywords}
        assert wanted == given, f"{where}: text needs {wanted}, call gives {given}"
