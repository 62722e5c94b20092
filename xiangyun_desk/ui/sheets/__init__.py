"""Spreadsheets: export a register to Excel, import a sheet with preview and report."""
