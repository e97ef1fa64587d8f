"""One module per subcommand; ``cli.py`` registers them on the app."""
