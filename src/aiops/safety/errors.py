"""Typed refusals of the safety layer. Every message is one short line safe to show an agent."""

from __future__ import annotations

from aiops.core.errors import AiopsError, BackendError


class SafetyError(AiopsError):
    """Base of the safety layer's errors."""


class ApprovalError(SafetyError):
    """An approval could not be recorded or claimed; nothing may be executed. `code` names the case."""

    code = "approval"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ApprovalNotFoundError(ApprovalError):
    """No proposal or approval with that id (or the token is malformed)."""

    code = "not_found"


class ApprovalTamperedError(ApprovalError):
    """The stored approval or the presented token does not match its keyed digest."""

    code = "tampered"


class ApprovalReplayedError(ApprovalError):
    """The approval was already used (single use)."""

    code = "replayed"


class ApprovalInFlightError(ApprovalError):
    """The approval was claimed but no result is recorded: the action may have started.

    `approval_id` lets a resuming caller re-run the executor with that idempotency key.
    """

    code = "in_flight"

    def __init__(self, message: str, approval_id: str) -> None:
        super().__init__(message)
        self.approval_id = approval_id


class ApprovalCrossIncidentError(ApprovalError):
    """The approval belongs to another incident."""

    code = "cross_incident"


class ApprovalMismatchError(ApprovalError):
    """The approval is for a different action, target or proposal."""

    code = "mismatch"


class ApprovalExpiredError(ApprovalError):
    """The approval's time to live has passed."""

    code = "expired"


class ApprovalNotSeniorError(ApprovalError):
    """The risk class needs a senior approver and this approver is not one."""

    code = "not_senior"


class ApprovalStateError(ApprovalError):
    """The proposal is not in a state that allows this step (already decided, rejected, ...)."""

    code = "state"


class PolicyRefusedError(ApprovalError):
    """The policy refuses the action or target (raised by the ledger as a second line of defence)."""

    code = "policy"


class BudgetExceeded(SafetyError):  # noqa: N818 (the name the brief and callers use)
    """An incident budget is exhausted; the incident stops with a partial report. Exit code 5.

    `limit` is `model_calls`, `tokens` or `wall_seconds`; `used` and `maximum` are the numbers.
    """

    exit_code = 5

    def __init__(self, limit: str, used: float, maximum: float) -> None:
        self.limit = limit
        self.used = used
        self.maximum = maximum
        super().__init__(f"budget exhausted: {limit} {used:g} of {maximum:g}")


class ToolTimeoutError(BackendError):
    """A tool call ran past its time limit. The message is the short text for the agent
    (a `BackendError`, so tool wrappers that turn backend errors into one line handle it)."""

    def __init__(self, label: str, seconds: float) -> None:
        self.label = label
        self.seconds = seconds
        super().__init__(f"{label} timed out after {seconds:g} s; try a shorter window or another source")
