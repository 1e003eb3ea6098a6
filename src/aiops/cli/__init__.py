"""Command-line interface. Group modules register argparse sub-commands and import heavy code lazily."""
