"""Immutable records built quickly: ``fast_init`` for the frozen dataclasses an evaluation builds.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__`` (its own
``__setattr__`` refuses): a call through a generic wrapper per field, about 125 ns each. An
evaluation builds some thirty results and reasons of five to thirteen fields, and this was
the largest single cost left in ``evaluate`` (8 % of its time). ``fast_init`` gives such a
class an ``__init__`` that stores each argument through its slot's own descriptor, the same
store without the wrapper (about half the time), with the same parameters, defaults and
keyword-only markers. The instance is as frozen as before: only ``__init__`` is replaced.

Written like the ``__init__`` the dataclasses module generates (source compiled once per
class, at import): a function written out for the class is what makes it fast.
"""

from __future__ import annotations

import dataclasses
import inspect
from typing import TypeVar

T = TypeVar("T")


def fast_init(cls: type[T]) -> type[T]:
    """Give the frozen, slotted dataclass ``cls`` an ``__init__`` that sets its slots directly.

    Applied above ``@dataclass(frozen=True, slots=True)``. Only plain fields are accepted
    (no ``default_factory``, ``init=False``, ``InitVar`` or ``__post_init__``): anything
    else is refused at import, where the dataclass's own ``__init__`` does more.
    """
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__qualname__}: fast_init is for frozen dataclasses with slots")
    fields = dataclasses.fields(cls)
    if hasattr(cls, "__post_init__") or any(
        not f.init or f.default_factory is not dataclasses.MISSING for f in fields
    ):
        raise TypeError(f"{cls.__qualname__}: fast_init takes plain fields only, without __post_init__")

    # The generated code's names: the fields' own for the parameters, prefixed ones for the rest.
    namespace = {f"_set_{f.name}": getattr(cls, f.name).__set__ for f in fields}
    namespace.update(
        {f"_default_{f.name}": f.default for f in fields if f.default is not dataclasses.MISSING}
    )

    def parameter(f: dataclasses.Field) -> str:
        return f.name if f.default is dataclasses.MISSING else f"{f.name}=_default_{f.name}"

    # As the dataclass orders them: keyword-only fields after the others, whatever their place.
    parameters = [parameter(f) for f in fields if not f.kw_only]
    if keyword_only := [parameter(f) for f in fields if f.kw_only]:
        parameters += ["*", *keyword_only]
    body = "".join(f"    _set_{f.name}(self, {f.name})\n" for f in fields) or "    pass\n"
    exec(f"def __init__(self, {', '.join(parameters)}):\n{body}", namespace)  # noqa: S102
    init = namespace["__init__"]
    if _parameters(init) != _parameters(cls.__init__):  # an InitVar, or what this does not know
        raise TypeError(f"{cls.__qualname__}: fast_init would not take the same arguments")
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    cls.__init__ = init  # type: ignore[misc]
    return cls


def _parameters(function) -> list[tuple[str, object, object]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(function).parameters.values()]
