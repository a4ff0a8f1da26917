"""A real, throw-away PostgreSQL server for the tests: initdb into a temporary
folder, start it on a free loopback port, stop and delete it afterwards.

initdb refuses to run as root, so as root the server runs as the ``postgres``
system user (created by Debian's postgresql package, which .ci/run installs).
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from typing import Iterator


class Unavailable(Exception):
    """PostgreSQL cannot be started here; the message says why."""


def _binary(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if not found:
        raise Unavailable(f"PostgreSQL's {name} is not installed (apt-get install postgresql)")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yield a SQLAlchemy URL of a fresh PostgreSQL database."""
    try:
        import psycopg  # noqa: F401 - the driver SQLAlchemy will use
    except ImportError as e:
        raise Unavailable("psycopg is not installed (pip install -e '.[postgres]')") from e
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    user: list[str] = []
    data = tempfile.mkdtemp(prefix="minutes-pg-")
    if os.geteuid() == 0:
        try:
            pw = pwd.getpwnam("postgres")
        except KeyError as e:
            raise Unavailable("running as root and there is no 'postgres' user to run the server") from e
        os.chown(data, pw.pw_uid, pw.pw_gid)
        user = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    run = lambda *cmd: subprocess.run([*user, *cmd], check=True, capture_output=True, text=True)  # noqa: E731
    try:
        run(initdb, "-D", data, "-U", "minutes", "--auth=trust", "-E", "UTF8", "--no-sync")
        run(pg_ctl, "-D", data, "-l", f"{data}/log", "-w", "-o",
            f"-p {port} -h 127.0.0.1 -k {data} -F", "start")
    except subprocess.CalledProcessError as e:
        shutil.rmtree(data, ignore_errors=True)
        raise Unavailable(f"PostgreSQL did not start: {e.stderr.strip()[-300:]}") from e
    try:
        yield f"postgresql+psycopg://minutes@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*user, pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"], capture_output=True)
        shutil.rmtree(data, ignore_errors=True)
