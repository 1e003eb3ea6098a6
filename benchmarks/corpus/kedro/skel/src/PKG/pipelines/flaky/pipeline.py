from kedro.pipeline import Pipeline, node, pipeline


def divide(stats, divisor):
    return {"ratio": stats["n"] / divisor}


def lookup(stats, key):
    return {"value": stats[key]}


def create_pipeline(**kwargs) -> Pipeline:
    return pipeline([
        node(divide, ["row_stats", "params:flaky.divisor"], "ratio_out", name="divide_node", tags=["flaky"]),
        node(lookup, ["row_stats", "params:flaky.key"], "lookup_out", name="lookup_node", tags=["flaky"]),
    ])
