"""Contacts without a user interface: phone numbers reduced to a matching key, and the
names of the phone books' entries looked up by number. No Textual import here, ever."""
