"""SMS without a user interface: how long a message is, who it goes to, what its state means,
and the per-profile list of messages sent. No Textual import here, ever."""
