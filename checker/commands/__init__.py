"""One module per subcommand: each defines HELP, add_arguments(parser) and run(args) -> exit code."""
