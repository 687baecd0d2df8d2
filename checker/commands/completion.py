import argparse

from .. import catalog

HELP = "Print a shell completion script (commands, options, kata names): eval \"$(kata completion bash)\"."
SHELLS = ("bash", "zsh", "fish")
INSTALL = {
    "bash": 'eval "$(kata completion bash)"   # in ~/.bashrc',
    "zsh": 'eval "$(kata completion zsh)"    # in ~/.zshrc, after compinit',
    "fish": "kata completion fish > ~/.config/fish/completions/kata.fish",
}


def add_arguments(parser) -> None:
    parser.add_argument("shell", choices=SHELLS, help="the shell to complete in")


def _with_kata_names(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The CLI's own parser, with the kata names and topics as the choices to complete."""
    names = list(catalog.all_katas())
    topics = sorted({k.topic for k in catalog.all_katas().values()})
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                for option in sub._actions:
                    if option.dest == "name" and not option.option_strings:
                        option.choices = names
                    elif option.dest == "topic":
                        option.choices = topics
    return parser


def run(args) -> int:
    import shtab

    from ..cli import build_parser

    script = shtab.complete(_with_kata_names(build_parser()), shell=args.shell)
    print(f"# kata completion for {args.shell}: {INSTALL[args.shell]}")
    print(script)
    return 0
