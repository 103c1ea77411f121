"""The Textual front end. Imported only when the TUI starts, so `briefbot ask` never loads Textual."""
