"""briefbot: get briefed on a folder of news articles by talking to it; every answer is a cited passage."""
__version__ = "0.1.0"
