"""Results kept for the length of one analysis: a function of the data that several parts of an
analysis call with the same arguments is worked out once. Nothing is kept between analyses, so
data edited between two of them (as tests edit it) is read afresh by the next."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_KEPT: ContextVar[dict | None] = ContextVar("kept", default=None)


@contextmanager
def one_analysis() -> Iterator[None]:
    """Keep the results of `kept` functions until the outermost block ends; the data they read
    must not change inside it."""
    if _KEPT.get() is not None:
        yield
        return
    token = _KEPT.set({})
    try:
        yield
    finally:
        _KEPT.reset(token)


def analysis(function: Callable[P, R]) -> Callable[P, R]:
    """`function` run as one analysis (`one_analysis`)."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with one_analysis():
            return function(*args, **kwargs)

    return run


def kept(function: Callable[P, R]) -> Callable[P, R]:
    """`function` worked out once per set of arguments (told apart by identity) inside one
    analysis, and every time outside one. Its callers must only read what it returns."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        store = _KEPT.get()
        if store is None or kwargs:
            return function(*args, **kwargs)
        key = (function, *map(id, args))
        if key not in store:
            store[key] = (args, function(*args))  # the arguments stay alive: ids stay unique
        return store[key][1]

    return run
