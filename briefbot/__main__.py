import sys

from briefbot.cli import main

if __name__ == "__main__":  # not when an indexing worker process imports the main module again
    sys.exit(main())
