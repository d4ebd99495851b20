"""Every error veille raises, with a stable code, so messages can be pinned by tests and looked up by users."""
from __future__ import annotations


class VeilleError(Exception):
    """Base of veille's own errors: `str(error)` is one line, `[Ennn] message`."""

    code = "E000"
    template = "{detail}"

    def __init__(self, **fields):
        self.fields = fields
        super().__init__(f"[{self.code}] " + self.template.format(**fields))


class InputError(VeilleError):
    """An input that cannot be analysed; `source` names it (a path, `-`, or `file.jsonl:12`)."""

    code = "E001"
    template = "{source}: {reason}"

    @property
    def source(self) -> str:
        return self.fields["source"]

    @property
    def reason(self) -> str:
        return self.fields["reason"]


class EmptyInput(InputError):
    code = "E002"


class BinaryInput(InputError):
    code = "E003"


class TooLarge(InputError):
    code = "E004"


class BadRecord(InputError):
    """A JSONL line that is not a JSON object, or lacks a usable `text`."""

    code = "E005"


class BadDate(InputError):
    code = "E006"


class StoreError(VeilleError):
    code = "E100"
    template = "{path}: {reason}"


class NotFound(VeilleError):
    code = "E101"
    template = "no article with id {id!r}"


class EntityNotFound(NotFound):
    code = "E102"
    template = "no entity with id {id!r}"


class ModelMissing(VeilleError):
    code = "E200"
    template = ("the spaCy model {model!r} is not installed: run `make install` "
                "(or `pip install {package}`)")
