"""The exceptions omen raises. Each carries the text the command line would print."""


class Error(Exception):
    """Anything omen reports: the message is the diagnostic text."""


class CompileError(Error):
    """The program has errors (parse or check): `str(e)` holds every diagnostic with its
    file, line, column and caret, as `omen check` prints them."""


class UsageError(Error, ValueError):
    """Options wrong for the program or for omen, e.g. an unknown param in `set`, a bad trial
    count or an unknown scenario (exit status 2 on the command line)."""


class RunError(Error):
    """The program failed at run time (`file:line:col: runtime error: ...` with the source
    line). `result` holds the scenarios that completed before the failure."""

    def __init__(self, message, result=None):
        super().__init__(message)
        self.result = result


class Interrupted(KeyboardInterrupt):
    """Ctrl-C stopped a run. `result` holds what finished, marked partial (as the command line
    prints it). A KeyboardInterrupt, so code that stops on Ctrl-C still stops."""

    def __init__(self, result):
        super().__init__("omen run interrupted; the partial result is in .result")
        self.result = result
