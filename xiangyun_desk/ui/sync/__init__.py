"""Station to county exchange: the 同步 menu, export and import dialogs, the county window."""
