"""The live session: its state, features, commands, channels, queue and pages."""
