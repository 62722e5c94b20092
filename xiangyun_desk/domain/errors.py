"""Typed errors that carry translatable messages."""

from __future__ import annotations

from .i18n import Message


class DomainError(Exception):
    """An error the user can act on; ``message`` is shown (translated) to them."""

    def __init__(self, message: Message):
        super().__init__(str(message))
        self.message = message


class FieldInvalid(DomainError):
    """One field's value is not acceptable."""


class ValidationFailed(DomainError):
    """A record failed validation; ``errors`` maps each bad field to the reason."""

    def __init__(self, errors: dict[str, Message]):
        first = next(iter(errors.values()))
        super().__init__(first)
        self.errors = errors
