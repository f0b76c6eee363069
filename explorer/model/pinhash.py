"""The staff PIN: what a PIN may be, and its salted scrypt hash.  No Qt here.

A stored hash is ``scrypt$N$r$p$salt$digest`` (salt and digest in base64).  Its
parameters are checked against safe bounds before use: a hand-edited or hostile
``pin_hash`` with ``n=0``, ``n=3``, ``n=2**20``, ``p=100`` or an empty digest is refused
(the kiosk then says no PIN is set) rather than locking staff out or freezing the
screen for seconds at every try.
"""

from __future__ import annotations

import base64
import os
import re
from typing import NamedTuple

MIN_DIGITS, MAX_DIGITS = 4, 8
SCRYPT = {"n": 2**14, "r": 8, "p": 1}  # what set-pin writes: about 16 MB and 50 ms
N_RANGE = (2**12, 2**16)  # a power of two in this range
MAX_R, MAX_P = 16, 4
MAX_WORK = 2**18  # n * r * p: at most twice what set-pin writes (memory 128 * n * r ≤ 32 MB)
SALT_BYTES = (16, 64)
DIGEST_BYTES = (16, 64)
_PIN = re.compile(f"[0-9]{{{MIN_DIGITS},{MAX_DIGITS}}}")
_NUMBER = re.compile(r"[0-9]{1,9}")
_BASE64 = re.compile(r"[A-Za-z0-9+/]{4,88}={0,2}")


class PinHash(NamedTuple):
    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes


def valid_pin(pin: str) -> bool:
    """ASCII digits 0-9 only (what the kiosk's pad can enter), 4 to 8 of them."""
    return bool(_PIN.fullmatch(pin))


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    import hashlib  # only when a PIN is set or checked: OpenSSL takes a while to load

    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **SCRYPT)
    b64 = base64.b64encode
    return (f"scrypt${SCRYPT['n']}${SCRYPT['r']}${SCRYPT['p']}$"
            f"{b64(salt).decode()}${b64(digest).decode()}")


def hash_problem(text: str) -> str:
    """Why ``text`` is not a usable hash, or "" when it is."""
    parts = text.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return "it is not a hash made by `spine-explorer set-pin`"
    if not all(_NUMBER.fullmatch(x) for x in parts[1:4]):
        return "its scrypt parameters are not whole numbers"
    n, r, p = (int(x) for x in parts[1:4])
    if not (N_RANGE[0] <= n <= N_RANGE[1] and n & (n - 1) == 0):
        return f"its n={n} is not a power of two from {N_RANGE[0]} to {N_RANGE[1]}"
    if not (1 <= r <= MAX_R and 1 <= p <= MAX_P and n * r * p <= MAX_WORK):
        return f"its r={r}, p={p} are outside safe bounds (r 1-{MAX_R}, p 1-{MAX_P}, " \
               f"n·r·p at most {MAX_WORK})"
    for name, value, (low, high) in (("salt", parts[4], SALT_BYTES),
                                     ("digest", parts[5], DIGEST_BYTES)):
        raw = _decode(value)
        if raw is None or not low <= len(raw) <= high:
            return f"its {name} is not {low} to {high} bytes of base64"
    return ""


def _decode(text: str) -> bytes | None:
    if not _BASE64.fullmatch(text):
        return None
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:  # binascii.Error: bad padding
        return None


def parse_hash(text: str) -> PinHash | None:
    """The parts of a usable hash, or ``None`` (see :func:`hash_problem`)."""
    if hash_problem(text):
        return None
    _, n, r, p, salt, digest = text.split("$")
    return PinHash(int(n), int(r), int(p), base64.b64decode(salt), base64.b64decode(digest))


def check_pin(pin: str, stored: str) -> bool:
    import hashlib
    import hmac

    parsed = parse_hash(stored)
    if parsed is None or not valid_pin(pin):
        return False
    try:
        attempt = hashlib.scrypt(pin.encode(), salt=parsed.salt, dklen=len(parsed.digest),
                                 n=parsed.n, r=parsed.r, p=parsed.p, maxmem=2**26)
    except (ValueError, MemoryError):  # the bounds above keep well inside maxmem
        return False
    return hmac.compare_digest(attempt, parsed.digest)
