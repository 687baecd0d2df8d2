"""One module per kata, each defining ``KATA``: the kata's single spec entry."""
