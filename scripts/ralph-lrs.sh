#!/usr/bin/env bash
# A real Ralph LRS (xAPI 1.0.3, file-system backend) on loopback, for Kursus's tests and
# benchmarks. Notes on how it behaves: docs/records-lrs-notes.md.
#
#   scripts/ralph-lrs.sh install          the virtualenv with the pinned Ralph
#                                         (scripts/ralph-requirements.txt); quick when done
#   scripts/ralph-lrs.sh start DIR [PORT] installs if needed, then serves DIR/data on
#                                         127.0.0.1 (a free port, or PORT), and prints the
#                                         xAPI base URL once the LRS answers
#   scripts/ralph-lrs.sh stop DIR         stops the server started in DIR
#
# `start` keeps everything in DIR: data/ (the statements), auth.json (made with
# `ralph auth`), credentials.yaml (username and password, mode 600, the form
# `LRSCredentials.load` reads), ralph.log, and ralph.env with lines
#   KURSUS_RALPH_URL=http://127.0.0.1:PORT/xAPI/
#   KURSUS_RALPH_USER=...  KURSUS_RALPH_PASSWORD=...  KURSUS_RALPH_PORT=...  KURSUS_RALPH_PID=...
# Starting again in the same DIR keeps the statements and the credentials.
#
# Environment: KURSUS_RALPH_VENV (default .build-ralph/venv in the repository),
# KURSUS_PYTHON (default /usr/bin/python3, else python3), KURSUS_RALPH_WATCH_PID (the
# server exits when that process is gone).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
venv=${KURSUS_RALPH_VENV:-$root/.build-ralph/venv}
requirements=$root/scripts/ralph-requirements.txt
launcher=$root/scripts/ralph_launcher.py
user=kursus

fail() { echo "ralph-lrs: $*" >&2; exit 1; }

python_for_venv() {
    if [ -n "${KURSUS_PYTHON:-}" ]; then echo "$KURSUS_PYTHON"
    elif [ -x /usr/bin/python3 ]; then echo /usr/bin/python3
    elif command -v python3 >/dev/null; then command -v python3
    else fail "python3 is missing; run scripts/ensure-deps.sh (it installs python3 and python3-venv)"
    fi
}

installed() {
    [ -x "$venv/bin/python" ] && [ -f "$venv/.kursus-requirements" ] &&
        cmp -s "$requirements" "$venv/.kursus-requirements"
}

install() {
    installed && return 0
    mkdir -p "$(dirname "$venv")"
    # Suites that start Ralph in parallel on a fresh machine install once.
    exec 9>"$venv.lock"
    flock 9
    if ! installed; then
        echo "ralph-lrs: installing Ralph into $venv (a few minutes, once)" >&2
        rm -rf "$venv"
        "$(python_for_venv)" -m venv "$venv" ||
            fail "cannot create a virtualenv; install python3-venv (scripts/ensure-deps.sh does)"
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2 ||
            fail "pip could not install scripts/ralph-requirements.txt"
        cp "$requirements" "$venv/.kursus-requirements"
    fi
    flock -u 9
    exec 9>&-
}

# Settings shared by `ralph auth` and the server. Run from DIR so that Ralph's `.env`
# lookup never reads a file from elsewhere.
ralph_env() {
    local dir=$1
    export RALPH_APP_DIR=$dir
    export RALPH_AUTH_FILE=$dir/auth.json
    export RALPH_RUNSERVER_BACKEND=fs
    export RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH=$dir/data
    export RALPH_BACKENDS__DATA__FS__DEFAULT_DIRECTORY_PATH=$dir/data
}

running_pid() {
    local dir=$1 pid
    [ -f "$dir/ralph.pid" ] || return 1
    pid=$(cat "$dir/ralph.pid")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    # Only ever a launcher we started: a recycled pid names another program.
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q ralph_launcher.py || return 1
    echo "$pid"
}

start() {
    local dir=$1 port=${2:-0} password pid url
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    running_pid "$dir" >/dev/null && fail "a Ralph server is already running for $dir; stop it first"
    install
    ralph_env "$dir"
    cd "$dir"
    if [ ! -f auth.json ] || [ ! -f credentials.yaml ]; then
        rm -f auth.json credentials.yaml
        password=$("$venv/bin/python" -c 'import secrets; print(secrets.token_hex(16))')
        "$venv/bin/ralph" auth -u "$user" -p "$password" -s all -M "mailto:$user@example.org" -w >ralph-auth.log 2>&1 ||
            { cat ralph-auth.log >&2; fail "ralph auth failed"; }
        (umask 077 && printf 'username: %s\npassword: "%s"\n' "$user" "$password" >credentials.yaml)
    fi
    password=$(sed -n 's/^password: "\(.*\)"$/\1/p' credentials.yaml)
    rm -f port
    nohup "$venv/bin/python" "$launcher" 127.0.0.1 "$port" "$dir/port" >>ralph.log 2>&1 </dev/null &
    pid=$!
    echo "$pid" >ralph.pid
    # Ready when the heartbeat answers; fail at once if the server died.
    if ! "$venv/bin/python" - "$dir/port" "$pid" <<'EOF'
import os, sys, time, urllib.request
port_file, pid = sys.argv[1], int(sys.argv[2])
deadline = time.monotonic() + 120
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        sys.exit("the server exited")
    try:
        with open(port_file, encoding="ascii") as handle:
            port = int(handle.read())
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/__heartbeat__", timeout=2) as response:
            if response.status == 200:
                sys.exit(0)
    except (OSError, ValueError):
        pass
    time.sleep(0.1)
sys.exit("no answer within 120 s")
EOF
    then
        kill "$pid" 2>/dev/null || true
        rm -f ralph.pid
        tail -n 20 ralph.log >&2
        fail "Ralph did not start (log: $dir/ralph.log)"
    fi
    port=$(cat port)
    url="http://127.0.0.1:$port/xAPI/"
    cat >ralph.env.tmp <<EOF
KURSUS_RALPH_URL=$url
KURSUS_RALPH_USER=$user
KURSUS_RALPH_PASSWORD=$password
KURSUS_RALPH_PORT=$port
KURSUS_RALPH_PID=$pid
EOF
    chmod 600 ralph.env.tmp
    mv ralph.env.tmp ralph.env
    echo "$url"
}

stop() {
    local dir=$1 pid
    [ -d "$dir" ] || fail "no such folder: $dir"
    if pid=$(running_pid "$dir"); then
        kill "$pid" 2>/dev/null || true
        # (running_pid, not kill -0: a killed launcher may linger as a zombie.)
        for _ in $(seq 1 100); do
            running_pid "$dir" >/dev/null || break
            sleep 0.1
        done
        running_pid "$dir" >/dev/null && kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/ralph.pid"
}

case "${1:-}" in
    install) install ;;
    start) [ $# -ge 2 ] || fail "usage: $0 start DIR [PORT]"; start "$2" "${3:-0}" ;;
    stop) [ $# -eq 2 ] || fail "usage: $0 stop DIR"; stop "$2" ;;
    *) fail "usage: $0 install | start DIR [PORT] | stop DIR" ;;
esac
