"""Modal dialogs shared by the screens: confirm, save, help, a request form, click-to-call."""
