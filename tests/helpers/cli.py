"""The `warta` command run in-process the way the console entry runs it (`warta.cli.main`: errors
become one line and an exit status), with what it printed."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass

from warta.cli import main


@dataclass(frozen=True)
class Result:
    exit_code: int
    output: str  # stdout and stderr, in order


def warta(*args: str) -> Result:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(list(args))
    return Result(code, out.getvalue())
