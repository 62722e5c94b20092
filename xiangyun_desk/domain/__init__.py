"""Pure-Python domain: value types, code lists, validation and rules. No Qt, no SQL."""
