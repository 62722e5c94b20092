"""Who may do what: sign-in, the idle lock, accounts, the person lookup, the audit log."""
