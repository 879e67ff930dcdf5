"""The agenda engine: parse, validate and load agenda files."""
