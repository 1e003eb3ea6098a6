"""The team's memory of its own incidents: confirmed outcomes (labels) and recall of similar confirmed
incidents, per state folder. Imports no LangChain; the `search_past_incidents` tool and the runtime
use it."""

from aiops.memory.index import IncidentMemory, Label, Recalled, evidence_terms, now_iso

__all__ = ["IncidentMemory", "Label", "Recalled", "evidence_terms", "now_iso"]
