"""Text to speech: the form, voices, the announcements and their downloads."""
