"""`ApprovalLedger`: proposals, human decisions and bound, single-use approvals in SQLite.

Protocol (see THREAT_MODEL.md and docs in `safety/__init__.py`):

    propose -> (human) approve / edit / reject -> claim -> executor(key=approval.id) -> record_result

`claim` atomically checks the keyed digest over (incident, action, target, approval id, expiry
and the rest of the approval), the binding to the incident, action and target, the expiry and
single use, and moves the approval to `executing`. A result recorded with `record_result` is
returned by `result_for`, so a re-run never acts twice; an approval left `executing` (crash after
claim, before the result) is re-claimed only with `resume=True`, and the caller must then re-run
the executor with the same idempotency key (the approval id).

A claim also takes a *lease*: an exclusive `flock` on `<ledger>.leases/<approval id>.lock`, held
until the result is recorded. The kernel drops it when the claiming process dies, so
`resume=True` gets an `executing` approval back only when its claimant is gone (a crash). While
the claimant is alive, in another process or another thread, every other claim is refused with
`ApprovalInFlightError`: two live callers never act on one approval, even with an executor that
deduplicates its key non-atomically.
"""

from __future__ import annotations

import hmac
import json
import re
import secrets
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiops.core.errors import ConfigError
from aiops.safety import errors as e
from aiops.safety.ledger_lease import Leases, PgLeases
from aiops.safety.ledger_seal import approval_digest, ensure_sealed, needs_upgrade, parse_token, seal_ok, state_seal
from aiops.safety.ledger_store import (
    LEDGER_LOCK,
    Approval,
    Proposal,
    approval_from_row,
    open_ledger_database,
    proposal_from_row,
)
from aiops.safety.policy import Policy
from aiops.safety.redaction import Redactor
from aiops.storage.sql import Connection, Database

if TYPE_CHECKING:
    from aiops.safety.audit import AuditLog

AUTO_APPROVER = "policy:auto"
_APPROVER = re.compile(r"^[^\x00-\x1f\x7f]{1,100}$")


class ApprovalLedger:
    """The approvals of a state folder (`approvals.sqlite`, or the PostgreSQL state database), keyed
    by the folder's secret.

    One instance per incident run is typical (it carries that run's `policy`); any number of
    instances, processes and (on PostgreSQL) machines may share the ledger.
    """

    def __init__(
        self,
        path: Path | Database,
        *,
        secret: bytes,
        policy: Policy,
        audit: AuditLog | None = None,
        redactor: Redactor | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        if len(secret) < 16:
            raise ValueError("the ledger secret must be at least 16 bytes")
        self._secret = secret
        self._audit = audit
        where = str(path) if isinstance(path, Path) else path.shown
        try:
            self._store, prepared = open_ledger_database(path, self._prepare)
        except e.ApprovalTamperedError as exc:
            raise ConfigError(f"{exc}: the ledger was altered. Restore it from a backup, or move it aside to "
                              "start an empty ledger (the approvals on record are then lost)", file=where) from None
        if prepared is not None and audit is not None:
            audit.append("ledger_upgraded", sealed_rows=prepared,
                         note="approval rows from before state seals were sealed as found")
        self._leases: Leases | PgLeases = (Leases(path.with_name(path.name + ".leases")) if isinstance(path, Path)
                                           else PgLeases(path))
        self.policy = policy
        self._redactor = redactor or Redactor()
        self._clock = clock or (lambda: datetime.now(UTC))

    # --- digests and seals (see ledger_seal) ------------------------------------------------
    def _prepare(self, conn: Connection, fresh: bool) -> int | None:
        """Give the ledger its format record; seal rows from before seals, once."""
        if not fresh and needs_upgrade(conn) and self._audit is not None and (
                seq := self._audit.has_kind("ledger_upgraded")) is not None:
            raise e.ApprovalTamperedError(
                f"approvals.sqlite has lost the state seals it was given (audit seq {seq})")
        return ensure_sealed(conn, self._secret, fresh=fresh)

    def _digest(self, row: Mapping[str, Any]) -> str:
        return approval_digest(self._secret, row)

    def _sealed(self, row: Mapping[str, Any], **changes: Any) -> dict[str, Any]:
        """`changes` (columns of the approvals table) with the seal of the row as changed."""
        changed = {**dict(row), **changes}
        return {**changes, "seal": state_seal(self._secret, changed)}

    # --- proposals --------------------------------------------------------------------------
    def propose(
        self,
        incident_id: str,
        action: str,
        target: str,
        risk: str | None = None,
        *,
        tool_call_id: str,
        reason: str = "",
        agent: str | None = None,
    ) -> Proposal:
        """Record that an agent asks to run `action` on `target` (idempotent per incident, action,
        target and tool call id). The policy is checked again here and the stored risk is the
        catalogue's; a `risk` given by the caller must agree with it. Raises `PolicyRefusedError`."""
        verdict = self.policy.check(action, target)
        if not verdict.allowed:
            raise e.PolicyRefusedError(verdict.reason)
        if risk is not None and risk != verdict.risk:
            raise e.PolicyRefusedError(
                f"{action} is {verdict.risk} risk in the runbook catalogue, not {risk}"
            )
        now = self._clock().isoformat()
        with self._store.transaction(lock=LEDGER_LOCK) as conn:
            created = (
                conn.execute(
                    "INSERT INTO proposals (id, incident_id, action, target, risk, needs_senior,"
                    " tool_call_id, reason, agent, status, created_at) VALUES (?,?,?,?,?,?,?,?,?,'pending',?)"
                    " ON CONFLICT (incident_id, action, target, tool_call_id) DO NOTHING",
                    (
                        "prop_" + secrets.token_hex(8),
                        incident_id,
                        action,
                        target,
                        verdict.risk,
                        int(verdict.needs_senior),
                        str(tool_call_id)[:200],
                        self._redactor.text(str(reason))[:2000],
                        self._redactor.text(agent)[:100] if agent else None,
                        now,
                    ),
                ).rowcount
                == 1
            )
            row = conn.execute(
                "SELECT * FROM proposals WHERE incident_id=? AND action=? AND target=? AND tool_call_id=?",
                (incident_id, action, target, str(tool_call_id)[:200]),
            ).fetchone()
        proposal = proposal_from_row(row)
        if created and self._audit is not None:
            self._audit.append(
                "proposal",
                incident_id=incident_id,
                proposal_id=proposal.id,
                action=action,
                target=target,
                risk=proposal.risk,
                needs_senior=proposal.needs_senior,
                reason=proposal.reason,
                agent=agent,
                tool_call_id=proposal.tool_call_id,
            )
        return proposal

    def get_proposal(self, proposal_id: str) -> Proposal:
        """The proposal with that id. Raises `ApprovalNotFoundError`."""
        with self._store.reading() as conn:
            row = conn.execute("SELECT * FROM proposals WHERE id=?", (proposal_id,)).fetchone()
        if row is None:
            raise e.ApprovalNotFoundError(f"no proposal {str(proposal_id)[:40]!r}")
        return proposal_from_row(row)

    def proposals(self, incident_id: str) -> list[Proposal]:
        """The proposals of an incident, oldest first."""
        with self._store.reading() as conn:
            rows = conn.execute(
                "SELECT * FROM proposals WHERE incident_id=? ORDER BY created_at, rowid", (incident_id,)
            ).fetchall()
        return [proposal_from_row(row) for row in rows]

    # --- decisions --------------------------------------------------------------------------
    def approve(
        self,
        proposal_id: str,
        *,
        approver: str,
        action: str | None = None,
        target: str | None = None,
        ttl: timedelta | None = None,
    ) -> Approval:
        """Approve a pending proposal, or approve an edit of it (another `action` / `target`, which
        must pass the policy; the proposal records the edit). A risk class that needs a senior needs
        an approver named in `policy.senior_approvers`. Repeating the same approval returns the
        existing unused one. Raises `ApprovalStateError`, `ApprovalNotSeniorError`, `PolicyRefusedError`."""
        return self._approve(proposal_id, approver, action, target, ttl, auto=False)

    def auto_approve(self, proposal_id: str) -> Approval:
        """Approve without a human, allowed only when the policy's rule for the risk class has
        `require_human: false` (and no senior). Raises `ApprovalStateError` otherwise."""
        return self._approve(proposal_id, AUTO_APPROVER, None, None, None, auto=True)

    def _approve(
        self,
        proposal_id: str,
        approver: str,
        action: str | None,
        target: str | None,
        ttl: timedelta | None,
        *,
        auto: bool,
    ) -> Approval:
        if not auto and (
            not isinstance(approver, str) or not _APPROVER.match(approver) or approver.startswith("policy:")
        ):
            raise e.ApprovalStateError("approver must be a name of 1-100 printable characters")
        proposal = self.get_proposal(proposal_id)
        final_action, final_target = action or proposal.action, target or proposal.target
        verdict = self.policy.check(final_action, final_target)
        if not verdict.allowed:
            raise e.PolicyRefusedError(
                f"the {'edited ' if action or target else ''}action is refused: {verdict.reason}"
            )
        if auto and (verdict.needs_human or verdict.needs_senior):
            raise e.ApprovalStateError(
                f"{verdict.risk}-risk actions need a human approval; none was recorded"
            )
        senior = self.policy.is_senior(approver)
        if verdict.needs_senior and not senior:
            raise e.ApprovalNotSeniorError(
                f"{final_action} is {verdict.risk} risk and needs a senior approver "
                f"(policy.senior_approvers); {approver!r} is not one"
            )
        edited = (final_action, final_target) != (proposal.action, proposal.target)
        now = self._clock()
        life = ttl if ttl is not None else timedelta(minutes=self.policy.config.approval_ttl_minutes)
        with self._store.transaction(lock=LEDGER_LOCK) as conn:
            current = proposal_from_row(
                conn.execute("SELECT * FROM proposals WHERE id=?", (proposal_id,)).fetchone()
            )
            existing = self._reusable(
                conn, current, approver=approver, action=final_action, target=final_target, now=now
            )
            if existing is not None:
                return existing
            row = {
                "id": "apv_" + secrets.token_hex(12),
                "proposal_id": proposal_id,
                "incident_id": current.incident_id,
                "action": final_action,
                "target": final_target,
                "risk": verdict.risk,
                "approver": approver,
                "senior": int(senior),
                "created_at": now.isoformat(),
                "expires_at": (now + life).isoformat(),
            }
            row["digest"] = self._digest(row)
            row |= self._sealed(row, state="approved", claimed_at=None, result=None, finished_at=None)
            conn.execute(
                "INSERT INTO approvals (id, proposal_id, incident_id, action, target, risk, approver, senior,"
                " created_at, expires_at, digest, state, seal) VALUES (:id, :proposal_id, :incident_id, :action,"
                " :target, :risk, :approver, :senior, :created_at, :expires_at, :digest, 'approved', :seal)",
                row,
            )
            conn.execute(
                "UPDATE proposals SET status=?, decided_at=?, decided_by=?, final_action=?, final_target=?,"
                " approval_id=? WHERE id=?",
                (
                    "edited" if edited else "approved",
                    row["created_at"],
                    approver,
                    final_action,
                    final_target,
                    row["id"],
                    proposal_id,
                ),
            )
            approval = approval_from_row(
                conn.execute("SELECT * FROM approvals WHERE id=?", (row["id"],)).fetchone()
            )
        if self._audit is not None:
            self._audit.append(
                "decision",
                incident_id=approval.incident_id,
                proposal_id=proposal_id,
                decision="edited" if edited else "approved",
                approver=approver,
                action=final_action,
                target=final_target,
                risk=verdict.risk,
                senior=senior,
                approval_id=approval.id,
                expires_at=approval.expires_at,
                edited_from=f"{proposal.action} on {proposal.target}" if edited else None,
            )
        return approval

    def _reusable(
        self,
        conn: Connection,
        proposal: Proposal,
        *,
        approver: str,
        action: str,
        target: str,
        now: datetime,
    ) -> Approval | None:
        """The existing approval when this repeats it; raises when the proposal is otherwise decided."""
        if proposal.status == "pending":
            return None
        if proposal.status == "rejected":
            raise e.ApprovalStateError(f"proposal {proposal.id} was rejected by {proposal.decided_by}")
        row = conn.execute("SELECT * FROM approvals WHERE id=?", (proposal.approval_id,)).fetchone()
        previous = approval_from_row(row)
        if previous.state == "approved" and previous.expires_at <= now:
            return None  # an expired, unused approval may be renewed
        if (previous.approver, previous.action, previous.target) == (
            approver,
            action,
            target,
        ) and previous.state == "approved":
            return previous
        raise e.ApprovalStateError(
            f"proposal {proposal.id} is already {proposal.status} (approval {previous.id}, {previous.state})"
        )

    def reject(self, proposal_id: str, *, approver: str, reason: str) -> Proposal:
        """Reject a pending proposal with a reason the agents will see (idempotent when repeated)."""
        if not isinstance(approver, str) or not _APPROVER.match(approver):
            raise e.ApprovalStateError("approver must be a name of 1-100 printable characters")
        why = self._redactor.text(str(reason or "no reason given"))[:2000]
        with self._store.transaction(lock=LEDGER_LOCK) as conn:
            row = conn.execute("SELECT * FROM proposals WHERE id=?", (proposal_id,)).fetchone()
            if row is None:
                raise e.ApprovalNotFoundError(f"no proposal {str(proposal_id)[:40]!r}")
            current = proposal_from_row(row)
            if current.status == "rejected":
                return current
            if current.status != "pending":
                raise e.ApprovalStateError(f"proposal {proposal_id} is already {current.status}")
            conn.execute(
                "UPDATE proposals SET status='rejected', decided_at=?, decided_by=?, decision_reason=?"
                " WHERE id=?",
                (self._clock().isoformat(), approver, why, proposal_id),
            )
            proposal = proposal_from_row(
                conn.execute("SELECT * FROM proposals WHERE id=?", (proposal_id,)).fetchone()
            )
        if self._audit is not None:
            self._audit.append(
                "decision",
                incident_id=proposal.incident_id,
                proposal_id=proposal_id,
                decision="rejected",
                approver=approver,
                reason=why,
                action=proposal.action,
                target=proposal.target,
            )
        return proposal

    # --- claims and results -----------------------------------------------------------------
    def claim(
        self,
        token_or_id: str,
        *,
        incident_id: str,
        action: str,
        target: str,
        proposal_id: str | None = None,
        resume: bool = False,
    ) -> Approval:
        """Atomically verify and use an approval for exactly (incident, action, target).

        Raises `ApprovalNotFoundError`, `ApprovalTamperedError`, `ApprovalCrossIncidentError`,
        `ApprovalMismatchError`, `ApprovalNotSeniorError`, `PolicyRefusedError`, `ApprovalExpiredError`,
        `ApprovalReplayedError` (already done) or `ApprovalInFlightError` (claimed, no result; pass
        `resume=True` to get it back with `resumed=True`).
        """
        approval_id, presented = parse_token(token_or_id)
        binding = {"incident_id": incident_id, "action": action, "target": target, "proposal_id": proposal_id,
                   "resume": resume}
        # Every refusal that does not depend on who else is claiming comes first, without the lease,
        # so a forged or replayed token is refused for what it is, whatever else is running.
        checked = self._claim(approval_id, presented, check_only=True, **binding)
        if checked.state == "approved":
            self._check_unused(checked)
        acquired = self._leases.take(approval_id)
        if acquired is None:
            raise e.ApprovalInFlightError(
                f"approval {approval_id} is being executed by a live process or thread; not acting twice",
                approval_id,
            )
        try:
            approval = self._claim(approval_id, presented, **binding)
        except BaseException:
            if acquired:
                self._leases.drop(approval_id)
            raise
        return approval

    def _check_unused(self, approval: Approval) -> None:
        """An approval the ledger calls unused must not show up as used elsewhere: the audit trail must be
        whole (its keyed head agrees with its end) and hold no execution of it. A row copied back from an
        earlier moment (with its then valid seal) is caught here."""
        if self._audit is None:
            return
        problem = self._audit.tail_problem()
        if problem is not None:
            raise e.ApprovalTamperedError(
                f"the audit trail is not whole ({problem}); not acting on approval {approval.id} until it is "
                "checked (`aiops audit verify`)")
        if self._audit.decided_seq(approval.id) is None:
            raise e.ApprovalTamperedError(
                f"approval {approval.id} has no `decision` line in the audit trail: the trail was cut, deleted "
                "or replaced, so it cannot show whether the approval was already used; not acting on it "
                "(`aiops audit verify` shows what is missing; decide the incident again or close it)")
        seq = self._audit.executed_seq(approval.id)
        if seq is not None:
            raise e.ApprovalTamperedError(
                f"approval {approval.id} is recorded as unused, but the audit trail shows it was executed "
                f"(seq {seq}): the approval ledger was rolled back; not acting again")

    def _claim(
        self,
        approval_id: str,
        presented: str | None,
        *,
        incident_id: str,
        action: str,
        target: str,
        proposal_id: str | None,
        resume: bool,
        check_only: bool = False,
    ) -> Approval:
        """The claim itself, under the lease of `approval_id` (`check_only`: every check, no change)."""
        now = self._clock()
        with self._store.transaction(lock=LEDGER_LOCK) as conn:
            row = conn.execute("SELECT * FROM approvals WHERE id=?", (approval_id,)).fetchone()
            if row is None:
                raise e.ApprovalNotFoundError(f"no approval {approval_id[:40]!r}")
            expected = self._digest(row)
            if not hmac.compare_digest(expected, row["digest"]) or (
                presented is not None and not hmac.compare_digest(expected, presented)
            ):
                raise e.ApprovalTamperedError(
                    f"approval {approval_id} does not match its signature; it was altered"
                )
            if not seal_ok(self._secret, row):
                raise e.ApprovalTamperedError(
                    f"approval {approval_id}: its recorded state ({row['state']}) does not match its seal; "
                    "it was changed without the key, so it is not used"
                )
            approval = approval_from_row(row)
            self._check_binding(approval, incident_id, action, target, proposal_id)
            if approval.state == "done":
                raise e.ApprovalReplayedError(
                    f"approval {approval.id} was already used; a new action needs a new approval"
                )
            if approval.state == "executing":
                if resume:
                    return approval_from_row(row, resumed=True)
                raise e.ApprovalInFlightError(
                    f"approval {approval.id} is already being executed; its result is not recorded yet",
                    approval.id,
                )
            if approval.expires_at <= now:
                raise e.ApprovalExpiredError(
                    f"approval {approval.id} expired at {approval.expires_at.isoformat()}; "
                    "ask for a new approval"
                )
            if check_only:
                return approval
            change = self._sealed(row, state="executing", claimed_at=now.isoformat())
            updated = conn.execute(
                "UPDATE approvals SET state=:state, claimed_at=:claimed_at, seal=:seal WHERE id=:id"
                " AND state='approved'",
                {**change, "id": approval.id},
            ).rowcount
            if updated != 1:  # cannot happen under BEGIN IMMEDIATE; kept as a guard
                raise e.ApprovalReplayedError(f"approval {approval.id} was claimed concurrently")
            row = conn.execute("SELECT * FROM approvals WHERE id=?", (approval.id,)).fetchone()
        return approval_from_row(row)

    def _check_binding(
        self, approval: Approval, incident_id: str, action: str, target: str, proposal_id: str | None
    ) -> None:
        if approval.incident_id != incident_id:
            raise e.ApprovalCrossIncidentError(f"approval {approval.id} belongs to another incident")
        if proposal_id is not None and approval.proposal_id != proposal_id:
            raise e.ApprovalMismatchError(f"approval {approval.id} is for another proposal")
        if (approval.action, approval.target) != (action, target):
            raise e.ApprovalMismatchError(
                f"approval {approval.id} is for {approval.action} on {approval.target}, "
                f"not {str(action)[:64]} on {str(target)[:64]}"
            )
        verdict = self.policy.check(action, target)
        if not verdict.allowed:
            raise e.PolicyRefusedError(verdict.reason)
        if verdict.needs_senior and not (approval.senior and self.policy.is_senior(approval.approver)):
            raise e.ApprovalNotSeniorError(
                f"{action} needs a senior approver; {approval.approver!r} is not one"
            )

    def record_result(self, approval_id: str, result: Mapping[str, Any]) -> Approval:
        """Record what the executor returned for a claimed approval (state `done`). Recording the
        same approval again keeps the first result. Raises `ApprovalStateError` if never claimed."""
        text = json.dumps(self._redactor.value(dict(result)), sort_keys=True)
        with self._store.transaction(lock=LEDGER_LOCK) as conn:
            row = conn.execute("SELECT * FROM approvals WHERE id=?", (approval_id,)).fetchone()
            if row is None:
                raise e.ApprovalNotFoundError(f"no approval {str(approval_id)[:40]!r}")
            if row["state"] == "approved":
                raise e.ApprovalStateError(
                    f"approval {approval_id} was never claimed; claim it before executing"
                )
            if row["state"] == "executing":
                if not seal_ok(self._secret, row):
                    raise e.ApprovalTamperedError(
                        f"approval {approval_id}: its recorded state does not match its seal; it was altered")
                change = self._sealed(row, state="done", result=text, finished_at=self._clock().isoformat())
                conn.execute(
                    "UPDATE approvals SET state=:state, result=:result, finished_at=:finished_at, seal=:seal"
                    " WHERE id=:id",
                    {**change, "id": approval_id},
                )
                row = conn.execute("SELECT * FROM approvals WHERE id=?", (approval_id,)).fetchone()
        self._leases.drop(approval_id)
        return approval_from_row(row)

    def close(self) -> None:
        """Release the leases this instance holds (the process exiting releases them too)."""
        self._leases.drop_all()

    def result_for(
        self,
        approval_id: str,
        *,
        incident_id: str | None = None,
        proposal_id: str | None = None,
        action: str | None = None,
        target: str | None = None,
    ) -> dict[str, Any] | None:
        """The recorded result of an approval, or None when none is recorded (or no such approval).

        Pass the binding the caller is about to act on (incident, proposal, action, target): the
        result is then returned only when the approval matches every given field, so a replayed
        approval of another proposal or incident never passes for this one's result (the caller
        goes on to `claim`, which refuses it with the reason)."""
        with self._store.reading() as conn:
            row = conn.execute(
                "SELECT * FROM approvals WHERE id=? AND state='done'", (approval_id,)
            ).fetchone()
        if row is None or not row["result"] or not seal_ok(self._secret, row):
            return None  # a result whose seal does not match is not trusted (the claim then refuses it)
        wanted = {"incident_id": incident_id, "proposal_id": proposal_id, "action": action, "target": target}
        if any(value is not None and row[name] != value for name, value in wanted.items()):
            return None
        return json.loads(row["result"])

    def get_approval(self, approval_id: str) -> Approval:
        """The approval with that id (any state). Raises `ApprovalNotFoundError`."""
        with self._store.reading() as conn:
            row = conn.execute("SELECT * FROM approvals WHERE id=?", (approval_id,)).fetchone()
        if row is None:
            raise e.ApprovalNotFoundError(f"no approval {str(approval_id)[:40]!r}")
        return approval_from_row(row)

    def approvals(self, incident_id: str) -> list[Approval]:
        """The approvals of an incident, oldest first."""
        with self._store.reading() as conn:
            rows = conn.execute(
                "SELECT * FROM approvals WHERE incident_id=? ORDER BY created_at, rowid", (incident_id,)
            ).fetchall()
        return [approval_from_row(row) for row in rows]

    def in_flight(self, incident_id: str) -> list[Approval]:
        """Approvals of an incident that were claimed but have no recorded result: the action may or
        may not have run. Resume them with the executor's idempotency key, or check by hand."""
        return [approval for approval in self.approvals(incident_id) if approval.state == "executing"]

