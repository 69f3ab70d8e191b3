"""The exception hierarchy: every message is one line that names the input and says what to do."""


class TreveError(Exception):
    """Base of every error treve raises on purpose."""


class InputError(TreveError):
    """An input item cannot be read or holds no article; the rest of the batch goes on."""


class ResourceError(TreveError):
    """A shipped or user-supplied resource (model, data file) is missing or malformed."""


class ConfigError(TreveError):
    """A setting has a value treve cannot use."""


class EvaluationError(TreveError):
    """A gold set is missing or not in the expected layout."""


class StoreError(TreveError):
    """The event store cannot be opened or written; the message names the database (password hidden)."""
