"""Worker processes: how many cores, and how to start them safely (the index build and the
extraction of web pages and PDFs both use every core on a large corpus)."""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading


def start_method() -> str:
    """Fork where it is cheap and safe: on Linux, with no other thread running (the TUI indexes
    from one, and forking a threaded process can deadlock the child). Else a fork server, or
    spawn where there is none (Windows)."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def ignore_interrupt() -> None:
    """A worker's start: Ctrl+C is the main process's to handle (it stops the pool)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
