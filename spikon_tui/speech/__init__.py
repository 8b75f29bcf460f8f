"""Text to speech without a UI: audio formats, file names and writing, prices, wording.

Everything here is plain Python (no Textual), so the rules the speech screen
follows (which price answer is current, how a download reaches the disk) are
tested on their own. How often a waiting announcement is checked is
`spikon_tui.backoff.BackoffSchedule` with the screen's own table of waits.
"""
