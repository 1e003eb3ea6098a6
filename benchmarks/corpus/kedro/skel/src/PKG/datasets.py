import json
from pathlib import Path
from kedro.io import AbstractDataset, DatasetError


class JSONFileDataset(AbstractDataset):
    def __init__(self, filepath, indent=None):
        self._filepath = Path(filepath)
        self._indent = indent

    def _load(self):
        return json.loads(self._filepath.read_text())

    def _save(self, data):
        self._filepath.parent.mkdir(parents=True, exist_ok=True)
        self._filepath.write_text(json.dumps(data, indent=self._indent))

    def _exists(self):
        return self._filepath.exists()

    def _describe(self):
        return {"filepath": str(self._filepath)}
