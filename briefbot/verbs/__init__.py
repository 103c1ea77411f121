"""The verbs of the game, family by family (`looking`, `people`, `questions`, `notebook`, `game`),
each a `Verb` entry and one function; `table` puts them together."""
