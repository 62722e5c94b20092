"""Translatable messages for layers that must not import Qt.

``QT_TRANSLATE_NOOP`` is recognised by ``pyside6-lupdate`` by name, so strings marked with it here
land in the .ts file; the UI (or the CLI) translates them with ``QCoreApplication.translate``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for extraction into the translation file; returns it unchanged."""
    return text


@dataclass(frozen=True)
class Message:
    """A user-facing message: a source text in a translation context plus format parameters."""

    context: str
    text: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, translate=None) -> str:
        """Translate (when a translate function is given) and fill in the parameters."""
        text = translate(self.context, self.text) if translate else self.text
        params = {k: v.render(translate) if isinstance(v, Message) else v
                  for k, v in self.params.items()}  # a sentence within a sentence
        return text.format(**params)

    def __str__(self) -> str:
        return self.render()


def msg(context: str, text: str, /, **params: Any) -> Message:
    """Build a :class:`Message`; ``text`` must already be marked with QT_TRANSLATE_NOOP.

    ``context`` and ``text`` are positional-only so that a parameter may itself be called
    ``text`` (``msg(CTX, "Not a date: {text}", text=...)``).
    """
    return Message(context, text, params)
