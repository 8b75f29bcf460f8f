"""The phone books screen and its dialogs."""
