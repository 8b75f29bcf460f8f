"""Everything Textual: the app, its screens and its reusable widgets."""
