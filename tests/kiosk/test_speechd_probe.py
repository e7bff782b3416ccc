"""A stuck speech-dispatcher is noticed in time, so it cannot freeze the kiosk."""

import socket
import threading

import pytest

from kiosk.speechd_probe import socket_path, speechd_problem


@pytest.fixture
def daemon(tmp_path):
    """A unix socket that plays speech-dispatcher: answers SSIP, or accepts and says nothing."""
    path = tmp_path / "speechd.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen()
    state = {"answer": b"208 OK CLIENT NAME SET\r\n", "conns": []}
    done = threading.Event()

    def serve():
        while not done.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                return
            state["conns"].append(conn)
            if state["answer"]:
                conn.recv(256)
                conn.sendall(state["answer"])

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield path, state
    done.set()
    server.shutdown(socket.SHUT_RDWR)  # wakes the accept() the serving thread waits in
    server.close()
    for conn in state["conns"]:
        conn.close()
    thread.join()


def test_an_answering_daemon_is_fine(daemon):
    path, _ = daemon
    assert speechd_problem(2.0, path) is None


def test_a_silent_daemon_is_reported_within_the_timeout(daemon):
    path, state = daemon
    state["answer"] = b""
    assert speechd_problem(0.3, path) == "speech-dispatcher does not answer"


def test_a_refusing_daemon_is_reported(daemon):
    path, state = daemon
    state["answer"] = b"401 ERR\r\n"
    assert speechd_problem(2.0, path) == "speech-dispatcher refused the connection"


def test_socket_path_follows_speech_dispatcher_rules():
    assert str(socket_path({"SPEECHD_ADDRESS": "unix_socket:/run/s.sock"})) == "/run/s.sock"
    assert str(socket_path({"XDG_RUNTIME_DIR": "/run/user/7"})) == "/run/user/7/speech-dispatcher/speechd.sock"
    assert str(socket_path({"HOME": "/home/k"})) == "/home/k/.cache/speech-dispatcher/speechd.sock"
