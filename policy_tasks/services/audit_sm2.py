"""SM2 signatures (GB/T 32918, with SM3 as the digest) for audit checkpoints.

Unlike the HMAC, a verifier holds only the public key: the machine that checks checkpoints
cannot forge one. Keys are hex: the private key 64 digits, the public key 128 (x and y).
"""

from __future__ import annotations

import secrets

from gmssl import sm2

ALGORITHM = "SM2-SM3"


def _crypt(*, private_key: str, public_key: str) -> sm2.CryptSM2:
    """gmssl's signer for this key pair. Its constructor `lstrip("04")`s a public key that starts
    with "04" (taking it for the uncompressed-point prefix), which strips any leading 0s and 4s of
    x too: one key in 256 then signed what it could never verify. The key is set after it."""
    if len(public_key) == 130 and public_key.startswith("04"):
        public_key = public_key[2:]  # the uncompressed-point prefix, exactly two digits
    crypt = sm2.CryptSM2(private_key=private_key, public_key="")
    crypt.public_key = public_key
    return crypt


def public_key_of(private_key: str) -> str:
    # gmssl ships no type hints; both calls below return hex strings.
    public_key: str = _crypt(private_key=private_key, public_key="")._kg(
        int(private_key, 16), sm2.default_ecc_table["g"]
    )
    return public_key


def new_key_pair() -> tuple[str, str]:
    # The order n of the curve is just below 2**256; a key must lie in [1, n-2].
    n = int(sm2.default_ecc_table["n"], 16)
    private_key = format(secrets.randbelow(n - 2) + 1, "064x")
    return private_key, public_key_of(private_key)


def sm2_sign(private_key: str, data: bytes) -> str:
    signer = _crypt(private_key=private_key, public_key=public_key_of(private_key))
    signature: str = signer.sign_with_sm3(data)
    return signature


def sm2_verify(public_key: str, data: bytes, signature: str) -> bool:
    try:
        return bool(_crypt(private_key="", public_key=public_key).verify_with_sm3(signature, data))
    except (ValueError, TypeError, IndexError):  # a signature that is not even two hex numbers
        return False
