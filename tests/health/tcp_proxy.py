"""A TCP proxy a test can cut, so PostgreSQL or Redis "goes away" for one client while the
shared servers keep running for everyone else."""

from __future__ import annotations

import select
import socket
import threading


class TcpProxy:
    """Listens on a fixed local port for its whole life and, by mode, forwards to the target
    (open), hangs up at once (refuse: a server that is down), or accepts and never answers
    (blackhole: a dropped link, the case that needs a timeout)."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.mode = "open"
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self._closed = False
        threading.Thread(target=self._accept_loop, daemon=True, name=f"proxy:{self.port}").start()

    def _accept_loop(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self.mode == "refuse":
                client.close()
                continue
            if self.mode == "blackhole":
                self._track(client)
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            self._track(client, upstream)
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()

    def _track(self, *socks: socket.socket) -> None:
        with self._lock:
            self._sockets.extend(socks)

    def _pump(self, a: socket.socket, b: socket.socket) -> None:
        peers = {a: b, b: a}
        try:
            while True:
                readable, _, _ = select.select([a, b], [], [], 1.0)
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    peers[sock].sendall(data)
        except (OSError, ValueError):
            return
        finally:
            for sock in (a, b):
                try:
                    sock.close()
                except OSError:
                    pass

    def _drop_all(self) -> None:
        with self._lock:
            socks, self._sockets = self._sockets, []
        for sock in socks:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def cut(self) -> None:
        self.mode = "refuse"
        self._drop_all()

    def blackhole(self) -> None:
        self.mode = "blackhole"
        self._drop_all()

    def restore(self) -> None:
        self._drop_all()
        self.mode = "open"

    def close(self) -> None:
        self._closed = True
        self._listener.close()
        self._drop_all()
