"""What one certificate says, and how a layout is declared."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Callable


@dataclass(frozen=True)
class Person:
    certificant_id: str
    first: str
    last: str
    email: str
    birth: date | None

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(frozen=True)
class Course:
    number: str
    title: str
    provider: str
    ceus: Decimal
    category: str
    approved_from: date
    approved_to: date | None


@dataclass(frozen=True)
class Cert:
    """One certificate page: what it prints, and the credit it must post.

    `ceus` is the credit to post (the catalogue value, or for an event the attendee's own
    total); `hours` is set when the page states contact hours instead (ceus = hours / 10).
    `start` is the first day of an event (the page prints a range ending on `completed`).
    `issued`, `expires`, `printed` and the person's birth date are other dates a layout may
    print beside the completion date. `rng` gives the layout its own seeded choices (wording
    variants), the same on every run.
    """

    layout: str
    person: Person
    course: Course
    completed: date
    ceus: Decimal
    hours: int | None
    start: date
    issued: date
    expires: date
    printed: date
    seed: int

    def rng(self, salt: str = "") -> random.Random:
        return random.Random(f"{self.seed}/{salt}")


@dataclass(frozen=True)
class Layout:
    """A provider's certificate layout.

    evidence: what identifies the person besides the name: "id", "email", "id+email" or "name".
    units: how the credit is stated: "cec" (CECs/CEUs), "hours" (contact hours) or "none".
    courses: which catalogue categories the layout certifies ("standard", "event", "safety").
    note: one line on what the layout exercises (printed by `make quality --list`).
    """

    name: str
    family: str
    draw: Callable
    evidence: str = "id"
    units: str = "cec"
    courses: tuple[str, ...] = ("standard",)
    note: str = ""
    extra: dict = field(default_factory=dict)


def registry() -> tuple[list[Layout], Callable]:
    """A module's list of layouts and the decorator that adds to it."""
    layouts: list[Layout] = []

    def layout(family: str, **kw):
        def add(fn):
            layouts.append(Layout(name=fn.__name__.removeprefix("draw_").replace("_", "-"), family=family,
                                  draw=fn, note=kw.pop("note", (fn.__doc__ or "").strip().split("\n")[0]), **kw))
            return fn
        return add

    return layouts, layout
