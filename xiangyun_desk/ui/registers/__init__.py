"""The registers: one tab per register, its table, search and record form."""
