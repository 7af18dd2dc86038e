"""Runs a Ralph LRS (file-system backend) for Kursus's tests and benchmarks.

Started by scripts/ralph-lrs.sh with Ralph's settings in the environment
(RALPH_RUNSERVER_BACKEND=fs, RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH,
RALPH_AUTH_FILE). Usage: ralph_launcher.py HOST PORT PORT_FILE

- Ralph 5.1.0's file-system backend writes in "create" mode by default, so every POST
  after the first fails with 500 (the statements file exists). Appending is what an LRS
  needs, so the default operation type is switched before the app is imported.
- The listening socket is bound here (PORT 0 picks a free port) and handed to uvicorn,
  so there is no race between choosing a port and using it; the port is written to
  PORT_FILE once the socket listens.
- With KURSUS_RALPH_WATCH_PID set, the server exits when that process is gone, so a
  test run that crashes leaves no server behind.
"""

import os
import socket
import sys
import threading
import time

from ralph.backends.data.base import BaseOperationType
from ralph.backends.data.fs import FSDataBackend

FSDataBackend.default_operation_type = BaseOperationType.APPEND

import uvicorn  # noqa: E402  (after the patch above, before the app is loaded)


def watch(pid: int) -> None:
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:
            pass
        time.sleep(1)


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit("usage: ralph_launcher.py HOST PORT PORT_FILE")
    host, port, port_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    with open(port_file + ".tmp", "w", encoding="ascii") as handle:
        handle.write(f"{sock.getsockname()[1]}\n")
    os.replace(port_file + ".tmp", port_file)

    watched = os.environ.get("KURSUS_RALPH_WATCH_PID")
    if watched:
        threading.Thread(target=watch, args=(int(watched),), daemon=True).start()

    config = uvicorn.Config("ralph.api:app", log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


if __name__ == "__main__":
    main()
