"""Tests of where the API key comes from and goes to (credentials, login, logout)."""
