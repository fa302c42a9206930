"""Which SQuAD articles the answer ranking may be fitted on, and which it is checked on.

A fixed split by a hash of the title: the same on every machine, and unrelated to
anything in the articles, so neither half was chosen for how the generator does on it.
"""

from __future__ import annotations

import hashlib


def squad_half(title: str) -> str:
    """'fitted' or 'held out'."""
    digest = hashlib.sha256(title.encode("utf-8")).digest()
    return "fitted" if digest[0] % 2 == 0 else "held out"
