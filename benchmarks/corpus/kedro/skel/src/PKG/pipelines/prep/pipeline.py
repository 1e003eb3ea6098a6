from kedro.pipeline import Pipeline, node, pipeline


def clean(raw, params):
    if params.get("fail_clean"):
        raise ValueError("raw rows rejected")
    return [r for r in raw if r.get("v") is not None]


def features(rows):
    return [{"v": r["v"], "sq": r["v"] * r["v"]} for r in rows]


def stats(rows):
    vals = [r["v"] for r in rows]
    return {"n": len(vals), "mean": sum(vals) / len(vals)}


def create_pipeline(**kwargs) -> Pipeline:
    return pipeline([
        node(clean, ["raw_rows", "params:prep"], "clean_rows", name="clean_node", tags=["prep"]),
        node(features, "clean_rows", "feature_rows", name="features_node", tags=["prep", "feat"]),
        node(stats, "clean_rows", "row_stats", name="stats_node", tags=["report"]),
    ])
