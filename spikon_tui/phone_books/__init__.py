"""Phone-book work that talks to SPIKON without a user interface: importing, exporting,
editing (add the corrected entry, then delete the old one) and deleting many entries.
The screens and the command line both call these; no Textual import here, ever."""
