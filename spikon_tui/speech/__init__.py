"""Text to speech without a UI: audio formats, file names and writing, prices, polling pace.

Everything here is plain Python (no Textual), so the rules the speech screen
follows (which price answer is current, when to check a waiting announcement
again, how a download reaches the disk) are tested on their own.
"""
