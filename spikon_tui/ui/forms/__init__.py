"""What the forms share: validation with the client's own checks, the button row."""
