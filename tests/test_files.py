"""Only regular files are read, and their size is checked before a byte is read."""

from __future__ import annotations

import os
import resource
import socket
import threading
import time
from pathlib import Path

import pytest

from explorer.model.files import FileRefusedError, read_regular

pytestmark = pytest.mark.skipif(os.name != "posix", reason="devices, FIFOs and sockets")


def refused(path: Path, limit: int = 1_000_000) -> str:
    with pytest.raises(FileRefusedError) as caught:
        read_regular(path, limit)
    return caught.value.reason


def test_a_regular_file_and_a_symlink_to_one_are_read(tmp_path):
    (tmp_path / "a.yaml").write_bytes(b"regions: []\n")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "a.yaml")
    assert read_regular(tmp_path / "a.yaml", 100) == b"regions: []\n"
    assert read_regular(tmp_path / "link.yaml", 100) == b"regions: []\n"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_symlink_to_a_device_is_refused_without_reading(tmp_path, device):
    link = tmp_path / "regions.yaml"
    link.symlink_to(device)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert refused(link) == "it is a device, not a regular file"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 10_000  # kB


def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path):
    fifo = tmp_path / "regions.yaml"
    os.mkfifo(fifo)
    outcome: list[str] = []
    reader = threading.Thread(target=lambda: outcome.append(refused(fifo)), daemon=True)
    reader.start()
    reader.join(timeout=5)
    assert outcome == ["it is a FIFO (named pipe), not a regular file"]


def test_a_socket_a_folder_and_nothing_at_all_are_refused(tmp_path):
    path = tmp_path / "sock.yaml"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert refused(path) == "it is a socket, not a regular file"
    (tmp_path / "folder.yaml").mkdir()
    assert refused(tmp_path / "folder.yaml") == "it is a folder, not a regular file"
    assert refused(tmp_path / "missing.yaml") == "cannot read the file: No such file or directory"
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "gone")
    assert refused(tmp_path / "dangling.yaml").startswith("cannot read the file")
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    assert refused(tmp_path / "loop.yaml").startswith("cannot read the file")


def test_the_size_is_checked_before_reading(tmp_path):
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:  # 20 GB that take no room: reading it would take minutes
        handle.truncate(20_000_000_000)
    started = time.monotonic()
    assert refused(huge, 1_000_000) == "the file is larger than 1 MB"
    assert time.monotonic() - started < 1
    (tmp_path / "small.yaml").write_bytes(b"x" * 1001)
    assert refused(tmp_path / "small.yaml", 1000) == "the file is larger than 1 kB"
    assert read_regular(tmp_path / "small.yaml", 1001) == b"x" * 1001
