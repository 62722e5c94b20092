"""The printed reports (PDF) and their dialog."""
