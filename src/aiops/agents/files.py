"""The agents' file space: a confined workspace per incident plus a read-only view of the team.

Traps avoided (SPEC.md): paths never resolve against the working directory; the workspace is a
virtual root under the incident folder (large tool results cannot land at the filesystem root);
per-agent skills get their own parent folders (a skills source is the *parent* of skill folders);
and the team's skills and memory cannot be written at run time — the agents see a snapshot of them
behind a backend that refuses every write.

Layout seen by the agents:
    /team/memory/<file>                 shared memory (AGENTS.md)
    /team/skills/<agent>/<skill>/...    the skills that agent lists
    /<anything else>                    the incident's workspace (notes, evicted large results)
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from deepagents.backends import CompositeBackend, FilesystemBackend
from deepagents.backends.protocol import DeleteResult, EditResult, FileUploadResponse, WriteResult

from aiops.core.private import harden_tree_item, private_dir

TEAM_ROUTE = "/team/"
_READ_ONLY = "permission denied: the team's skills and memory are read-only at run time; write notes elsewhere"


class ReadOnlyFilesystemBackend(FilesystemBackend):
    """A virtual-mode filesystem backend that refuses writes, edits, uploads and deletes."""

    def write(self, file_path: str, content: str) -> WriteResult:  # noqa: ARG002
        return WriteResult(error=_READ_ONLY)

    async def awrite(self, file_path: str, content: str) -> WriteResult:
        return self.write(file_path, content)

    def edit(self, file_path: str, old_string: str, new_string: str, replace_all: bool = False) -> EditResult:  # noqa: ARG002
        return EditResult(error=_READ_ONLY)

    async def aedit(self, file_path: str, old_string: str, new_string: str, replace_all: bool = False) -> EditResult:
        return self.edit(file_path, old_string, new_string, replace_all)

    def delete(self, file_path: str) -> DeleteResult:  # noqa: ARG002
        return DeleteResult(error=_READ_ONLY)

    async def adelete(self, file_path: str) -> DeleteResult:
        return self.delete(file_path)

    def upload_files(self, files: list[tuple[str, bytes]]) -> list[FileUploadResponse]:
        return [FileUploadResponse(path=path, error="permission_denied") for path, _ in files]

    async def aupload_files(self, files: list[tuple[str, bytes]]) -> list[FileUploadResponse]:
        return self.upload_files(files)


class PrivateFilesystemBackend(FilesystemBackend):
    """The incident workspace: what the agents write is owner-only (0600 files, 0700 folders)."""

    def _private(self, file_path: str) -> None:
        try:
            path = self._resolve_path(file_path)
        except (OSError, RuntimeError):
            return
        root = Path(self.cwd)
        for folder in [p for p in path.parents if root in p.parents]:
            harden_tree_item(folder)
        harden_tree_item(path)

    def write(self, file_path: str, content: str) -> WriteResult:
        result = super().write(file_path, content)
        if not result.error:
            self._private(file_path)
        return result

    async def awrite(self, file_path: str, content: str) -> WriteResult:
        return self.write(file_path, content)

    def upload_files(self, files: list[tuple[str, bytes]]) -> list[FileUploadResponse]:
        responses = super().upload_files(files)
        for response in responses:
            if response.error is None:
                self._private(response.path)
        return responses

    async def aupload_files(self, files: list[tuple[str, bytes]]) -> list[FileUploadResponse]:
        return self.upload_files(files)


@dataclass(frozen=True, slots=True)
class AgentFiles:
    """Virtual paths one agent's middleware reads: its skills source and its memory files."""

    skills_source: str | None
    memory: tuple[str, ...]


def snapshot_team(
    dest: Path,
    *,
    skills: Mapping[str, Mapping[str, Path]],
    memory: Mapping[str, Sequence[Path]],
    team_dir: Path,
) -> dict[str, AgentFiles]:
    """Copy what each agent may read into `dest` (the incident's team snapshot).

    `skills` maps agent -> {skill name: skill folder}; `memory` maps agent -> memory files.
    An existing snapshot is kept as is, so a resumed incident reads the files it started with.
    """
    fresh = not dest.exists()
    layout: dict[str, AgentFiles] = {}
    for agent in sorted(set(skills) | set(memory)):
        agent_skills = skills.get(agent, {})
        for name, folder in agent_skills.items():
            target = dest / "skills" / agent / name
            if fresh:
                shutil.copytree(folder, target)
        memory_paths = []
        for path in memory.get(agent, ()):
            rel = path.resolve().relative_to(team_dir.resolve())
            target = dest / "memory" / rel
            if fresh and not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
            memory_paths.append(f"{TEAM_ROUTE}memory/{rel.as_posix()}")
        source = f"{TEAM_ROUTE}skills/{agent}/" if agent_skills else None
        layout[agent] = AgentFiles(skills_source=source, memory=tuple(memory_paths))
    dest.mkdir(parents=True, exist_ok=True)
    return layout


def incident_backend(workspace: Path, team_snapshot: Path) -> CompositeBackend:
    """The backend every agent of one incident shares: confined workspace + read-only team view."""
    private_dir(workspace)
    return CompositeBackend(
        default=PrivateFilesystemBackend(root_dir=workspace, virtual_mode=True),
        routes={TEAM_ROUTE: ReadOnlyFilesystemBackend(root_dir=team_snapshot, virtual_mode=True)},
    )
