"""The account screen and the login screen."""
