from checker.cli import entry_point

entry_point()
