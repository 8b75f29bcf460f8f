"""SMS: composing, picking recipients, the sent list and each message's details."""
